/**
 * Topics and programmes as visitors see them: by slug, named in the page's
 * language. The listings' filters and navigation read every term on nearly
 * every request, and terms change only when someone saves: each list is
 * kept in memory until content changes (db/remembered-reads.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { rememberedRead } from '../../db/remembered-reads.js';
import { NotFoundError } from '../../shared/errors.js';
import * as repo from './taxonomy.repository.js';
import type { TermKind, TermRow } from './taxonomy.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every topic or programme, by name in `lang`. Every caller shares the list
 * until the next change, so it and its rows are frozen: a caller that
 * changed them would fail at once rather than alter other pages. (Typed as
 * mutable, as the pages' props take it.)
 */
function listTerms(db: Db, kind: TermKind, lang: LangCode): Promise<TermRow[]> {
  return rememberedRead(db, `terms ${kind} ${lang}`, async () => {
    const rows = kind === 'topic' ? await repo.listTopics(db, lang) : await repo.listProgrammes(db, lang);
    for (const row of rows) Object.freeze(row);
    return Object.freeze(rows) as TermRow[];
  });
}

/** Every topic, by name in `lang` (English where untranslated). */
export function listTopics(db: Db, lang: LangCode): Promise<TermRow[]> {
  return listTerms(db, 'topic', lang);
}

/** Every programme, by name in `lang` (English where untranslated). */
export function listProgrammes(db: Db, lang: LangCode): Promise<TermRow[]> {
  return listTerms(db, 'programme', lang);
}

/** A topic or programme by slug; NotFoundError when there is none. */
export async function getTerm(db: Kysely<Database>, kind: TermKind, slug: string, lang: LangCode): Promise<TermRow> {
  const term = (await listTerms(db, kind, lang)).find((t) => t.slug === slug);
  if (!term) throw new NotFoundError();
  return term;
}

/**
 * Drops a topic or programme filter naming no term: an old link to a renamed
 * topic then shows everything (and says so) rather than an empty page.
 */
export function knownTerms<F extends { topic?: string | undefined; programme?: string | undefined }>(
  asked: F,
  topics: TermRow[],
  programmes: TermRow[],
): { filters: F; unknown: { topic?: string; programme?: string } } {
  const filters = { ...asked };
  const unknown: { topic?: string; programme?: string } = {};
  if (asked.topic !== undefined && !topics.some((t) => t.slug === asked.topic)) {
    unknown.topic = asked.topic;
    filters.topic = undefined;
  }
  if (asked.programme !== undefined && !programmes.some((p) => p.slug === asked.programme)) {
    unknown.programme = asked.programme;
    filters.programme = undefined;
  }
  return { filters, unknown };
}
