/**
 * The editing queries every kind runs on its own tables: tags, texts,
 * updates at a revision (optimistic locking), slugs in use, due and claimed
 * scheduled items, and the bulk inserts of the importer and the generator.
 * A kind names its tables once; the SQL is the same for every kind.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Transaction, type Updateable } from 'kysely';
import type { Database, LangCode, PublicationStatus, TranslationStatus } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The tables of one kind, and the column its texts and tags point at its items by. */
export interface KindTables<Items extends keyof Database, Texts extends keyof Database> {
  items: Items;
  texts: Texts;
  /** The column of the texts and tag tables that holds the item's id, e.g. `event_id`. */
  fk: string;
  topics: keyof Database;
  programmes: keyof Database;
}

/** Tags as the bulk insert takes them: one item's topics and programmes. */
export interface ItemTags {
  id: number;
  topics: number[];
  programmes: number[];
}

/** What the admin list may ask for: one publication status, or those scheduled after `now`. */
export interface SummaryFilter {
  status?: PublicationStatus | 'scheduled';
  now: string;
  /** Words the English or Vietnamese title holds, any case. */
  search?: string;
  /** Only items with Vietnamese text, or only those without. */
  vi?: 'with' | 'without';
}

/** `text` as a LIKE pattern matching itself anywhere (`\\` escapes `%`, `_` and itself). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The table names come from the kind, so the query builder cannot check the
// columns against one table's type: the queries below use only the columns
// every kind's tables share (db/schema.ts).
type AnyRow = Record<string, unknown>;
type LooseDb = Kysely<Record<string, AnyRow>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** Rows per multi-row INSERT: under SQLite's 32,766 bound values for the widest row here (about 20 columns). */
const ROWS_PER_INSERT = 500;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) yield rows.slice(start, start + ROWS_PER_INSERT);
}

