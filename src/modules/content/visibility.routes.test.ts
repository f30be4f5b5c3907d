/**
 * One rule decides what visitors see (live.ts): an event and an article
 * scheduled for a later time, each with English and Vietnamese text, are on
 * no public surface the second before that time, and on every one of them
 * the second after, with no scheduler having run. Surfaces: listings, detail
 * pages with their structured data, search, news feeds, calendars, the
 * sitemap, the home page, topic and programme pages, and the related items
 * on the other kind's page, in both languages.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { articleInput, createPeople, eventInput } from '../../../test/helpers/editing.js';
import { createTaggedContent, RELATED_SLUGS } from '../../../test/fixtures/tagged-content.js';
import { createArticle, scheduleArticle } from '../articles/articles.editing.js';
import { createEvent, scheduleEvent } from '../events/events.editing.js';
import {
  articlePath,
  articlesPath,
  calendarPath,
  eventCalendarPath,
  eventPath,
  eventsPath,
  homePath,
  newsFeedPath,
  programmePath,
  searchPath,
  sitemapPath,
  topicPath,
  type FeedScope,
  type Lang,
} from '../../shared/http/paths.js';

/** A word found in no other content: where it shows, the scheduled items show. */
const EVENT_WORD = 'Xylophonia';
const ARTICLE_WORD = 'Quasarine';
/** The time both are scheduled for: a day after the tests' "now". */
const AT = new Date(DEFAULT_NOW.getTime() + 24 * 3600_000);
const LANGS: Lang[] = ['en', 'vi'];
const SCOPES: FeedScope[] = [
  { kind: 'all' },
  { kind: 'topic', slug: 'child-labour' },
  { kind: 'programme', slug: 'enhance' },
];

interface Surface {
  name: string;
  url: string;
  /** What shows there once live. */
  words: string[];
  /** A page of the item itself: 404 before its time rather than a page without it. */
  own?: boolean;
}

