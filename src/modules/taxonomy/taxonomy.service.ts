/**
 * Topics and programmes: the shared vocabulary of events and articles. The
 * office's list lives in content/taxonomy.json and is loaded into the
 * database on first start; the importer tags new items from it.
 */
import { readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import { TERM_TABLES, type LooseDb, type TermKind } from './taxonomy.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A term's name, normalised as every text entering the site. */
const termName = z.string().transform(normalizeLine).pipe(z.string().min(1));

const termSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  code: z.string().optional(),
  /** Phrases that, found in an item's title or text, tag it with this term. */
  match: z.array(z.string().min(2)).default([]),
  name: z.object({ en: termName, vi: termName }),
});

const taxonomySchema = z.object({ programmes: z.array(termSchema), topics: z.array(termSchema) });

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Term = z.infer<typeof termSchema>;

/** Reads and validates a taxonomy file. */
export function readTaxonomy(path: string): Taxonomy {
  return taxonomySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Adds the terms of a taxonomy that the database does not have yet (by slug);
 * leaves existing ones as edited. Safe to run by several instances at once:
 * every insert gives way to a row that is already there.
 */
export async function ensureTaxonomy(db: Db, taxonomy: Taxonomy, now: string): Promise<void> {
  for (const term of taxonomy.programmes) await ensureTerm(db, 'programme', term, { code: term.code ?? null, website_url: null }, now);
  for (const term of taxonomy.topics) await ensureTerm(db, 'topic', term, {}, now);
}

/** Adds a term with its English and Vietnamese names (and the kind's own `columns`), unless its slug is there already. */
async function ensureTerm(db: Db, kind: TermKind, term: Term, columns: Record<string, unknown>, now: string): Promise<void> {
  const t = TERM_TABLES[kind];
  const loose = db as unknown as LooseDb;
  await loose
    .insertInto(t.terms)
    .values({ slug: term.slug, ...columns, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const { id } = await loose.selectFrom(t.terms).select('id').where('slug', '=', term.slug).executeTakeFirstOrThrow();
  await loose
    .insertInto(t.texts)
    .values([
      { [t.fk]: id, lang: 'en', name: term.name.en, description: null },
      { [t.fk]: id, lang: 'vi', name: term.name.vi, description: null },
    ])
    .onConflict((oc) => oc.columns([t.fk, 'lang']).doNothing())
    .execute();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The terms whose phrases occur in a text as whole words. Acronyms written in
 * capitals (ENHANCE, SCORE) must match in capitals, so "score" in a sentence
 * does not tag an item with the SCORE programme.
 */
export function matchTerms(terms: Term[], text: string): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const hit = term.match.some((phrase) => {
      const acronym = phrase === phrase.toUpperCase();
      const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}(?=$|[^\\p{L}\\p{N}])`, acronym ? 'u' : 'iu');
      return re.test(text);
    });
    if (hit) found.push(term.slug);
  }
  return found;
}

/** Links an event or article to programmes and topics by slug (slugs unknown to the database are ignored). */
export async function tagItem(
  db: Db,
  kind: 'event' | 'article',
  itemId: number,
  programmeSlugs: string[],
  topicSlugs: string[],
): Promise<void> {
  if (programmeSlugs.length > 0) {
    const programmes = await db.selectFrom('programmes').select('id').where('slug', 'in', programmeSlugs).execute();
    for (const p of programmes) {
      if (kind === 'event') {
        await db.insertInto('event_programmes').values({ event_id: itemId, programme_id: p.id }).onConflict((oc) => oc.doNothing()).execute();
      } else {
        await db.insertInto('article_programmes').values({ article_id: itemId, programme_id: p.id }).onConflict((oc) => oc.doNothing()).execute();
      }
    }
  }
  if (topicSlugs.length > 0) {
    const topics = await db.selectFrom('topics').select('id').where('slug', 'in', topicSlugs).execute();
    for (const t of topics) {
      if (kind === 'event') {
        await db.insertInto('event_topics').values({ event_id: itemId, topic_id: t.id }).onConflict((oc) => oc.doNothing()).execute();
      } else {
        await db.insertInto('article_topics').values({ article_id: itemId, topic_id: t.id }).onConflict((oc) => oc.doNothing()).execute();
      }
    }
  }
}
