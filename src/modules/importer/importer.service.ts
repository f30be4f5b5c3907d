/**
 * Imports listing pages (the text form of the office's "Events and meetings"
 * and "Feature articles" pages) into the database. One call is one
 * transaction: every file is parsed before anything is written, and a line
 * that cannot be understood aborts the whole import naming file and line.
 * Re-importing a file creates nothing new; items are identified by their
 * start date and folded English title.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { ImportError } from '../../shared/errors.js';
import { normalizeText } from '../../shared/text/normalize.js';
import { slugify } from '../../shared/text/slugify.js';
import { articleStore, articlesRepository, type ArticleSnapshot } from '../articles/index.js';
import { ContentChangeBatch, createItemAsCommand, saveItemAsCommand, type CommandContext } from '../content/index.js';
import { eventStore, eventsRepository, type EventSnapshot } from '../events/index.js';
import { uniqueSlug, type TranslatableKind } from '../i18n/index.js';
import { MARKDOWN_MAX_LENGTH } from '../media/index.js';
import { upsertSiteText } from '../settings/index.js';
import { matchTerms, termIdsBySlug, type Taxonomy } from '../taxonomy/index.js';
import { inferAttendanceMode, inferEventType } from './event-type.js';
import { ListingParseError, parseListing, type ListingKind, type ParsedArticle, type ParsedEvent, type ParsedListing } from './listing-parser.js';
import { seriesMentioned } from './series-suggestion.js';

export interface ImportSource {
  /** Shown in messages as `file:line`. */
  file: string;
  text: string;
  kind?: ListingKind | undefined;
}

export type ItemOutcome = 'created' | 'changed' | 'unchanged' | 'repeated' | 'created-draft';

export interface ImportedItem {
  file: string;
  line: number;
  kind: 'event' | 'article';
  lang: LangCode;
  outcome: ItemOutcome;
  title: string;
  date: string;
  slug: string | null;
  /** Why an item was repeated, paired as a draft, or what changed. */
  note?: string;
  /** A series its description says it is part of: shown in the dry run as a suggestion, never linked. */
  seriesSuggestion?: string;
}

export interface ImportReport {
  dryRun: boolean;
  files: { file: string; kind: ListingKind; lang: LangCode; items: number }[];
  items: ImportedItem[];
  /** Lines read but not imported (a page heading the importer does not know, taken as such with --kind). */
  notices: { file: string; line: number; message: string }[];
}

export interface ImportOptions {
  dryRun?: boolean;
  now: Date;
  taxonomy?: Taxonomy | undefined;
}

/**
 * The zone an imported event is stored with. The listing pages give dates
 * only (all-day events, which no zone changes); this is the zone the events
 * table gives a row that names none, so imported rows are as they always were.
 */
const IMPORTED_EVENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Counts a report's items by outcome, for summaries. */
export function summarize(report: ImportReport): Record<ItemOutcome, number> {
  const counts: Record<ItemOutcome, number> = { created: 0, changed: 0, unchanged: 0, repeated: 0, 'created-draft': 0 };
  for (const item of report.items) counts[item.outcome] += 1;
  return counts;
}

function parseSource(source: ImportSource): ParsedListing {
  try {
    // Text enters here: normalised line by line, so a line number in a message is still the file's.
    const listing = parseListing(normalizeText(source.text, { keepLines: true }), source.kind ? { kind: source.kind } : undefined);
    // The form's limit holds for imported text too (it bounds the work of rendering it).
    const max = MARKDOWN_MAX_LENGTH.description;
    const long = listing.events.find((ev) => (ev.description?.length ?? 0) > max);
    if (long) throw new ImportError(source.file, long.line, `the description is longer than ${max.toLocaleString('en-US')} characters`);
    return listing;
  } catch (error) {
    if (error instanceof ListingParseError) throw new ImportError(source.file, error.line, error.reason);
    throw error;
  }
}

/**
 * Imports one or more listing files in a single transaction. With dryRun the
 * same work is done and rolled back, so the report says exactly what would
 * be created, changed and skipped.
 */
