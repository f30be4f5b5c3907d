/** Queries on topics and programmes for visitors' pages: names in a language, English where untranslated. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';

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

function terms(db: Db, kind: TermKind, lang: LangCode, slug?: string) {
  const columns = (alias: 't' | 'p', en: 'te' | 'pe', local: 'tl' | 'pl') => [
    sql.ref<number>(`${alias}.id`).as('id'),
    sql.ref<string>(`${alias}.slug`).as('slug'),
    sql<string>`coalesce(${sql.ref(`${local}.name`)}, ${sql.ref(`${en}.name`)})`.as('name'),
    sql<string | null>`case when ${sql.ref(`${local}.name`)} is null then ${sql.ref(`${en}.description`)} else ${sql.ref(`${local}.description`)} end`.as('description'),
    sql<LangCode>`case when ${sql.ref(`${local}.name`)} is null then 'en' else ${sql.ref(`${local}.lang`)} end`.as('text_lang'),
  ];
  if (kind === 'topic') {
    return db
      .selectFrom('topics as t')
      .innerJoin('topic_translations as te', (j) => j.onRef('te.topic_id', '=', 't.id').on('te.lang', '=', 'en'))
      .leftJoin('topic_translations as tl', (j) => j.onRef('tl.topic_id', '=', 't.id').on('tl.lang', '=', lang))
      .select(columns('t', 'te', 'tl'))
      .$if(slug !== undefined, (q) => q.where('t.slug', '=', slug!));
  }
  return db
    .selectFrom('programmes as p')
    .innerJoin('programme_translations as pe', (j) => j.onRef('pe.programme_id', '=', 'p.id').on('pe.lang', '=', 'en'))
    .leftJoin('programme_translations as pl', (j) => j.onRef('pl.programme_id', '=', 'p.id').on('pl.lang', '=', lang))
    .select(columns('p', 'pe', 'pl'))
    .$if(slug !== undefined, (q) => q.where('p.slug', '=', slug!));
}

// Sorted here rather than in SQL: database collations differ, and Vietnamese
// names must sort by the language's rules on both databases.
function sortByName(rows: TermRow[], lang: LangCode): TermRow[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base' });
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}

/** Every topic, by name in `lang`. */
export async function listTopics(db: Db, lang: LangCode): Promise<TermRow[]> {
  return sortByName((await terms(db, 'topic', lang).execute()) as TermRow[], lang);
}

/** Every programme, by name in `lang`. */
export async function listProgrammes(db: Db, lang: LangCode): Promise<TermRow[]> {
  return sortByName((await terms(db, 'programme', lang).execute()) as TermRow[], lang);
}

/** One topic or programme by slug, named in `lang` (English where untranslated). */
export async function findTerm(db: Db, kind: TermKind, slug: string, lang: LangCode): Promise<TermRow | undefined> {
  const row = (await terms(db, kind, lang, slug).executeTakeFirst()) as TermRow | undefined;
  return row ? { ...row, id: Number(row.id) } : undefined;
}
