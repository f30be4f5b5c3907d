/** Topics and programmes as visitors see them: by slug, named in the page's language. */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { findTerm, type TermKind, type TermRow } from './taxonomy.repository.js';

/** A topic or programme by slug; NotFoundError when there is none. */
export async function getTerm(db: Kysely<Database>, kind: TermKind, slug: string, lang: LangCode): Promise<TermRow> {
  const term = await findTerm(db, kind, slug, lang);
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
