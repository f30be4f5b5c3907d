/**
 * Site search: keeping the index in step with the content, and answering a
 * visitor's query with one page of ranked, highlighted results.
 */
import type { EventStatus, EventType, LangCode, SearchKind } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import { getSettings } from '../settings/index.js';
import { dialectOf, searchIndexFor, type Db } from './search-index.js';
import * as repo from './search.repository.js';
import type { ItemText, SearchFilters } from './search.repository.js';
import { containsMatch, highlight, parseSearchQuery, plainText, snippet, type QueryProblem, type SearchTerm, type TextPiece } from './search-text.js';

export type { SearchFilters };

/** Runs `work` in a transaction, or in the one `db` already is. */
async function inTransaction(db: Db, work: (trx: Db) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

/** Documents per INSERT: 13 values each stays far under SQLite's limit on bound values. */
const DOCUMENTS_PER_STATEMENT = 200;

async function writeDocuments(db: Db, texts: ItemText[]): Promise<void> {
  const index = searchIndexFor(dialectOf(db));
  for (let start = 0; start < texts.length; start += DOCUMENTS_PER_STATEMENT) {
    // Article bodies are Markdown: index and show their words, not their syntax.
    const docs = texts.slice(start, start + DOCUMENTS_PER_STATEMENT).map((text) => (text.kind === 'article' && text.body ? { ...text, body: plainText(text.body) } : text));
    const ids = await repo.insertDocuments(db, docs);
    await index.writeManyWords(db, docs.map((text, i) => ({ id: ids[i]!, text })));
  }
}

/**
 * Brings one item's search documents up to date with its current text, in
 * every language it has (or removes them when the item is gone). Call it after
 * every save of an event or article, inside the save's transaction if there is
 * one. Items of any status are indexed; searches only show those live at the
 * search's instant, so publishing, unpublishing and scheduled publication
 * need no reindexing.
 */
export async function reindexItem(db: Db, kind: SearchKind, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const index = searchIndexFor(dialectOf(trx));
    const old = await repo.listDocumentIds(trx, kind, id);
    await index.removeWords(trx, old);
    await repo.deleteDocuments(trx, old);
    const texts = kind === 'event' ? await repo.loadEventTexts(trx, [id]) : await repo.loadArticleTexts(trx, [id]);
    await writeDocuments(trx, texts);
  });
}

/**
 * Indexes items that have no search documents yet (freshly inserted in bulk),
 * without looking for old documents to remove. Call inside the inserting transaction.
 */
export async function indexNewItems(db: Db, kind: SearchKind, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const texts = kind === 'event' ? await repo.loadEventTexts(db, ids) : await repo.loadArticleTexts(db, ids);
  await writeDocuments(db, texts);
}

/** Rebuilds the whole index from the content (after an import, a restore, or to repair it). */
export async function rebuildIndex(db: Db): Promise<{ documents: number }> {
  let documents = 0;
  await inTransaction(db, async (trx) => {
    const index = searchIndexFor(dialectOf(trx));
    await index.removeAllWords(trx);
    await repo.deleteAllDocuments(trx);
    const texts = [...(await repo.loadEventTexts(trx, null)), ...(await repo.loadArticleTexts(trx, null))];
    // Documents are numbered in order of their items' last change, as saving one by one would
    // have numbered them: a query matching more than a search ranks keeps the newest.
    const changed = await repo.listItemChangeTimes(trx);
    const when = (text: ItemText) => changed.get(`${text.kind}:${text.itemId}`) ?? '';
    texts.sort((a, b) => when(a).localeCompare(when(b)) || a.kind.localeCompare(b.kind) || a.itemId - b.itemId || a.lang.localeCompare(b.lang));
    await writeDocuments(trx, texts);
    documents = texts.length;
  });
  return { documents };
}

/** One result as shown: which item, in which language its text is, and the matched words marked. */
export interface SearchHit {
  kind: SearchKind;
  itemId: number;
  slug: string;
  textLang: LangCode;
  title: TextPiece[];
  snippet: TextPiece[];
  startDate: string | null;
  endDate: string | null;
  publishedOn: string | null;
  eventStatus: EventStatus | null;
  /** Why a cancelled or postponed event is, in each language. */
  statusReasons: { en: string | null; vi: string | null };
  eventType: EventType | null;
}

