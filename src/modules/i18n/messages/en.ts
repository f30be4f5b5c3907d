/**
 * Interface text in English. Every key here must exist in vi.ts too (the
 * type of vi.ts and a test make sure). `{name}` marks a value filled in at render.
 * Each larger part of the interface keeps its text in its own pair of files
 * (admin, editing, media, discovery), spread in below.
 */
import { adminEn } from './admin.en.js';
import { editingEn } from './editing.en.js';
import { mediaEn } from './media.en.js';
import { discoveryEn } from './discovery.en.js';
import { mailEn } from './mail.en.js';
import { subscriptionsEn } from './subscriptions.en.js';
import { apiEn } from './api.en.js';
import { seriesEn } from './series.en.js';
import { draftsEn } from './drafts.en.js';

export const en = {
  'site.skipLink': 'Skip to main content',
  'site.navLabel': 'Main',
  /** This language's name in itself, for the language switcher. */
  'language.name': 'English',
  'site.languageLabel': 'Language',
  'site.footer': 'Content © International Labour Organization. Published with Almanac.',
  'nav.home': 'Home',
  'nav.events': 'Events and meetings',
  'nav.articles': 'Feature articles',

  'home.title': 'News and events',
  'home.description': 'Events and meetings that {site} organises or joins, and its feature articles, in English and Vietnamese.',
  'home.happeningNow': 'Happening now',
  'home.comingUp': 'Coming up',
  'home.nothingComingUp': 'No upcoming events have been announced yet.',
  'home.recentEvents': 'Recent events',
  'home.latestArticles': 'Latest feature articles',
  'home.allEvents': 'All events and meetings',
  'home.allArticles': 'All feature articles',

  'events.title': 'Events and meetings',
  'events.queries': 'Any queries should be sent to the office by {email}.',
  'events.queriesLinkText': 'email',
  'events.upcoming': 'Upcoming',
  'events.past': 'Past events',
  'events.noUpcoming': 'No upcoming events have been announced yet.',
  'events.noEvents': 'No events have been published yet.',
  'events.pageTitle': 'Events and meetings, page {page}',

  'event.date': 'Date',
  'event.time': 'Time',
  'event.type': 'Type',
  'event.location': 'Location',
  'event.online': 'Online',
  'event.onlineAndInPerson': 'Online and in person',
  'event.register': 'Register for this event',
  'event.contact': 'Contact',
  'event.programmes': 'Programmes and projects',
  'event.topics': 'Topics',
  'event.cancelled': 'This event has been cancelled.',
  'event.postponedShort': 'This event has been postponed.',
  'event.postponed': 'This event has been postponed. A new date will be announced.',
  'event.query': 'Send a query to the office about this event',
  'event.backToList': 'All events and meetings',
  'event.metaDescription': '{title}: an event of {site}, {dates}.',

  'eventType.meeting': 'Meeting',
  'eventType.workshop': 'Workshop',
  'eventType.webinar': 'Webinar',
  'eventType.consultation': 'Consultation',
  'eventType.training': 'Training',
  'eventType.launch': 'Launch',
  'eventType.study_visit': 'Study visit',
  'eventType.survey': 'Survey',
  'eventType.other': 'Event',

  'articles.title': 'Feature articles',
  'articles.noArticles': 'No articles have been published yet.',
  'articles.pageTitle': 'Feature articles, page {page}',
  'article.published': 'Published',
  'article.backToList': 'All feature articles',
  'article.metaDescription': '{title}: a feature article of {site}, {date}.',
  'article.bylineBy': 'By {author}',
  'article.bylineOpEd': 'Op-ed by {author}',
  'article.photoCredit': 'Photo credit',

  'translation.untranslatedItem': 'Not yet translated',
  'translation.untranslatedPage': 'This page has not been translated into English yet. It is shown in its original language.',

  'pager.label': 'Pages',
  'pager.previous': 'Previous page',
  'pager.next': 'Next page',
  'pager.status': 'Page {page} of {pages}',

  'error.notFoundTitle': 'Page not found',
  'error.notFoundBody': 'We could not find the page you asked for. It may have moved, or the address may be mistyped.',
  'error.badRequestTitle': 'This request could not be understood',
  'error.serverTitle': 'Something went wrong',
  'error.serverBody': 'The site could not show this page just now. Please try again in a moment.',
  'error.badAddress': 'The address of this page is not valid.',
  'error.addressTooLong': 'The address of this page is too long.',
  'error.badRequest': 'This request could not be understood.',
  'error.formIncomplete': 'The form arrived incomplete, so nothing was saved. Please send it again.',
  'error.formTooLarge': 'This form has more fields or files than it can take. Send one file at a time, with its description.',
  'error.pageNumber': 'The page number must be a whole number, 1 or more.',
  'error.pageTooLarge': 'There is no page with so large a number.',
  'error.languageChoice': 'Choose English (en) or Vietnamese (vi).',
  'error.reference': 'Reference: {id}',
  'error.goHome': 'Go to the home page',
  ...adminEn,
  ...editingEn,
  ...mediaEn,
  ...discoveryEn,
  ...mailEn,
  ...subscriptionsEn,
  ...apiEn,
  ...seriesEn,
  ...draftsEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
