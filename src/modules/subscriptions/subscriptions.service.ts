/**
 * Visitors who follow the office by email. Double opt-in: a new address gets
 * only the confirmation message until its link is followed, and is forgotten
 * after 7 days if it never is. Every message carries a link of its own (only
 * its SHA-256 is kept) to the page where the subscription is changed or
 * stopped, and the same address answers a one-click POST (RFC 8058).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { formatDate, formatDateRange } from '../../shared/dates/format.js';
import { todayInZone, weekdayOf } from '../../shared/dates/calendar-date.js';
import { articlePath, eventPath } from '../../shared/http/paths.js';
import { translator } from '../i18n/index.js';
import { enqueueMail, mailSite, siteLink, type MailContent, type MailSite } from '../mail/index.js';
import * as repo from './subscriptions.repository.js';
import type { AnnouncedItem, Choices, SubscriberRow } from './subscriptions.repository.js';

export type { Choices } from './subscriptions.repository.js';

/** How long a confirmation link works, and an unconfirmed address is kept. */
export const CONFIRMATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SubscriptionSite extends MailSite {
  /** The office's time zone, in which articles' dates are written. */
  timeZone: string;
}

/** The site as the settings name it, with the office's zone. */
export function subscriptionSite(config: { SITE_NAME: string; PUBLIC_URL: string; OFFICE_TIME_ZONE: string }): SubscriptionSite {
  return { ...mailSite(config), timeZone: config.OFFICE_TIME_ZONE };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new link for a subscriber: the token goes in the message, its hash in the table. */
async function newLink(db: Kysely<Database>, subscriberId: number, purpose: 'confirm' | 'manage', now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repo.insertLink(db, {
    token_hash: hashToken(token),
    subscriber_id: subscriberId,
    purpose,
    expires_at: purpose === 'confirm' ? new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS).toISOString() : null,
    used_at: null,
  });
  return token;
}

export function managePath(lang: LangCode, token: string): string {
  return `/${lang}/subscription?token=${encodeURIComponent(token)}`;
}

export function unsubscribePath(lang: LangCode, token: string): string {
  return `/${lang}/subscription/unsubscribe?token=${encodeURIComponent(token)}`;
}

export function confirmPath(lang: LangCode, token: string): string {
  return `/${lang}/subscription/confirm?token=${encodeURIComponent(token)}`;
}

/** Queues a message to a subscriber with a fresh link to change or stop the subscription, in the footer and the headers. */
async function sendToSubscriber(db: Kysely<Database>, site: MailSite, subscriber: { id: number; email: string; lang: LangCode }, content: MailContent, now: Date): Promise<void> {
  const t = translator(subscriber.lang);
  const token = await newLink(db, subscriber.id, 'manage', now);
  const unsubscribe = siteLink(site, unsubscribePath(subscriber.lang, token));
  const footer = [
    ...(content.footer ?? []),
    t('subs.mail.footer', { site: site.siteName }),
    t('subs.mail.manage', { url: siteLink(site, managePath(subscriber.lang, token)) }),
    t('subs.mail.unsubscribe', { url: unsubscribe }),
  ];
  await enqueueMail(db, site, { to: subscriber.email, lang: subscriber.lang, content: { ...content, footer }, listUnsubscribe: { url: unsubscribe, oneClick: true } }, now);
}

/**
 * A visitor asks to follow: a new address is stored unconfirmed and sent the
 * confirmation; an unconfirmed one takes the new choices and is sent it
 * again; a confirmed one keeps its choices and is sent a link to change them
 * (so nobody can change another's subscription by typing their address).
 * The visitor is told the same in every case.
 */
export async function subscribe(db: Kysely<Database>, site: MailSite, email: string, choices: Choices, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await repo.findByEmail(trx, email);
    if (existing?.confirmed_at) {
      const t = translator(existing.lang);
      const subscriber = { id: Number(existing.id), email, lang: existing.lang };
      const token = await newLink(trx, subscriber.id, 'manage', now);
      await sendToSubscriber(
        trx,
        site,
        subscriber,
        { subject: t('subs.mail.already.subject', { site: site.siteName }), paragraphs: [t('subs.mail.already.body', { site: site.siteName })], action: { label: t('subs.mail.already.action'), url: siteLink(site, managePath(existing.lang, token)) } },
        now,
      );
      return;
    }
    let id: number;
    if (existing) {
      id = Number(existing.id);
      await repo.updateChoices(trx, id, choices);
    } else {
      id = await repo.insertSubscriber(trx, email, choices, now);
    }
    const t = translator(choices.lang);
    const token = await newLink(trx, id, 'confirm', now);
    await sendToSubscriber(
      trx,
      site,
      { id, email, lang: choices.lang },
      {
        subject: t('subs.mail.confirm.subject', { site: site.siteName }),
        paragraphs: [t('subs.mail.confirm.body', { site: site.siteName, email }), t('subs.mail.confirm.expiry', { days: CONFIRMATION_DAYS }), t('subs.mail.confirm.ignore')],
        action: { label: t('subs.mail.confirm.action'), url: siteLink(site, confirmPath(choices.lang, token)) },
      },
      now,
    );
  });
}

