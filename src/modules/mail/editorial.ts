/**
 * The editorial notices: after a change to an event or article, inside its
 * transaction, the people it concerns get an email in their language. A
 * contributor's "submit for review" tells the editors; an editor's "return
 * to draft" (with their message) and "publish" tell the author, and so does
 * a scheduled item going live. Nobody is told of their own step, and each
 * account can switch the notices off. The app hands this to the content
 * module as a listener (src/module-links.ts); it names the change by its
 * shape, so mail needs nothing from content.
 */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { articlePath, eventPath } from '../../shared/http/paths.js';
import { translator } from '../i18n/index.js';
import { siteLink, type MailContent, type MailSite } from './compose.js';
import * as repo from './editorial.repository.js';
import { enqueueMail } from './outbox.js';

/** What the listener reads of a content change. */
export interface EditorialChange {
  userId: number | null;
  kind: 'event' | 'article';
  itemId: number;
  /** `<kind>.<step>`, e.g. 'event.submit'. */
  action: string;
  note?: string | undefined;
  at: Date;
}

type Notice = 'submitted' | 'returned' | 'published' | 'wentLive';

/** The steps that are told, and what each says. */
const NOTICES: Record<string, Notice> = {
  submit: 'submitted',
  return_to_draft: 'returned',
  publish: 'published',
  went_live: 'wentLive',
};

function titleIn(item: repo.NoticeItem, lang: LangCode): string {
  return item.titles[lang] ?? item.titles.en ?? item.slug;
}

function noticeMail(site: MailSite, notice: Notice, change: EditorialChange, item: repo.NoticeItem, lang: LangCode, actorName: string): MailContent {
  const t = translator(lang);
  const title = titleIn(item, lang);
  const kind = t(`mail.kind.${change.kind}`);
  const adminLink = siteLink(site, `/admin/${change.kind}s/${change.itemId}`);
  const publicLink = siteLink(site, change.kind === 'event' ? eventPath(lang, item.slug) : articlePath(lang, item.slug));
  const footer = [t('mail.editorial.footer', { site: site.siteName, url: siteLink(site, '/admin/account') })];
  switch (notice) {
    case 'submitted':
      return { subject: t('mail.submitted.subject', { title }), paragraphs: [t('mail.submitted.body', { author: actorName, kind, title })], action: { label: t('mail.submitted.action'), url: adminLink }, footer };
    case 'returned':
      return {
        subject: t('mail.returned.subject', { title }),
        paragraphs: [t('mail.returned.body', { editor: actorName, kind, title }), ...(change.note ? [t('mail.returned.noteIntro')] : [])],
        quote: change.note,
        action: { label: t('mail.returned.action'), url: adminLink },
        footer,
      };
    case 'published':
      return { subject: t('mail.published.subject', { title }), paragraphs: [t('mail.published.body', { editor: actorName, kind, title })], action: { label: t('mail.published.action'), url: publicLink }, footer };
    case 'wentLive':
      return { subject: t('mail.wentLive.subject', { title }), paragraphs: [t('mail.wentLive.body', { kind, title })], action: { label: t('mail.published.action'), url: publicLink }, footer };
  }
}

/** Who a notice goes to: the editors for a submission, else the item's author; never the person who took the step. */
async function recipients(db: Kysely<Database>, notice: Notice, change: EditorialChange, item: repo.NoticeItem): Promise<repo.NoticeRecipient[]> {
  if (notice === 'submitted') return (await repo.editorsToNotify(db)).filter((r) => r.id !== change.userId);
  if (item.createdBy === null || item.createdBy === change.userId) return [];
  const author = await repo.accountToNotify(db, item.createdBy);
  return author ? [author] : [];
}

/** The listener to hand the content module: queues the notices a change calls for. */
export function editorialNotices(site: MailSite): (db: Kysely<Database>, change: EditorialChange) => Promise<void> {
  return async (db, change) => {
    const notice = NOTICES[change.action.slice(change.action.indexOf('.') + 1)];
    if (!notice) return;
    const item = await repo.findNoticeItem(db, change.kind, change.itemId);
    if (!item) return;
    const to = await recipients(db, notice, change, item);
    if (to.length === 0) return;
    const actor = await repo.accountName(db, change.userId);
    for (const person of to) {
      const name = actor ?? translator(person.lang)('mail.someone');
      await enqueueMail(db, site, { to: person.email, lang: person.lang, content: noticeMail(site, notice, change, item, person.lang, name) }, change.at);
    }
  };
}