export async function importListings(db: Kysely<Database>, sources: ImportSource[], options: ImportOptions): Promise<ImportReport> {
  // Parse everything first: a bad line in the last file must not leave the first half-imported.
  const parsed = sources.map((source) => ({ source, listing: parseSource(source) }));
  // English before Vietnamese, so Vietnamese pages find the items they translate.
  parsed.sort((a, b) => (a.listing.lang === b.listing.lang ? 0 : a.listing.lang === 'en' ? -1 : 1));

  const report: ImportReport = { dryRun: options.dryRun ?? false, files: [], items: [], notices: [] };
  const now = options.now.toISOString();
  // Every item goes through the content service as the importer; their effects (search) wait for the end.
  const command: CommandContext = { actor: 'importer', now: options.now, batch: new ContentChangeBatch() };
  try {
    await db.transaction().execute(async (trx) => {
      for (const { source, listing } of parsed) {
        const count = listing.kind === 'events' ? listing.events.length : listing.articles.length;
        report.files.push({ file: source.file, kind: listing.kind, lang: listing.lang, items: count });
        for (const u of listing.unplaced) report.notices.push({ file: source.file, line: u.line, message: `"${u.text}": ${u.reason}` });
        if (listing.intro) {
          await upsertSiteText(trx, listing.kind === 'events' ? 'events.intro' : 'articles.intro', listing.lang, stripEmailSentence(listing.intro), now);
        }
        const context: FileContext = { trx, file: source.file, lang: listing.lang, now, taxonomy: options.taxonomy, report, command };
        if (listing.kind === 'events') await importEvents(context, listing.events);
        else await importArticles(context, listing.articles);
      }
      if (report.dryRun) throw new DryRunRollback(report);
      // In the same transaction, so search never sees a half-imported site. Only the items written:
      // rebuilding the whole index held the database for seconds on a large site, and every save waited.
      await command.batch.flush(trx);
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
  return report;
}

/**
 * The office's pages end their intro with "Any queries should be sent to the
 * office by email."; the site renders that line itself with a mailto link to
 * the configured address, so it is not stored twice.
 */
export function stripEmailSentence(intro: string): string {
  const sentences = intro.split(/(?<=[.!?])\s+/);
  const last = sentences[sentences.length - 1] ?? '';
  if (sentences.length > 1 && /(quer|enquir|thắc mắc|câu hỏi).*(e-?mail|thư điện tử)/iu.test(last)) {
    return sentences.slice(0, -1).join(' ');
  }
  return intro;
}

interface FileContext {
  trx: Transaction<Database>;
  command: CommandContext;
  file: string;
  lang: LangCode;
  now: string;
  taxonomy: Taxonomy | undefined;
  report: ImportReport;
}

function itemKey(date: string, title: string): string {
  return `${date}:${slugify(title, 200) || title.trim().toLowerCase()}`;
}

/** Where an entry stands among the file's entries with its title and date. */
type LookAlike =
  /** An earlier entry is the same in every field: a repeat, imported once. */
  | { repeatOf: number }
  /** The entry's own key (`#2`, `#3`… after the first, so re-imports find each again) and how it differs from the first. */
  | { key: string; differsFrom?: { line: number; fields: string[] } };

/**
 * The entries of one file sharing a title and (start) date: only an entry
 * identical to an earlier one is a repeat; any other is an item of its own.
 * `differences` names the fields in which two entries differ.
 */
function lookAlikes<T extends { line: number }>(differences: (a: T, b: T) => string[]) {
  const byKey = new Map<string, T[]>();
  return (key: string, entry: T): LookAlike => {
    const earlier = byKey.get(key) ?? [];
    const same = earlier.find((e) => differences(e, entry).length === 0);
    if (same) return { repeatOf: same.line };
    byKey.set(key, [...earlier, entry]);
    if (earlier.length === 0) return { key };
    return { key: `${key}#${earlier.length + 1}`, differsFrom: { line: earlier[0]!.line, fields: differences(earlier[0]!, entry) } };
  };
}

/** The report's note for a look-alike kept as an item of its own. */
function lookAlikeNote(place: LookAlike, dates: string): string | undefined {
  if (!('key' in place) || !place.differsFrom) return undefined;
  return `same title and ${dates} as line ${place.differsFrom.line} but a different ${place.differsFrom.fields.join(' and ')}: kept as a separate entry`;
}

/** `{ note }` when there is one (the report leaves the key out otherwise). */
function optionalNote(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}

/** Notes joined for the report, leaving out the absent ones. */
function notes(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length > 0 ? present.join('; ') : undefined;
}

function eventDifferences(a: ParsedEvent, b: ParsedEvent): string[] {
  const fields: string[] = [];
  if (a.title !== b.title) fields.push('title');
  if (a.start !== b.start) fields.push('start date');
  if (a.end !== b.end) fields.push('end date');
  if (a.description !== b.description) fields.push('description');
  return fields;
}

function articleDifferences(a: ParsedArticle, b: ParsedArticle): string[] {
  const fields: string[] = [];
  if (a.title !== b.title) fields.push('title');
  if (a.date !== b.date) fields.push('date');
  if (a.summary !== b.summary) fields.push('summary');
  if (JSON.stringify(a.credit) !== JSON.stringify(b.credit)) fields.push('photo credit');
  if (JSON.stringify(a.byline) !== JSON.stringify(b.byline)) fields.push('byline');
  return fields;
}

/**
 * The slug of a translated text: the one it already has, else a new one
 * from its title (transliterated, unique across items and languages).
 */
async function translationSlug(
  trx: Transaction<Database>,
  kind: TranslatableKind,
  itemId: number,
  current: { slug: string | null } | undefined,
  title: string,
  date: string,
  fallback: string,
): Promise<string> {
  return current?.slug ?? uniqueSlug(trx, kind, { title, date, itemId, fallback });
}

/** The topics and programmes (ids) whose words the text mentions. */
async function tagsFor(trx: Transaction<Database>, taxonomy: Taxonomy | undefined, text: string): Promise<{ topics: number[]; programmes: number[] }> {
  if (!taxonomy) return { programmes: [], topics: [] };
  return {
    programmes: await termIdsBySlug(trx, 'programmes', matchTerms(taxonomy.programmes, text)),
    topics: await termIdsBySlug(trx, 'topics', matchTerms(taxonomy.topics, text)),
  };
}

/** An event as its listing page gives it: dates, a title and a description, all day, in person unless the title says. */
function eventSnapshot(ev: ParsedEvent, fields: Pick<EventSnapshot, 'slug' | 'status' | 'published_at' | 'en' | 'vi' | 'topics' | 'programmes'>): EventSnapshot {
  return {
    ...fields,
    event_status: 'scheduled',
    status_reason_en: null,
    status_reason_vi: null,
    publish_at: null,
    event_type: inferEventType(ev.title),
    attendance_mode: inferAttendanceMode(ev.title),
    all_day: true,
    start_date: ev.start,
    end_date: ev.end,
    starts_at: null,
    ends_at: null,
    time_zone: IMPORTED_EVENT_TIME_ZONE,
    online_url: null,
    registration_url: null,
    contact_email: null,
    // The office's pages give no picture; an editor chooses one from the library.
    hero_media_id: null,
    series_id: null,
    recurrence_rule: null,
    recurrence_exdates: null,
  };
}

/** An event's text as a listing page gives it (a title and a description), keeping what the page does not give. */
function eventText(ev: ParsedEvent, kept: Partial<EventSnapshot['en']> | null = null): EventSnapshot['en'] {
  return { ...eventStore.emptyText(), ...kept, title: ev.title, description: ev.description };
}

/** The English text of an item kept from a translated page alone: none yet (an empty title). */
const NO_EVENT_TEXT = eventStore.emptyText();
const NO_ARTICLE_TEXT = articleStore.emptyText();

async function importEvents(ctx: FileContext, events: ParsedEvent[]): Promise<void> {
  const { trx, file, lang, now, report } = ctx;
  const place = lookAlikes(eventDifferences);
  // For pairing a translated page: how many items with the same dates came before.
  const sameDates = new Map<string, number>();

  for (const ev of events) {
    const placed = place(itemKey(ev.start, ev.title), ev);
    const mentioned = seriesMentioned(ev.description) ?? seriesMentioned(ev.title);
    const base = { file, line: ev.line, kind: 'event' as const, lang, title: ev.title, date: ev.start, ...(mentioned ? { seriesSuggestion: mentioned } : {}) };
    if ('repeatOf' in placed) {
      report.items.push({ ...base, outcome: 'repeated', slug: null, note: `same entry as line ${placed.repeatOf}; imported once` });
      continue;
    }
    const key = placed.key;
    const lookAlike = lookAlikeNote(placed, placed.differsFrom?.fields.includes('end date') ? 'start date' : 'dates');

    if (lang === 'en') {
      const sourceKey = `event:${key}`;
      const existing = await eventsRepository.findEventBySourceKey(trx, sourceKey);
      if (!existing) {
        const slug = await uniqueSlug(trx, 'event', { title: ev.title, date: ev.start, itemId: null, fallback: 'event' });
        const tags = await tagsFor(trx, ctx.taxonomy, `${ev.title}\n${ev.description ?? ''}`);
        const snapshot = eventSnapshot(ev, { slug, status: 'published', published_at: now, en: eventText(ev), vi: null, ...tags });
        await createItemAsCommand(eventStore, trx, ctx.command, snapshot, { sourceKey });
        report.items.push({ ...base, outcome: 'created', slug, ...optionalNote(lookAlike) });
        continue;
      }
      const current = (await eventsRepository.listEventTranslations(trx, existing.id)).find((t) => t.lang === 'en');
      const changes: string[] = [];
      if (existing.end_date !== ev.end) changes.push('end date');
      if (current?.title !== ev.title) changes.push('title');
      if ((current?.description ?? null) !== ev.description) changes.push('description');
      if (changes.length === 0) {
        report.items.push({ ...base, outcome: 'unchanged', slug: existing.slug });
        continue;
      }
      await saveItemAsCommand(eventStore, trx, ctx.command, existing.id, (s) => ({ ...s, end_date: ev.end, en: eventText(ev, s.en) }));
      report.items.push({ ...base, outcome: 'changed', slug: existing.slug, note: changes.join(', ') });
      continue;
    }

    // A translated page: its items are the translations of the English items with the same dates, in order.
    const datesKey = `${ev.start}/${ev.end ?? ''}`;
    const index = sameDates.get(datesKey) ?? 0;
    sameDates.set(datesKey, index + 1);
    const match = (await eventsRepository.listEnglishEventsByDates(trx, ev.start, ev.end))[index];
    if (match) {
      const current = (await eventsRepository.listEventTranslations(trx, match.id)).find((t) => t.lang === lang);
      const viChanges: string[] = [];
      if (current?.title !== ev.title) viChanges.push('title');
      if ((current?.description ?? null) !== ev.description) viChanges.push('description');
      if (current && viChanges.length === 0) {
        report.items.push({ ...base, outcome: 'unchanged', slug: match.slug });
        continue;
      }
      // A translated page is the office's published text, made from the English as it stands.
      const slug = await translationSlug(trx, 'event', match.id, current, ev.title, ev.start, match.slug);
      await saveItemAsCommand(
        eventStore,
        trx,
        ctx.command,
        match.id,
        (s) => ({ ...s, vi: { ...eventText(ev, s.vi), slug, status: 'published' } }),
        { translationCurrent: true },
      );
      const note = notes(`${lang} text of ${match.slug}`, current ? viChanges.join(', ') : undefined, lookAlike);
      report.items.push({ ...base, outcome: current ? 'changed' : 'created', slug: match.slug, ...optionalNote(note) });
      continue;
    }
    // No English item to translate: keep the text as a draft for an editor rather than lose it.
    const sourceKey = `event:${lang}:${key}`;
    const existing = await eventsRepository.findEventBySourceKey(trx, sourceKey);
    if (existing) {
      report.items.push({ ...base, outcome: 'unchanged', slug: existing.slug });
      continue;
    }
    const slug = await uniqueSlug(trx, 'event', { title: ev.title, date: ev.start, itemId: null, fallback: 'event' });
    // The text is published on the office's page; the item stays a draft, so nothing shows until it has English.
    const vi = { ...eventText(ev), slug, status: 'published' as const };
    const snapshot = eventSnapshot(ev, { slug, status: 'draft', published_at: null, en: NO_EVENT_TEXT, vi, topics: [], programmes: [] });
    await createItemAsCommand(eventStore, trx, ctx.command, snapshot, { sourceKey });
    report.items.push({ ...base, outcome: 'created-draft', slug, note: notes('no English event on these dates: kept as a draft', lookAlike)! });
  }
}

async function importArticles(ctx: FileContext, articles: ParsedArticle[]): Promise<void> {
  const { trx, file, lang, now, report } = ctx;
  const place = lookAlikes(articleDifferences);
  const sameDate = new Map<string, number>();

  for (const item of articles) {
    const placed = place(itemKey(item.date, item.title), item);
    const base = { file, line: item.line, kind: 'article' as const, lang, title: item.title, date: item.date };
    if ('repeatOf' in placed) {
      report.items.push({ ...base, outcome: 'repeated', slug: null, note: `same entry as line ${placed.repeatOf}; imported once` });
      continue;
    }
    const key = placed.key;
    const lookAlike = lookAlikeNote(placed, 'date');
    const credit = {
      credit_holder: item.credit?.holder ?? null,
      credit_photographer: item.credit?.photographer ?? null,
      credit_year: item.credit?.year ?? null,
    };
    const byline = { byline_kind: item.byline?.kind ?? null, byline_name: item.byline?.name ?? null };
    const text = {
      title: item.title,
      summary: item.summary,
      byline_role: item.byline?.role ?? null,
      byline_organisation: item.byline?.organisation ?? null,
    };
    const articleSnapshot = (fields: Pick<ArticleSnapshot, 'slug' | 'status' | 'published_at' | 'en' | 'vi' | 'topics' | 'programmes'>): ArticleSnapshot => ({
      ...fields,
      publish_at: null,
      published_on: item.date,
      hero_media_id: null,
      hero_image_path: null,
      ...credit,
      ...byline,
    });

    if (lang === 'en') {
      const sourceKey = `article:${key}`;
      const existing = await articlesRepository.findArticleBySourceKey(trx, sourceKey);
      if (!existing) {
        const slug = await uniqueSlug(trx, 'article', { title: item.title, date: item.date, itemId: null, fallback: 'article' });
        const tags = await tagsFor(trx, ctx.taxonomy, `${item.title}\n${item.summary ?? ''}`);
        const snapshot = articleSnapshot({ slug, status: 'published', published_at: now, en: { ...NO_ARTICLE_TEXT, ...text }, vi: null, ...tags });
        await createItemAsCommand(articleStore, trx, ctx.command, snapshot, { sourceKey });
        report.items.push({ ...base, outcome: 'created', slug, ...optionalNote(lookAlike) });
        continue;
      }
      const current = (await articlesRepository.listArticleTranslations(trx, existing.id)).find((t) => t.lang === 'en');
      const changes: string[] = [];
      if (current?.title !== text.title) changes.push('title');
      if ((current?.summary ?? null) !== text.summary) changes.push('summary');
      if (
        existing.credit_holder !== credit.credit_holder ||
        existing.credit_photographer !== credit.credit_photographer ||
        existing.credit_year !== credit.credit_year
      ) {
        changes.push('photo credit');
      }
      if (
        existing.byline_kind !== byline.byline_kind ||
        existing.byline_name !== byline.byline_name ||
        (current?.byline_role ?? null) !== text.byline_role ||
        (current?.byline_organisation ?? null) !== text.byline_organisation
      ) {
        changes.push('byline');
      }
      if (changes.length === 0) {
        report.items.push({ ...base, outcome: 'unchanged', slug: existing.slug });
        continue;
      }
      await saveItemAsCommand(articleStore, trx, ctx.command, existing.id, (s) => ({ ...s, ...credit, ...byline, en: { ...s.en, ...text } }));
      report.items.push({ ...base, outcome: 'changed', slug: existing.slug, note: changes.join(', ') });
      continue;
    }

    const index = sameDate.get(item.date) ?? 0;
    sameDate.set(item.date, index + 1);
    const match = (await articlesRepository.listEnglishArticlesOn(trx, item.date))[index];
    if (match) {
      const current = (await articlesRepository.listArticleTranslations(trx, match.id)).find((t) => t.lang === lang);
      const viChanges: string[] = [];
      if (current?.title !== text.title) viChanges.push('title');
      if ((current?.summary ?? null) !== text.summary) viChanges.push('summary');
      if ((current?.byline_role ?? null) !== text.byline_role || (current?.byline_organisation ?? null) !== text.byline_organisation) {
        viChanges.push('byline');
      }
      if (current && viChanges.length === 0) {
        report.items.push({ ...base, outcome: 'unchanged', slug: match.slug });
        continue;
      }
      const slug = await translationSlug(trx, 'article', match.id, current, text.title, item.date, match.slug);
      await saveItemAsCommand(
        articleStore,
        trx,
        ctx.command,
        match.id,
        (s) => ({ ...s, vi: { ...NO_ARTICLE_TEXT, ...(s.vi ?? {}), ...text, slug, status: 'published' } }),
        { translationCurrent: true },
      );
      const note = notes(`${lang} text of ${match.slug}`, current ? viChanges.join(', ') : undefined, lookAlike);
      report.items.push({ ...base, outcome: current ? 'changed' : 'created', slug: match.slug, ...optionalNote(note) });
      continue;
    }
    const sourceKey = `article:${lang}:${key}`;
    const existing = await articlesRepository.findArticleBySourceKey(trx, sourceKey);
    if (existing) {
      report.items.push({ ...base, outcome: 'unchanged', slug: existing.slug });
      continue;
    }
    const slug = await uniqueSlug(trx, 'article', { title: item.title, date: item.date, itemId: null, fallback: 'article' });
    const vi = { ...NO_ARTICLE_TEXT, ...text, slug, status: 'published' as const };
    const snapshot = articleSnapshot({ slug, status: 'draft', published_at: null, en: NO_ARTICLE_TEXT, vi, topics: [], programmes: [] });
    await createItemAsCommand(articleStore, trx, ctx.command, snapshot, { sourceKey });
    report.items.push({ ...base, outcome: 'created-draft', slug, note: notes('no English article on this date: kept as a draft', lookAlike)! });
  }
}