export type LinkOutcome = { ok: true; subscriber: SubscriberRow } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Follows a confirmation link: once, within its 7 days. The subscriber is then confirmed. */
export async function confirm(db: Kysely<Database>, token: string, now: Date): Promise<LinkOutcome & { manageToken?: string }> {
  return db.transaction().execute(async (trx) => {
    const link = await repo.findLink(trx, hashToken(token));
    if (!link || link.purpose !== 'confirm') return { ok: false, reason: 'unknown' as const };
    if (link.used_at) return { ok: false, reason: 'used' as const };
    if (link.expires_at && link.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' as const };
    if (!(await repo.useLink(trx, link.token_hash, now))) return { ok: false, reason: 'used' as const };
    await repo.markConfirmed(trx, link.subscriber_id, now);
    const manageToken = await newLink(trx, link.subscriber_id, 'manage', now);
    return { ok: true, subscriber: { ...link.subscriber, confirmed_at: now.toISOString() }, manageToken };
  });
}

/** The subscriber a link to change or stop a subscription belongs to (only that one). */
export async function subscriberForLink(db: Kysely<Database>, token: string): Promise<SubscriberRow | undefined> {
  if (!token) return undefined;
  const link = await repo.findLink(db, hashToken(token));
  return link && link.purpose === 'manage' ? link.subscriber : undefined;
}

export async function changeChoices(db: Kysely<Database>, token: string, choices: Choices): Promise<SubscriberRow | undefined> {
  const subscriber = await subscriberForLink(db, token);
  if (!subscriber) return undefined;
  await repo.updateChoices(db, subscriber.id, choices);
  return { ...subscriber, lang: choices.lang };
}

/** Stops the subscription the link belongs to: the address and its links are removed. False for an unknown link. */
export async function unsubscribe(db: Kysely<Database>, token: string): Promise<boolean> {
  const subscriber = await subscriberForLink(db, token);
  if (!subscriber) return false;
  await repo.deleteSubscriber(db, subscriber.id);
  return true;
}

/** Forgets the addresses not confirmed within 7 days; returns how many. */
export async function purgeUnconfirmed(db: Kysely<Database>, now: Date): Promise<number> {
  return repo.deleteUnconfirmedBefore(db, new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS));
}

/** Whether a subscriber follows an item. */
export function follows(choices: Choices, item: Pick<AnnouncedItem, 'kind' | 'topics' | 'programmes'>): boolean {
  if (item.kind === 'event' && choices.allEvents) return true;
  if (item.kind === 'article' && choices.allArticles) return true;
  return item.topics.some((s) => choices.topics.includes(s)) || item.programmes.some((s) => choices.programmes.includes(s));
}

/**
 * An item's lines in a message: its title (marked when cancelled or
 * postponed, or, in a digest, when changed since it was first published),
 * date as the site writes it, why it is off (cancelled or postponed), summary
 * and link.
 */
export function itemLines(site: SubscriptionSite, item: AnnouncedItem, lang: LangCode, changed = false): string[] {
  const t = translator(lang);
  const title =
    item.eventStatus === 'cancelled'
      ? t('subs.item.cancelled', { title: item.title })
      : item.eventStatus === 'postponed'
        ? t('subs.item.postponed', { title: item.title })
        : changed
          ? t('subs.item.updated', { title: item.title })
          : item.title;
  const date =
    item.kind === 'event' && item.startDate
      ? formatDateRange(item.startDate, item.endDate, lang)
      : item.publishedOn
        ? formatDate(item.publishedOn, lang)
        : item.publishedAt
          ? formatDate(todayInZone(site.timeZone, new Date(item.publishedAt)), lang)
          : null;
  const url = siteLink(site, item.kind === 'event' ? eventPath(lang, item.slug) : articlePath(lang, item.slug));
  return [[title, date].filter(Boolean).join(' — '), ...(item.statusReason ? [item.statusReason] : []), ...(item.summary ? [item.summary] : []), url];
}

/** The steps after which an item is announced: published now, or gone live as scheduled. */
const ANNOUNCED_STEPS = new Set(['publish', 'went_live']);

/** The steps after which a live event is announced again: it was called off. */
const CALLED_OFF_STEPS = new Set(['cancel', 'postpone']);

/** What the listener reads of a content change. */
export interface AnnouncedChange {
  kind: 'event' | 'article';
  itemId: number;
  action: string;
  at: Date;
}

