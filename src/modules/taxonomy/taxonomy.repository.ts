/** Queries on topics and programmes for visitors' pages: names in a language, English where untranslated. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { keptQuery } from '../../db/kept-query.js';

type Db = Kysely<Database> | Transaction<Database>;

export type TermKind = 'topic' | 'programme';

export interface TermRow {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  /** The language the name is in. */
  text_lang: LangCode;
}

/** Where each kind of term keeps its rows and its names, and the column of the names that holds the term's id. */
export const TERM_TABLES = {
  topic: { terms: 'topics', texts: 'topic_translations', fk: 'topic_id' },
  programme: { terms: 'programmes', texts: 'programme_translations', fk: 'programme_id' },
} as const satisfies Record<TermKind, { terms: keyof Database; texts: keyof Database; fk: string }>;

// The table names come from the kind, so the query builder cannot check the
// columns against one table's type: the queries use only the columns both
// kinds' tables share (db/schema.ts).
export type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

function terms(db: Db, kind: TermKind, lang: LangCode, slug?: string) {
  const t = TERM_TABLES[kind];
  return (db as unknown as LooseDb)
    .selectFrom(`${t.terms} as x`)
    .innerJoin(`${t.texts} as te`, (j) => j.onRef(`te.${t.fk}`, '=', 'x.id').on('te.lang', '=', 'en'))
    .leftJoin(`${t.texts} as tl`, (j) => j.onRef(`tl.${t.fk}`, '=', 'x.id').on('tl.lang', '=', lang))
    .select([
      'x.id',
      'x.slug',
      sql<string>`coalesce(tl.name, te.name)`.as('name'),
      sql<string | null>`case when tl.name is null then te.description else tl.description end`.as('description'),
      sql<LangCode>`case when tl.name is null then 'en' else tl.lang end`.as('text_lang'),
    ])
    .$if(slug !== undefined, (q) => q.where('x.slug', '=', slug!));
}

// Sorted here rather than in SQL: database collations differ, and Vietnamese
// names must sort by the language's rules on both databases.
// Built once per language: building a collator costs far more than comparing with one.
const collators: Record<LangCode, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base' }),
  vi: new Intl.Collator('vi', { sensitivity: 'base' }),
};

function sortByName(rows: TermRow[], lang: LangCode): TermRow[] {
  const collator = collators[lang];
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}

/** Every topic or programme (the shape) with its names in a language: the listings' filters read it on every request, so it is kept compiled. */
const everyTerm = keptQuery<{ lang: string }, TermKind, TermRow>((kdb, v, kind) => terms(kdb, kind, v.lang as LangCode));

/** Every topic, by name in `lang`. */
export async function listTopics(db: Db, lang: LangCode): Promise<TermRow[]> {
  return sortByName((await everyTerm(db, 'topic', { lang })).rows, lang);
}

/** Every programme, by name in `lang`. */
export async function listProgrammes(db: Db, lang: LangCode): Promise<TermRow[]> {
  return sortByName((await everyTerm(db, 'programme', { lang })).rows, lang);
}

/** One topic or programme by slug, named in `lang` (English where untranslated). */
export async function findTerm(db: Db, kind: TermKind, slug: string, lang: LangCode): Promise<TermRow | undefined> {
  const row = (await terms(db, kind, lang, slug).executeTakeFirst()) as unknown as TermRow | undefined;
  return row ? { ...row, id: Number(row.id) } : undefined;
}