describe('a scheduled event and article are on no public surface before their time and on all of them after', () => {
  const t = appForBlock();
  const slugs = { event: { en: '', vi: '' }, article: { en: '', vi: '' } };
  /** Live items sharing the topic, whose pages list related items: their address in each language. */
  const relatives = RELATED_SLUGS;

  before(async () => {
    await createTaggedContent(t.db);
    const [topic] = await t.db.selectFrom('topics').select('id').where('slug', '=', 'child-labour').execute();
    const [programme] = await t.db.selectFrom('programmes').select('id').where('slug', '=', 'enhance').execute();
    const tags = { topics: [topic!.id], programmes: [programme!.id] };
    const ctx = { user: (await createPeople(t.db)).editor, now: DEFAULT_NOW };
    const event = await createEvent(
      t.db,
      ctx,
      eventInput({
        ...tags,
        // The soonest upcoming event: first on the home page, the topic page and among related events.
        start_date: '2026-11-28',
        en: { title: `${EVENT_WORD} forum on child labour`, summary: 'Embargoed.', description: 'Employers and workers meet.', venue: null, city: 'Hanoi' },
        vi: {
          title: `Diễn đàn ${EVENT_WORD} về lao động trẻ em`,
          summary: 'Chưa công bố.',
          description: 'Người sử dụng lao động và người lao động gặp nhau.',
          venue: null,
          city: 'Hà Nội',
          slug: null,
          status: 'published',
        },
      }),
    );
    await scheduleEvent(t.db, ctx, event.id, AT);
    slugs.event = { en: event.snapshot.slug, vi: event.snapshot.vi!.slug };
    const article = await createArticle(
      t.db,
      ctx,
      articleInput({
        ...tags,
        // The newest article: first in the feeds, on the home page and among related articles;
        // and the only one of its year, which no year filter may offer before its time.
        published_on: '2027-01-05',
        en: { title: `${ARTICLE_WORD} story of coffee farms`, summary: 'Embargoed.', body: 'Harvest time on the **plateau**.', hero_alt: null, byline_role: null, byline_organisation: null },
        vi: {
          title: `Câu chuyện ${ARTICLE_WORD} về trang trại cà phê`,
          summary: 'Chưa công bố.',
          body: 'Mùa thu hoạch trên cao nguyên.',
          hero_alt: null,
          byline_role: null,
          byline_organisation: null,
          slug: null,
          status: 'published',
        },
      }),
    );
    await scheduleArticle(t.db, ctx, article.id, AT);
    slugs.article = { en: article.snapshot.slug, vi: article.snapshot.vi!.slug };
  });

  function surfaces(): Surface[] {
    const both = [EVENT_WORD, ARTICLE_WORD];
    const list: Surface[] = [{ name: 'sitemap', url: sitemapPath(), words: LANGS.flatMap((l) => [slugs.event[l], slugs.article[l]]) }];
    for (const lang of LANGS) {
      list.push(
        { name: `${lang} home page`, url: homePath(lang), words: both },
        { name: `${lang} events listing`, url: eventsPath(lang), words: [EVENT_WORD] },
        { name: `${lang} articles listing`, url: articlesPath(lang), words: [ARTICLE_WORD, 'value="2027"'] },
        { name: `${lang} event page`, url: eventPath(lang, slugs.event[lang]), words: [EVENT_WORD, '"@type":"Event"'], own: true },
        { name: `${lang} article page`, url: articlePath(lang, slugs.article[lang]), words: [ARTICLE_WORD, '"@type":"NewsArticle"'], own: true },
        { name: `${lang} event's calendar file`, url: eventCalendarPath(lang, slugs.event[lang]), words: [EVENT_WORD], own: true },
        // Related items: a live article's page lists events sharing its topic, and a live event's page articles.
        { name: `${lang} related events`, url: articlePath(lang, relatives.article[lang]), words: [EVENT_WORD] },
        { name: `${lang} related articles`, url: eventPath(lang, relatives.event[lang]), words: [ARTICLE_WORD] },
        { name: `${lang} topic page`, url: topicPath(lang, 'child-labour'), words: both },
        { name: `${lang} programme page`, url: programmePath(lang, 'enhance'), words: both },
        // The query is in the search form: the results' links tell.
        { name: `${lang} search for the event`, url: searchPath(lang, { q: EVENT_WORD }), words: [eventPath(lang, slugs.event[lang])] },
        { name: `${lang} search for the article`, url: searchPath(lang, { q: ARTICLE_WORD }), words: [articlePath(lang, slugs.article[lang])] },
        { name: `${lang} search by topic`, url: searchPath(lang, { topic: 'child-labour' }), words: both },
        { name: `${lang} search's year choices`, url: searchPath(lang), words: ['value="2027"'] },
      );
      for (const scope of SCOPES) {
        list.push({ name: `${lang} calendar (${scope.kind})`, url: calendarPath(lang, scope), words: [EVENT_WORD] });
        for (const format of ['atom', 'rss', 'json'] as const) {
          list.push({ name: `${lang} ${format} feed (${scope.kind})`, url: newsFeedPath(lang, format, scope), words: [ARTICLE_WORD] });
        }
      }
    }
    return list;
  }

  test('the second before: absent everywhere, their own pages 404', async () => {
    t.setNow(new Date(AT.getTime() - 1000));
    const problems: string[] = [];
    for (const surface of surfaces()) {
      const res = await t.app.inject({ url: surface.url });
      if (res.statusCode !== (surface.own ? 404 : 200)) problems.push(`${surface.name}: ${res.statusCode}`);
      else if (!surface.own) for (const word of surface.words) if (res.body.includes(word)) problems.push(`${surface.name} shows ${word}`);
    }
    assert.deepEqual(problems, []);
  });

  test('the second after: present everywhere', async () => {
    t.setNow(new Date(AT.getTime() + 1000));
    const problems: string[] = [];
    for (const surface of surfaces()) {
      const res = await t.app.inject({ url: surface.url });
      if (res.statusCode !== 200) problems.push(`${surface.name}: ${res.statusCode}`);
      else for (const word of surface.words) if (!res.body.includes(word)) problems.push(`${surface.name} lacks ${word}`);
    }
    assert.deepEqual(problems, []);
  });
});