/** A message's subject and opening line for a step: a new item, or a live event cancelled or postponed. */
function announcement(step: string, item: AnnouncedItem, site: MailSite, lang: LangCode): { subject: string; intro: string } {
  const t = translator(lang);
  if (step === 'cancel') return { subject: t('subs.mail.cancelled.subject', { title: item.title }), intro: t('subs.mail.cancelled.intro', { site: site.siteName }) };
  if (step === 'postpone') return { subject: t('subs.mail.postponed.subject', { title: item.title }), intro: t('subs.mail.postponed.intro', { site: site.siteName }) };
  return { subject: t(item.kind === 'event' ? 'subs.mail.new.subjectEvent' : 'subs.mail.new.subjectArticle', { title: item.title }), intro: t('subs.mail.new.intro', { site: site.siteName }) };
}

/**
 * The listener handed to the content module: when an item goes live, each
 * confirmed subscriber "as published" who follows it is sent a message about
 * it in their language; when a live event is cancelled or postponed, they are
 * told so. An item visitors may not see (scheduled for later, unpublished) is
 * never announced: it is read through the one live rule, so a called-off event
 * nobody was told about yet is not announced either.
 */
export function announcePublished(site: SubscriptionSite): (db: Kysely<Database>, change: AnnouncedChange) => Promise<void> {
  return async (db, change) => {
    const step = change.action.slice(change.action.indexOf('.') + 1);
    if (!ANNOUNCED_STEPS.has(step) && !CALLED_OFF_STEPS.has(step)) return;
    const byLang: Partial<Record<LangCode, AnnouncedItem | null>> = {};
    const itemIn = async (lang: LangCode) => {
      if (!(lang in byLang)) byLang[lang] = (await repo.announcedItem(db, change.kind, change.itemId, lang, change.at)) ?? null;
      return byLang[lang] ?? null;
    };
    if (!(await itemIn('en'))) return;
    for (const row of await repo.confirmedAsPublished(db)) {
      const choices = repo.choicesOf(row);
      const item = await itemIn(choices.lang);
      if (!item || !follows(choices, item)) continue;
      const { subject, intro } = announcement(step, item, site, choices.lang);
      const content: MailContent = { subject, paragraphs: [intro, itemLines(site, item, choices.lang).join('\n')] };
      await sendToSubscriber(db, site, { id: row.id, email: row.email, lang: choices.lang }, content, change.at);
    }
  };
}

/** The first digest lists at most the week before it (or since confirming, if later). */
const FIRST_DIGEST_DAYS = 7;

/**
 * One pass of the weekly digests, run by the publishing scheduler. "The day"
 * is the calendar day in the office's time zone (OFFICE_TIME_ZONE): a
 * subscriber who chose Monday gets their digest in the first pass after
 * midnight on Monday in Hanoi, whatever the server's zone. Each digest is
 * claimed with a conditional UPDATE on the subscriber (see claimDigest), so
 * with several instances it is sent once. It lists the items visitors may see
 * now (the one live rule) that were published or changed since the last
 * digest, those the subscriber follows, in their language; a week with
 * nothing to tell sends nothing (and counts as a digest: the next one starts
 * from it). Returns how many were queued.
 */
export async function sendWeeklyDigests(db: Kysely<Database>, site: SubscriptionSite, now: Date): Promise<number> {
  const today = todayInZone(site.timeZone, now);
  const due = await repo.dueDigests(db, weekdayOf(today), today);
  if (due.length === 0) return 0;
  const earliest = new Date(now.getTime() - FIRST_DIGEST_DAYS * DAY_MS).toISOString();
  const changedSince = new Map<string, repo.ChangedItem[]>();
  const shown = new Map<string, AnnouncedItem | null>();
  let queued = 0;
  for (const row of due) {
    const choices = repo.choicesOf(row);
    const since = row.last_digest_at ?? [earliest, row.confirmed_at ?? earliest].sort().at(-1)!;
    if (!changedSince.has(since)) changedSince.set(since, await repo.liveItemsChangedSince(db, since, now));
    const lines: string[] = [];
    for (const ref of changedSince.get(since)!) {
      const key = `${ref.kind}:${ref.id}:${choices.lang}`;
      if (!shown.has(key)) shown.set(key, (await repo.announcedItem(db, ref.kind, ref.id, choices.lang, now)) ?? null);
      const item = shown.get(key);
      if (item && follows(choices, item)) lines.push(itemLines(site, item, choices.lang, ref.changed).join('\n'));
    }
    const t = translator(choices.lang);
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await repo.claimDigest(trx, row.id, today, now))) return false;
      if (lines.length === 0) return false;
      const content: MailContent = {
        subject: t('subs.mail.digest.subject', { site: site.siteName }),
        paragraphs: [t('subs.mail.digest.intro', { site: site.siteName, date: formatDate(todayInZone(site.timeZone, new Date(since)), choices.lang) }), ...lines],
      };
      await sendToSubscriber(trx, site, { id: row.id, email: row.email, lang: choices.lang }, content, now);
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}
