/**
 * What an item's public page reads, in one statement, for any kind: the live
 * item its address names, with its texts in every language, its programmes
 * and topics, the lists of the kind's own (an event's attachments) and its
 * hero, each as a JSON column (db/json-list.ts). Read one by one, these were
 * three statements an article's page and four an event's (two more with a
 * hero), the item's texts read twice; an uncached page spent more on running
 * statements than on the few rows they read.
 */
import { sql, type Compilable, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { jsonList, readJsonList, type JsonListOrder } from '../../db/json-list.js';
import { keptQuery } from '../../db/kept-query.js';
import type { Database, LangCode } from '../../db/schema.js';
import { heroColumns, heroFromColumns, type PictureImage } from '../media/index.js';
import { isLive, shownTranslationStatuses } from './live.js';
import type { ItemTable, PublicTables, TagName, TextTable } from './public.repository.js';
import { shownSlug } from './shown-text.js';
import { textNames, type TextColumnsOf, type TextFields } from './translated-texts.js';

/** The columns of a translation row every kind's has besides its item's id and its text (db/schema.ts, TranslationRow). */
const TRANSLATION_COLUMNS = ['lang', 'slug', 'status', 'source_snapshot', 'translated_at', 'created_at', 'updated_at'] as const;

/** The columns of the kind's translation row that are neither above, nor its item's id, nor a text declared in `F`. */
type Unlisted<X extends TextTable, F extends TextFields> = Exclude<
  keyof Database[X],
  (typeof TRANSLATION_COLUMNS)[number] | PublicTables<ItemTable, string, X>['fk'] | keyof TextColumnsOf<F>
>;

/** Nothing more where every column is listed; else a member no declaration has, naming the columns that would be missing from the page's texts. */
type EveryColumnListed<X extends TextTable, F extends TextFields> = [Unlisted<X, F>] extends [never] ? unknown : { unlisted: Unlisted<X, F> };

/**
 * A list of a kind's own that its page reads with the item: `column`, a JSON
 * column (db/json-list.ts) of the rows that belong to the item whose id is
 * the outer query's column `itemId`, cast to its rows' type; `order`, the
 * fields its rows are sorted by once read.
 */
export interface PageList<R> {
  column(db: Kysely<Database>, itemId: string): RawBuilder<R[]>;
  order: JsonListOrder<R>;
}

/** Programmes and topics come by slug. */
const TAG_ORDER: JsonListOrder<TagName> = ['slug'];

/** An item as its public page reads it. */
export interface ItemPageRead<Item, Text, L> {
  item: Item;
  /** Its texts, every language and status. */
  texts: Text[];
  programmes: TagName[];
  topics: TagName[];
  /** The lists of the kind's own. */
  lists: { [K in keyof L]: L[K][] };
  /** Its hero from the media library, with its alt text and credit. */
  hero: PictureImage | null;
}

// As in public.repository.ts, the tables come from the kind: columns are named with `sql.ref`, and
// the row types are the kind's own.
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;
/** Within the query the items' alias is typed as this one name; the SQL uses the kind's own alias. */
type Aliased = 'item';

/**
 * The page read of the kind whose tables are `t`, its declared texts
 * `texts`, with the lists of its own `lists` (each a PageList, none for a
 * kind with none); kept compiled per language. The function it returns finds
 * the live item whose address in `lang` ends in its shown slug `slug` (as
 * public.repository.ts's findLiveByAddress finds it first), with what its
 * page lists; undefined when none has it (another language's slug, an old
 * one: those are found as findLiveByAddress finds them).
 */
export function keptItemPage<T extends ItemTable, A extends string, X extends TextTable, F extends TextFields, L extends Record<string, unknown> = Record<never, never>>(
  t: PublicTables<T, A, X>,
  texts: F & EveryColumnListed<X, F>,
  lists = {} as { readonly [K in keyof L]: PageList<L[K]> },
) {
  type Item = Selectable<Database[T]>;
  type Text = Selectable<Database[X]>;
  const { alias, fk } = t;
  // A plain name: see LooseDb.
  const textTable: string = t.texts;
  const itemTable: string = t.items;
  const itemId = `${alias}.id`;
  const sameRef = (a: string, b: string) => sql<SqlBool>`${sql.ref(a)} = ${sql.ref(b)}`;

  /** Every column of a translation row: those above, the title and declared texts, and each Markdown text's HTML. */
  const textColumns: readonly string[] = [
    fk,
    ...TRANSLATION_COLUMNS,
    ...textNames(texts),
    ...Object.entries(texts).flatMap(([name, field]) => (field.markdown ? [`${name}_html`] : [])),
  ];

  /** The programmes or topics of the item, slug and name in `lang` (English where untranslated), by slug. */
  function tagsColumn(db: Kysely<Database>, tags: 'topics' | 'programmes', lang: LangCode) {
    const [links, terms, names, termId] =
      tags === 'topics' ? ([t.topics, 'topics', 'topic_translations', 'topic_id'] as const) : ([t.programmes, 'programmes', 'programme_translations', 'programme_id'] as const);
    const ref = (column: string) => sql.ref(column);
    return jsonList(
      db,
      { slug: 'n.slug', name: sql`coalesce(nl.name, ne.name)` },
      sql`from ${sql.table(links)} as x
      inner join ${sql.table(terms)} as n on n.id = ${ref(`x.${termId}`)}
      inner join ${sql.table(names)} as ne on ${ref(`ne.${termId}`)} = n.id and ne.lang = ${'en'}
      left join ${sql.table(names)} as nl on ${ref(`nl.${termId}`)} = n.id and nl.lang = ${lang}
      where ${ref(`x.${fk}`)} = ${ref(itemId)}`,
    );
  }

  const pageQuery = keptQuery<{ slug: string; now: string }, LangCode, Record<string, unknown>>((db, v, lang) => {
    const q = loose(db);
    return (
      q
        // From the texts with that slug in English or in `lang` (the (lang, slug) index: one or two rows) to
        // their item: the shown slug is computed, so no index can answer it. Asked as `id in (those texts)`,
        // SQLite read the status index of every published item to find the one or two.
        .selectFrom(q.dynamic.table(textTable).as('s'))
        .innerJoin(`${itemTable} as ${alias as Aliased}`, (j) => j.on(sameRef(itemId, `s.${fk}`)))
        .innerJoin(`${textTable} as te`, (j) => j.on(sameRef(`te.${fk}`, itemId)).on(sql.ref('te.lang'), '=', 'en'))
        .leftJoin(`${textTable} as tl`, (j) =>
          j.on(sameRef(`tl.${fk}`, itemId)).on(sql.ref('tl.lang'), '=', lang).on(sql.ref('tl.status'), 'in', shownTranslationStatuses(lang)),
        )
        .where(sql.ref('s.slug'), '=', v.slug)
        .where(sql.ref('s.lang'), 'in', lang === 'en' ? ['en'] : ['en', lang])
        .where(isLive(alias, v.now))
        .where(shownSlug, '=', v.slug)
        .selectAll(alias as Aliased)
        .select([
          jsonList(db, Object.fromEntries(textColumns.map((column) => [column, `x.${column}`])), sql`from ${sql.table(textTable)} as x where ${sql.ref(`x.${fk}`)} = ${sql.ref(itemId)}`).as(
            'texts',
          ),
          tagsColumn(db, 'programmes', lang).as('programmes'),
          tagsColumn(db, 'topics', lang).as('topics'),
          ...Object.entries(lists as Record<string, PageList<unknown>>).map(([name, list]) => list.column(db, itemId).as(name)),
          ...heroColumns(db, `${alias}.hero_media_id`),
        ])
        .orderBy(sql.ref(itemId))
        // A constant, not a bound value: with `limit ?` SQLite took five times as long over the same plan
        // (0.11 ms against 0.02 ms for an article's page, its lists included).
        .limit(sql.lit(1)) as unknown as Compilable<Record<string, unknown>>
    );
  });

  const ownLists = Object.entries(lists as Record<string, PageList<unknown>>);
  const listNames = ownLists.map(([name]) => name);
  /** The columns of the page's row that are not the item's own. */
  const pageListColumns: ReadonlySet<string> = new Set(['texts', 'programmes', 'topics', 'hero_image', 'hero_variants', ...listNames]);

  return async function findLivePage(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<ItemPageRead<Item, Text, L> | undefined> {
    const row = (await pageQuery(db, lang, { slug, now: now.toISOString() })).rows[0];
    if (row === undefined) return undefined;
    // The item is the row without the page's lists, copied in one pass: taken out with a rest pattern and
    // `delete`, the item was left in V8's slow dictionary form; this took half the time (6 µs against 12).
    const item: Record<string, unknown> = {};
    for (const column in row) if (!pageListColumns.has(column)) item[column] = row[column];
    const own: Record<string, unknown> = {};
    for (const [name, list] of ownLists) own[name] = readJsonList(row[name], list.order);
    return {
      item: item as Item,
      texts: readJsonList<Text>(row.texts),
      programmes: readJsonList(row.programmes, TAG_ORDER),
      topics: readJsonList(row.topics, TAG_ORDER),
      lists: own as ItemPageRead<Item, Text, L>['lists'],
      hero: heroFromColumns({ hero_image: row.hero_image, hero_variants: row.hero_variants }),
    };
  };
}