export type SearchOutcome =
  /** Nothing asked yet: show the form. */
  | { state: 'blank' }
  /** The query cannot be searched as it is; say why. */
  | { state: 'problem'; problem: QueryProblem }
  /** `more`: more documents matched than a search ranks (RANKED_DOCUMENTS); these are the best of the newest. */
  | { state: 'results'; info: PageInfo; hits: SearchHit[]; more: boolean };

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  page: number;
  /** The page's language: an item's text in it is preferred. */
  lang: LangCode;
  /** The instant of the search: only items live then are found (content/live.ts). */
  now: Date;
  /** The office's date: a recurring event's result shows its next session from it. */
  today?: string | undefined;
}

function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

/** The passage shown under a result's title: the first field where a term matches, else the summary. */
function resultSnippet(row: repo.SearchRow, terms: SearchTerm[]): TextPiece[] {
  const fields = [row.summary, row.body, row.place, row.byline, row.topics, row.programmes];
  const matched = fields.find((f) => containsMatch(f, terms));
  const shown = matched ?? row.summary ?? row.body ?? row.place;
  return shown ? snippet(shown, terms) : [];
}

/**
 * Searches the events and articles visitors may see at `request.now`, in both languages. The query is
 * read by parseSearchQuery (words, quoted phrases; no syntax reaches the
 * database); filters narrow it, and with filters alone it lists what they
 * select, newest first. A translation is searched once it is published; on
 * a page in another language than English, items without a published text
 * in it are left out when the site's `untranslated` setting is 'omit', like
 * in the listings. A query found in more documents than
 * `options.rankedDocuments` (RANKED_DOCUMENTS) ranks the newest of them and
 * says there are more. A topic or programme with at most
 * `options.fewTagged` (FEW_TAGGED) items is searched from its items'
 * documents. Pages hold `options.pageSize` hits (PAGE_SIZE, as every
 * listing's). Throws NotFoundError for a page past the last.
 */
export async function searchSite(db: Db, request: SearchRequest, options: { rankedDocuments?: number; fewTagged?: number; pageSize?: number } = {}): Promise<SearchOutcome> {
  const ranked = { documents: options.rankedDocuments ?? repo.RANKED_DOCUMENTS, fewTagged: options.fewTagged ?? repo.FEW_TAGGED };
  const blank = request.q.trim() === '';
  if (blank && !hasFilters(request.filters)) return { state: 'blank' };
  let query = null;
  if (!blank) {
    const parsed = parseSearchQuery(request.q);
    if (!parsed.ok) return { state: 'problem', problem: parsed.problem };
    query = parsed.query;
  }
  const index = searchIndexFor(dialectOf(db));
  if (query) query = await index.completePrefixes(db, query);
  const { untranslated } = await getSettings(db);
  const choice = { lang: request.lang, now: request.now, omitUntranslated: untranslated === 'omit', today: request.today };
  // One pass finds the page and counts every match; a page past the last has no row to carry
  // the count, so only then (or for a link to a page that no longer exists) is it counted apart.
  const wanted = pageInfo(request.page, 0, options.pageSize);
  const page = await repo.listMatches(db, index, query, request.filters, choice, wanted.pageSize, wanted.offset, ranked);
  const { total, more } =
    page.total !== undefined
      ? { total: page.total, more: page.more }
      : request.page === 1
        ? { total: 0, more: false }
        : await repo.countMatches(db, index, query, request.filters, choice, ranked);
  const info = pageInfo(request.page, total, options.pageSize);
  if (request.page > info.pages) throw new NotFoundError();
  const rows = page.rows;
  const terms = query?.terms ?? [];
  const hits = rows.map(
    (row): SearchHit => ({
      kind: row.kind,
      itemId: row.item_id,
      slug: row.slug,
      textLang: row.lang,
      title: highlight(row.title, terms),
      snippet: resultSnippet(row, terms),
      startDate: row.start_date,
      endDate: row.end_date,
      publishedOn: row.published_on,
      eventStatus: row.event_status,
      statusReasons: { en: row.status_reason_en, vi: row.status_reason_vi },
      eventType: row.event_type,
    }),
  );
  return { state: 'results', info, hits, more };
}