/** The editing queries of the kind whose tables are `t`. */
export function editingRows<Items extends keyof Database, Texts extends keyof Database>(t: KindTables<Items, Texts>) {
  // Plain names from here on: see LooseDb.
  const items: string = t.items;
  const texts: string = t.texts;
  const topics: string = t.topics;
  const programmes: string = t.programmes;
  const fk = t.fk;

  /** `query` (over items as `i`) narrowed to what `filter` asks for. */
  function narrowed<Q extends { where(condition: RawBuilder<boolean>): Q }>(query: Q, filter: SummaryFilter): Q {
    let q = query;
    if (filter.status === 'scheduled') q = q.where(sql<boolean>`i.status = 'published' and i.publish_at > ${filter.now}`);
    else if (filter.status) q = q.where(sql<boolean>`i.status = ${filter.status}`);
    const hasVi = sql`exists (select 1 from ${sql.table(texts)} tv where ${sql.ref(`tv.${fk}`)} = i.id and tv.lang = 'vi')`;
    if (filter.vi === 'with') q = q.where(sql<boolean>`${hasVi}`);
    else if (filter.vi === 'without') q = q.where(sql<boolean>`not ${hasVi}`);
    if (filter.search) {
      const pattern = containsPattern(filter.search);
      q = q.where(
        sql<boolean>`exists (select 1 from ${sql.table(texts)} ts where ${sql.ref(`ts.${fk}`)} = i.id and lower(ts.title) like ${pattern} escape '\\')`,
      );
    }
    return q;
  }

  return {
    /** The item's row, every column; undefined when there is none. */
    async findItem(db: Db, id: number): Promise<AnyRow | undefined> {
      return loose(db).selectFrom(items).selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Every text of the item (English included), every column. */
    async listTexts(db: Db, id: number): Promise<AnyRow[]> {
      return loose(db).selectFrom(texts).selectAll().where(fk, '=', id).execute();
    },

    /** Inserts a new item; its id. */
    async insertItem(db: Db, row: AnyRow): Promise<number> {
      const inserted = await loose(db).insertInto(items).values(row).returning('id').executeTakeFirstOrThrow();
      return Number(inserted.id);
    },

    /** Inserts or replaces the item's text in one language (`columns`: its text columns, HTML already rendered), with its address and status. */
    async upsertText(db: Db, id: number, lang: LangCode, columns: AnyRow, publishing: { slug: string; status: TranslationStatus }, at: string): Promise<void> {
      const values = { ...columns, ...publishing, updated_at: at };
      await loose(db)
        .insertInto(texts)
        .values({ [fk]: id, lang, created_at: at, ...values })
        .onConflict((oc) => oc.columns([fk, 'lang']).doUpdateSet(values))
        .execute();
    },

    /**
     * One page of the admin list for `filter`: each item's id, slug, state,
     * times and author, its English title, whether it has Vietnamese text,
     * and the kind's own `columns`; ordered by `orderBy` (newest first).
     */
    async listSummaries(db: Db, filter: SummaryFilter, page: { limit: number; offset: number }, columns: readonly string[], orderBy: string): Promise<AnyRow[]> {
      const hasVi = sql<number>`case when exists (select 1 from ${sql.table(texts)} tv where ${sql.ref(`tv.${fk}`)} = i.id and tv.lang = 'vi') then 1 else 0 end`;
      let query = loose(db)
        .selectFrom(`${items} as i`)
        .innerJoin(`${texts} as te`, (j) => j.onRef(`te.${fk}`, '=', 'i.id').on('te.lang', '=', 'en'))
        .select(['i.id', 'i.slug', 'i.status', 'i.publish_at', 'i.updated_at', 'i.created_by', 'te.title', ...columns.map((c) => `i.${c}`)])
        .select(hasVi.as('has_vi'));
      query = narrowed(query, filter);
      return query.orderBy(`i.${orderBy}`, 'desc').orderBy('i.id', 'desc').limit(page.limit).offset(page.offset).execute();
    },

    /** The item's topic and programme ids, each in id order. */
    async listTagIds(db: Db, id: number): Promise<{ topics: number[]; programmes: number[] }> {
      const q = loose(db);
      const topicRows = await q.selectFrom(topics).select('topic_id').where(fk, '=', id).orderBy('topic_id').execute();
      const programmeRows = await q.selectFrom(programmes).select('programme_id').where(fk, '=', id).orderBy('programme_id').execute();
      return { topics: topicRows.map((r) => Number(r.topic_id)), programmes: programmeRows.map((r) => Number(r.programme_id)) };
    },

    /** Replaces the item's topics and programmes. */
    async replaceTags(db: Db, id: number, topicIds: number[], programmeIds: number[]): Promise<void> {
      const q = loose(db);
      await q.deleteFrom(topics).where(fk, '=', id).execute();
      await q.deleteFrom(programmes).where(fk, '=', id).execute();
      if (topicIds.length > 0) await q.insertInto(topics).values(topicIds.map((topic_id) => ({ [fk]: id, topic_id }))).execute();
      if (programmeIds.length > 0) {
        await q.insertInto(programmes).values(programmeIds.map((programme_id) => ({ [fk]: id, programme_id }))).execute();
      }
    },

    /** Removes the item's text in one language. */
    async deleteTranslation(db: Db, id: number, lang: LangCode): Promise<void> {
      await loose(db).deleteFrom(texts).where(fk, '=', id).where('lang', '=', lang).execute();
    },

    /**
     * Updates the item only if it is still at `revision`, moving it to the next
     * revision. Returns false when someone else saved first.
     */
    async updateAtRevision(db: Db, id: number, revision: number, changes: Updateable<Database[Items]>): Promise<boolean> {
      const result = await loose(db)
        .updateTable(items)
        .set({ ...(changes as AnyRow), revision: revision + 1 })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Deletes the item's row (its texts and tags go with it by the foreign keys). */
    async deleteRow(db: Db, id: number): Promise<void> {
      await loose(db).deleteFrom(items).where('id', '=', id).execute();
    },

    /**
     * Whether another item (not `exceptId`) uses `slug`: as its own slug or as
     * the slug of one of its texts, in any language.
     */
    async slugUsedByOther(db: Db, slug: string, exceptId: number | null): Promise<boolean> {
      const q = loose(db);
      const other = exceptId ?? -1;
      const item = await q.selectFrom(items).select('id').where('slug', '=', slug).where('id', '<>', other).executeTakeFirst();
      if (item) return true;
      const text = await q.selectFrom(texts).select(fk).where('slug', '=', slug).where(fk, '<>', other).executeTakeFirst();
      return text !== undefined;
    },

    /** Scheduled items whose time has come: published, with a publication time at or before `now`. */
    async listDueIds(db: Db, now: string): Promise<number[]> {
      const rows = await loose(db)
        .selectFrom(items)
        .select('id')
        .where('status', '=', 'published')
        .where('publish_at', 'is not', null)
        .where('publish_at', '<=', now)
        .orderBy('publish_at')
        .execute();
      return rows.map((r) => Number(r.id));
    },

    /**
     * Marks a due item as gone live, if no one has yet: clears its publication
     * time and moves it to the next revision, in one conditional UPDATE, so that
     * of several instances claiming at once exactly one succeeds. Returns the new
     * revision number, or undefined when the item was not (or no longer) due.
     */
    async claimDue(db: Db, id: number, now: string): Promise<number | undefined> {
      const row = await loose(db)
        .updateTable(items)
        .set((eb) => ({ publish_at: null, revision: eb('revision', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('status', '=', 'published')
        .where('publish_at', 'is not', null)
        .where('publish_at', '<=', now)
        .returning('revision')
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.revision);
    },

    /** How many items the admin list holds for `filter`. */
    async countSummaries(db: Db, filter: SummaryFilter): Promise<number> {
      const query = narrowed(loose(db).selectFrom(`${items} as i`), filter);
      const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Inserts many items; their ids by slug. */
    async insertItems(db: Db, rows: readonly Insertable<Database[Items]>[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const chunk of chunks(rows as readonly AnyRow[])) {
        for (const r of await loose(db).insertInto(items).values(chunk).returning(['id', 'slug']).execute()) ids.set(String(r.slug), Number(r.id));
      }
      return ids;
    },

    /** Inserts many texts of new items (their HTML already rendered). */
    async insertTranslations(db: Db, rows: readonly Insertable<Database[Texts]>[]): Promise<void> {
      for (const chunk of chunks(rows as readonly AnyRow[])) await loose(db).insertInto(texts).values(chunk).execute();
    },

    /** Links many new items to their topics and programmes. */
    async insertTags(db: Db, rows: readonly ItemTags[]): Promise<void> {
      const topicRows = rows.flatMap((r) => r.topics.map((topic_id) => ({ [fk]: r.id, topic_id })));
      const programmeRows = rows.flatMap((r) => r.programmes.map((programme_id) => ({ [fk]: r.id, programme_id })));
      for (const chunk of chunks(topicRows)) await loose(db).insertInto(topics).values(chunk).execute();
      for (const chunk of chunks(programmeRows)) await loose(db).insertInto(programmes).values(chunk).execute();
    },
  };
}

/** The editing queries of one kind. */
export type EditingRows = ReturnType<typeof editingRows>;
