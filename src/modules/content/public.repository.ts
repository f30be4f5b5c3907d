/**
 * The queries visitors' pages run on any kind, written once and driven by the
 * kind's table names (Kysely's `db.dynamic`): the items visitors may see under
 * a text choice (live, translated when the site leaves untranslated ones out,
 * tagged as the filters ask), a page's rows with their shown text, the item an
 * address names, its texts, its tags and their names. Also the rows by id or
 * source key and one text's upsert, which the editing services and the
 * importer share. A kind adds only its own columns, filters and order: its
 * queries start from `live` or `withText`, typed as its own table.
 */
import { sql, type Compilable, type Expression, type Kysely, type SelectQueryBuilder, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Sharing } from '../../app-deps.js';
import type { ContentKind, Database, LangCode } from '../../db/schema.js';
import { keptQuery, type StandIns } from '../../db/kept-query.js';
import { countLive as countLiveOfKind, isLive, shownTranslationStatuses } from './live.js';
import { shownText } from './shown-text.js';
import { findRedirectTarget } from './slugs.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The tags every kind's listing may be narrowed by (by slug): all given must hold. */
export interface TagFilters {
  topic?: string | undefined;
  programme?: string | undefined;
  /** Items tagged with any of these topics or programmes (related content, looked up per item unless the choice says otherwise); nothing when both are empty. */
  sharing?: Sharing | undefined;
}

/** Which items and which text a visitors' page shows. */
export interface TextChoice<F extends TagFilters = TagFilters> {
  /** The page's language. */
  lang: LangCode;
  /** The instant of the request: scheduled items show once their time has come (see live.ts). */
  now: Date;
  /** Leave out items whose text in `lang` is missing or unpublished (the site's 'omit' setting) instead of showing their English text. */
  omitUntranslated: boolean;
  /** Narrows the items: every filter given must hold. */
  filters?: F | undefined;
  /**
   * How a topic or programme filter is checked. 'gathered' (the default)
   * reads the term's links first and checks items against them: for counts
   * and long lists, which read every item of the term anyway. 'per item'
   * looks up each item's links as the query reads items in order, so a short
   * page stops after its few items instead of first reading every link of
   * the term (a topic's page, related items). The items found are the same.
   */
  tagLookup?: 'gathered' | 'per item' | undefined;
}

/** The tables of a kind's items and of their texts. */
export type ItemTable = 'events' | 'articles';
export type TextTable = 'event_translations' | 'article_translations';

/** A kind's tables, and the alias its public queries give its items table. */
export interface PublicTables<T extends ItemTable, A extends string, X extends TextTable> {
  kind: ContentKind;
  items: T;
  alias: A;
  texts: X;
  /** The column of the texts and tag tables holding the item's id. */
  fk: 'event_id' | 'article_id';
  topics: 'event_topics' | 'article_topics';
  programmes: 'event_programmes' | 'article_programmes';
}

/** A query on a kind's items (as `A`), typed as that kind's table, so that the kind adds its own columns, filters and order. */
export type ItemsQuery<T extends ItemTable, A extends string> = SelectQueryBuilder<Database & { [K in A]: Database[T] }, A, object>;

/** A tag's slug and its name in the page's language. */
export interface TagName {
  slug: string;
  name: string;
}

/**
 * What a kept query narrowed by shared tags alone (related items) is given
 * besides its items: the tags' slugs, bound as values, and the same items
 * without the tags' condition, so that it may find some of them from the
 * tags' links instead (the events running today: events.repository.ts).
 */
export interface SharedLive<T extends ItemTable, A extends string> {
  sharing: Sharing;
  untagged: ItemsQuery<T, A>;
}

/** Ids of items at most in one query: well within every database's limit on parameters. */
const ID_CHUNK = 500;

// The tables come from the kind, so the query builder cannot check columns
// against one table's type: below, columns are named with `sql.ref` and only
// those every kind's tables share are used (db/schema.ts); each function
// returns the kind's own row types.
type AnyRow = Record<string, unknown>;
type LooseDb = Kysely<Record<string, AnyRow>>;
const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;
/** Within a generic query the items' alias is typed as this one name; the SQL uses the kind's own alias. */
type Aliased = 'item';

/** A Date standing for an instant bound anew on each run of a kept query: the live rule writes it through toISOString. */
function instantStandIn(text: string): Date {
  return Object.assign(new Date(0), { toISOString: () => text });
}

/** Whether a choice narrows nothing by tags (it may still leave out untranslated items). */
function unfiltered(choice: TextChoice<object>): boolean {
  return Object.values(choice.filters ?? {}).every((value) => value === undefined);
}

/** The tags of a choice narrowed by `sharing` alone, looked up per item (related items), else undefined. */
function sharingAlone(choice: TextChoice<object>): Sharing | undefined {
  const { sharing, ...others } = (choice.filters ?? {}) as TagFilters;
  if (sharing === undefined || (choice.tagLookup ?? 'per item') !== 'per item') return undefined;
  return Object.values(others).every((value) => value === undefined) ? sharing : undefined;
}

/**
 * A choice narrowed by one topic or one programme alone, its tags looked up
 * per item (a term's page), as the same choice narrowed by sharing that one
 * tag: the items tagged with any of one tag are that tag's. A kind reads the
 * items of shared tags from the tags' links, newest or soonest first, where
 * a term looked up per item had every item read in order until enough were
 * the term's: a topic with one article and one past event among 100,000
 * items took 170 ms for its page. Any other choice is returned as it is.
 */
export function oneTagAsShared<C extends TextChoice<TagFilters>>(choice: C): C {
  if (choice.tagLookup !== 'per item') return choice;
  const { topic, programme, ...others } = choice.filters ?? {};
  if ((topic === undefined) === (programme === undefined) || !Object.values(others).every((value) => value === undefined)) return choice;
  return { ...choice, filters: { sharing: { topics: topic === undefined ? [] : [topic], programmes: programme === undefined ? [] : [programme] } } };
}

/** Whether a choice shows every live item (no filters, nothing left out for want of a translation). */
export function choosesAll(choice: TextChoice<object>): boolean {
  const omitting = choice.omitUntranslated && choice.lang !== 'en';
  return !omitting && Object.values(choice.filters ?? {}).every((value) => value === undefined);
}

/** The public queries of the kind whose tables are `t`; `Item` and `Text` are its rows. */
export function publicRows<T extends ItemTable, A extends string, X extends TextTable>(t: PublicTables<T, A, X>) {
  type Item = Selectable<Database[T]>;
  type Text = Selectable<Database[X]>;
  const { alias, fk } = t;
  // Plain names from here on: see LooseDb.
  const texts: string = t.texts;
  const itemId = sql.ref(`${alias}.id`);
  const items = (db: Kysely<Database>) => loose(db).selectFrom(loose(db).dynamic.table(t.items).as(alias as Aliased));
  const typed = (query: unknown) => query as ItemsQuery<T, A>;
  const sameRef = (a: string, b: string) => sql<SqlBool>`${sql.ref(a)} = ${sql.ref(b)}`;

  /**
   * The outer item is among those tagged with any of these slugs (topics or
   * programmes), checked as the choice's `tagLookup` says.
   *
   * Gathered, it is `id in (the terms' links)`, not a correlated `exists`:
   * the database reads the terms by slug and their links by the term's index
   * once, then checks each item against that set (SQLite's list, PostgreSQL's
   * hash semi join) or goes to the few items by id, instead of looking up the
   * links again for every live item (at 100,000 items that cost 171 ms to
   * count one topic's past events). The `in` drops duplicates, so an item
   * tagged with two of the slugs is found once.
   *
   * Per item, it is `exists (a link of this item to one of the terms)`, each
   * of the item's links joined to its term by id and the term's slug
   * compared (the terms' ids as a list, `in (select …)`, were read again for
   * every item: a related-articles page of the sample content took four
   * times as long in SQLite): each item the query reads in order costs its
   * few links in the link table's primary key (item, term), so a page of 20
   * costs about 20 items per share of the term in the archive rather than
   * all of the term's links (5,500 of a topic at 100,000 items). The look
   * ends in `limit 1 offset 0`, which changes nothing it finds: PostgreSQL
   * may otherwise turn it into a hash of every link of the terms, read
   * before the first item (it expects thousands of items to check where a
   * page checks a few dozen), and does not with an offset. The related
   * events of an article at 100,000 items: 1.4 ms instead of 46 ms.
   */
  function taggedWith(db: Kysely<Database>, tags: 'topics' | 'programmes', slugs: string[], lookup: TextChoice['tagLookup']): Expression<SqlBool> {
    const [links, terms, termId] = tags === 'topics' ? ([t.topics, 'topics', 'topic_id'] as const) : ([t.programmes, 'programmes', 'programme_id'] as const);
    const q = loose(db);
    if (lookup === 'per item') {
      const link = q
        .selectFrom(q.dynamic.table(links).as('ft'))
        .innerJoin(`${terms} as ftt`, (j) => j.on(sameRef('ftt.id', `ft.${termId}`)))
        .select(sql.lit(1).as('one'))
        .where(sql<SqlBool>`${sql.ref(`ft.${fk}`)} = ${itemId}`)
        .where(sql.ref('ftt.slug'), 'in', slugs)
        .limit(sql.lit(1))
        .offset(sql.lit(0));
      return sql<SqlBool>`exists ${link}`;
    }
    const tagged = q
      .selectFrom(q.dynamic.table(links).as('ft'))
      .innerJoin(`${terms} as ftt`, (j) => j.on(sameRef('ftt.id', `ft.${termId}`)))
      .select(sql.ref(`ft.${fk}`).as('id'))
      .where(sql.ref('ftt.slug'), 'in', slugs);
    return sql<SqlBool>`${itemId} in ${tagged}`;
  }

  /** The names of the topics or programmes of items in `lang` (English where untranslated), with the kind of tag, as one select to be ordered by the caller. */
  function tagNamesOf(db: Kysely<Database>, tags: 'topics' | 'programmes', lang: LangCode | string, ids: readonly number[]) {
    const [links, terms, names, termId] =
      tags === 'topics' ? ([t.topics, 'topics', 'topic_translations', 'topic_id'] as const) : ([t.programmes, 'programmes', 'programme_translations', 'programme_id'] as const);
    const q = loose(db);
    return q
      .selectFrom(q.dynamic.table(links).as('x'))
      .innerJoin(`${terms} as n`, (j) => j.on(sameRef('n.id', `x.${termId}`)))
      .innerJoin(`${names} as ne`, (j) => j.on(sameRef(`ne.${termId}`, 'n.id')).on(sql.ref('ne.lang'), '=', 'en'))
      .leftJoin(`${names} as nl`, (j) => j.on(sameRef(`nl.${termId}`, 'n.id')).on(sql.ref('nl.lang'), '=', lang))
      .where(sql.ref(`x.${fk}`), 'in', ids)
      .select([
        sql<string>`${sql.lit(tags)}`.as('tags'),
        sql<number>`${sql.ref(`x.${fk}`)}`.as('item_id'),
        sql<string>`n.slug`.as('slug'),
        sql<string>`coalesce(nl.name, ne.name)`.as('name'),
      ]);
  }

  /** The names of the topics or programmes of items in a language (English where untranslated), sorted by item, then slug; kept compiled per kind of tag and number of ids. */
  const tagNamesQuery = keptQuery<{ ids: number[]; lang: LangCode }, string, { item_id: number; slug: string; name: string }>((db, v, shape) =>
    tagNamesOf(db, shape.startsWith('topics') ? 'topics' : 'programmes', v.lang, v.ids)
      .orderBy(sql.ref('item_id'))
      .orderBy(sql.ref('slug')),
  );

  /** One item's programmes and topics together (one round trip for its page), each sorted by slug; kept compiled. */
  const itemTagsQuery = keptQuery<{ id: number; lang: LangCode }, '', { tags: 'topics' | 'programmes'; slug: string; name: string }>((db, v) =>
    tagNamesOf(db, 'programmes', v.lang, [v.id])
      .unionAll(tagNamesOf(db, 'topics', v.lang, [v.id]))
      .orderBy(sql.ref('tags'))
      .orderBy(sql.ref('slug')),
  );

  /** The names of the topics or programmes of these items in `lang` (English where untranslated), sorted by item, then slug. */
  async function tagNames(db: Kysely<Database>, tags: 'topics' | 'programmes', ids: number[], lang: LangCode) {
    if (ids.length === 0) return [];
    return (await tagNamesQuery(db, `${tags} ${ids.length}`, { ids, lang })).rows;
  }


  /**
   * Items visitors may see now, narrowed by the choice's tags. Counts, year
   * choices and the choice of a page's items need no more than this, so they
   * read the items' indexes only; the text is joined for a page's few rows
   * (withText). Every live item has its English text: every writer stores it
   * with the item.
   */
  function live(db: Kysely<Database>, choice: TextChoice): ItemsQuery<T, A> {
    let query = items(db).where(isLive(alias, choice.now));
    if (choice.omitUntranslated && choice.lang !== 'en') {
      const q = loose(db);
      const translated = q
        .selectFrom(q.dynamic.table(texts).as('tx'))
        .select(sql.ref(`tx.${fk}`).as('id'))
        .where(sql.ref(`tx.${fk}`), '=', itemId)
        .where(sql.ref('tx.lang'), '=', choice.lang)
        .where(sql.ref('tx.status'), '=', 'published');
      query = query.where(sql<SqlBool>`exists ${translated}`);
    }
    const { topic, programme, sharing } = choice.filters ?? {};
    // Related items are a short list read in order: their tags are looked up per item unless asked otherwise.
    const lookup = choice.tagLookup ?? (sharing === undefined ? 'gathered' : 'per item');
    if (topic !== undefined) query = query.where(taggedWith(db, 'topics', [topic], lookup));
    if (programme !== undefined) query = query.where(taggedWith(db, 'programmes', [programme], lookup));
    if (sharing !== undefined) {
      const any = [
        ...(sharing.topics.length > 0 ? [taggedWith(db, 'topics', sharing.topics, lookup)] : []),
        ...(sharing.programmes.length > 0 ? [taggedWith(db, 'programmes', sharing.programmes, lookup)] : []),
        // Tagged with nothing, an item has no related items.
        sql<SqlBool>`1 = 0`,
      ];
      query = query.where(sql<SqlBool>`(${sql.join(any, sql` or `)})`);
    }
    return typed(query);
  }

  /**
   * The items with their English text (te) and, in another language, as tl,
   * their text in `lang` when it may be shown (once that translation is
   * published). In English the English text is the one shown: no tl
   * (shown-text.ts's shownText picks the columns accordingly).
   */
  function joinTexts(db: Kysely<Database>, lang: LangCode) {
    const english = items(db).innerJoin(`${texts} as te`, (j) => j.on(sameRef(`te.${fk}`, `${alias}.id`)).on(sql.ref('te.lang'), '=', 'en'));
    if (lang === 'en') return english;
    const shown = shownTranslationStatuses(lang);
    return english.leftJoin(`${texts} as tl`, (j) => j.on(sameRef(`tl.${fk}`, `${alias}.id`)).on(sql.ref('tl.lang'), '=', lang).on(sql.ref('tl.status'), 'in', shown));
  }

  /**
   * The items with these ids (whose liveness their choice has checked) and
   * their texts (joinTexts): the kind selects its columns, the shown ones
   * through shown-text.ts's shownText for the language.
   */
  function withText(db: Kysely<Database>, lang: LangCode, ids: number[]): ItemsQuery<T, A> {
    return typed(joinTexts(db, lang).where(itemId, 'in', ids));
  }

  /**
   * The rows of these items, in this order, as `columns` selects them from
   * `withText`. A page first picks its items' ids from the indexes (live),
   * then reads the text of those few: skipping to a deep page, or past
   * thousands of older items, then costs index entries rather than whole
   * rows. Many ids are read a chunk at a time.
   */
  async function rowsInOrder<R extends { id: number }>(
    db: Db,
    lang: LangCode,
    ids: number[],
    columns: (query: ItemsQuery<T, A>, lang: LangCode) => { execute(): Promise<R[]> },
  ): Promise<R[]> {
    const rows: R[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) rows.push(...(await columns(withText(db, lang, ids.slice(i, i + ID_CHUNK)), lang).execute()));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * rowsInOrder with its columns chosen once: the query is kept compiled
   * (db/kept-query.ts) per language and number of ids. For the rows of the
   * pages every visitor reads.
   */
  function keptRowsInOrder<R extends { id: number }>(columns: (query: ItemsQuery<T, A>, lang: LangCode) => Compilable<R>) {
    const kept = keptQuery<{ ids: number[] }, string, R>((kdb, v, shape) => {
      const lang = shape.slice(0, 2) as LangCode;
      return columns(withText(kdb, lang, v.ids), lang);
    });
    return async (db: Db, lang: LangCode, ids: number[]): Promise<R[]> => {
      const rows: R[] = [];
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        const chunk = ids.slice(i, i + ID_CHUNK);
        rows.push(...(await kept(db, `${lang} ${chunk.length}`, { ids: chunk })).rows);
      }
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    };
  }

  /**
   * A query on the items a choice shows (`live`), kept compiled per
   * language and setting when the choice has no filters, and also when it
   * is narrowed by `sharing` alone (related items, on every item's page):
   * then per number of topics and of programmes, their slugs bound as
   * values. With other filters it is built as usual, on `filtered` (the
   * kind's live items with its own filters, which add nothing when none of
   * the kind's own is given). `build` adds the kind's columns and
   * conditions, binding `values` (db/kept-query.ts); narrowed by `sharing`
   * alone, it is also given the slugs and the items untagged (SharedLive).
   * The values named in `writtenWhenShared` (numbers: a page's size and
   * offset) are then written into the SQL text instead of bound, and kept
   * compiled per value: SQLite ran the related items' plans markedly slower
   * with a bound `limit ?` than with the number written in. Related items
   * ask a few sizes only, where a listing's offsets are many; the builder
   * receives each such value as a literal (sql.lit), which Kysely takes
   * wherever it takes a value. `db` compiles a statement the builder writes
   * around the query (a `with recursive`, say).
   */
  function keptOnLive<V extends Record<string, string | number>, R>(
    build: (query: ItemsQuery<T, A>, values: StandIns<V>, shared: SharedLive<T, A> | undefined, db: Kysely<Database>) => Compilable<R>,
    filtered: (db: Db, choice: TextChoice) => ItemsQuery<T, A>,
    writtenWhenShared: readonly (keyof V & string)[] = [],
  ) {
    type Kept = V & { now: string; sharedTopics: string[]; sharedProgrammes: string[] };
    const kept = keptQuery<Kept, string, R>((kdb, v, shape) => {
      const [lang, setting, shares, written] = shape.split(' ');
      const sharing = shares === undefined ? undefined : { topics: [...v.sharedTopics], programmes: [...v.sharedProgrammes] };
      const choice: TextChoice = { lang: lang as LangCode, now: instantStandIn(v.now), omitUntranslated: setting === 'omit' };
      const shared = sharing === undefined ? undefined : { sharing, untagged: live(kdb, choice) };
      const literals = (written ?? '').split(':').flatMap((n, i) => (n === '' ? [] : [[writtenWhenShared[i] as string, sql.lit(Number(n))]]));
      const values = { ...v, ...Object.fromEntries(literals) } as StandIns<Kept>;
      return build(live(kdb, { ...choice, filters: { sharing } }), values, shared, kdb);
    });
    return async (db: Db, choice: TextChoice, values: V): Promise<R[]> => {
      const sharing = sharingAlone(choice);
      if (sharing === undefined && !unfiltered(choice)) return (await db.executeQuery(build(filtered(db, choice), values as StandIns<V>, undefined, db as Kysely<Database>))).rows;
      const setting = choice.omitUntranslated ? 'omit' : 'show';
      const shared = { sharedTopics: sharing?.topics ?? [], sharedProgrammes: sharing?.programmes ?? [] };
      if (sharing === undefined) return (await kept(db, `${choice.lang} ${setting}`, { ...values, ...shared, now: choice.now.toISOString() } as Kept)).rows;
      const bound: Record<string, string | number> = { ...values };
      for (const name of writtenWhenShared) delete bound[name];
      const written = writtenWhenShared.map((name) => {
        const n = values[name];
        if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`a written value must be a whole number: ${name}`);
        return n;
      });
      const shape = `${choice.lang} ${setting} ${sharing.topics.length},${sharing.programmes.length} ${written.join(':')}`;
      return (await kept(db, shape, { ...bound, ...shared, now: choice.now.toISOString() } as Kept)).rows;
    };
  }

  /** The ids a query picks, in its order. */
  async function pickIds(query: { execute(): Promise<{ id: number }[]> }): Promise<number[]> {
    return (await query.execute()).map((row) => row.id);
  }

  /** How many items a query on them finds. */
  async function count(query: ItemsQuery<T, A>): Promise<number> {
    const row = (await query.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow()) as { n: number | string };
    // Postgres returns counts as strings (bigint).
    return Number(row.n);
  }

  /** How many items visitors may see now, with no other condition. */
  function countLive(db: Kysely<Database>, now: Date): Promise<number> {
    return countLiveOfKind(db, t.kind, now);
  }

  /**
   * The published items of one topic or programme, as the database keeps
   * them (term_item_counts), and those of them scheduled for later: a range
   * of the (status, publish_at) index, each looked up in the link table.
   */
  const termCountQuery = keptQuery<{ slug: string; now: string }, 'topics' | 'programmes', { kept: number | string | null; scheduled: number | string | null }>(
    (db, v, tags) => {
      const [links, terms, termId, term] = tags === 'topics' ? ([t.topics, 'topics', 'topic_id', 'topic'] as const) : ([t.programmes, 'programmes', 'programme_id', 'programme'] as const);
      const q = loose(db);
      const kept = q
        .selectFrom('term_item_counts as c')
        .innerJoin(`${terms} as ct`, (j) => j.on(sameRef('ct.id', 'c.term_id')))
        .select(sql.ref('c.n').as('n'))
        .where(sql.ref('c.kind'), '=', sql.lit(t.kind))
        .where(sql.ref('c.term'), '=', sql.lit(term))
        .where(sql.ref('ct.slug'), '=', v.slug);
      const linked = q
        .selectFrom(q.dynamic.table(links).as('sx'))
        .innerJoin(`${terms} as st`, (j) => j.on(sameRef('st.id', `sx.${termId}`)))
        .select(sql.lit(1).as('one'))
        .where(sql<SqlBool>`${sql.ref(`sx.${fk}`)} = ${itemId}`)
        .where(sql.ref('st.slug'), '=', v.slug);
      const scheduled = items(db)
        .where(sql.ref(`${alias}.status`), '=', sql.lit('published'))
        .where(sql.ref(`${alias}.publish_at`), '>', v.now)
        .where(sql<SqlBool>`exists ${linked}`)
        .select(sql<number | string>`count(*)`.as('n'));
      return q.selectNoFrom([kept.as('kept'), scheduled.as('scheduled')]);
    },
  );

  /**
   * How many items a choice shows when it is narrowed to one topic or one
   * programme and nothing else, and shows every language's items: the
   * term's published items, which the database counts as links and statuses
   * change, less those scheduled for later (few). A cost that does not grow
   * with the archive, where counting the term's items reads every one. For
   * any other choice, undefined: it is counted as a query on its items.
   */
  async function countLiveTagged(db: Kysely<Database>, choice: TextChoice<object>): Promise<number | undefined> {
    if (choice.omitUntranslated && choice.lang !== 'en') return undefined;
    const given = Object.entries(choice.filters ?? {}).filter(([, value]) => value !== undefined);
    const [only] = given;
    if (given.length !== 1 || only === undefined || typeof only[1] !== 'string') return undefined;
    const tags = only[0] === 'topic' ? 'topics' : only[0] === 'programme' ? 'programmes' : undefined;
    if (tags === undefined) return undefined;
    const row = (await termCountQuery(db, tags, { slug: only[1], now: choice.now.toISOString() })).rows[0];
    return Number(row?.kept ?? 0) - Number(row?.scheduled ?? 0);
  }

  /**
   * The live item whose address in `lang` ends in `slug`: its published
   * translation's slug, or its English slug while it has none. The item's
   * whole row, so that its page needs no second look for it.
   */
  const liveBySlugQuery = keptQuery<{ slug: string; now: string }, LangCode, Item>((db, v, lang) => {
    const q = loose(db);
    const named = q
      .selectFrom(q.dynamic.table(texts).as('s'))
      .select(sql.ref(`s.${fk}`).as('id'))
      .where(sql.ref('s.slug'), '=', v.slug)
      .where(sql.ref('s.lang'), 'in', lang === 'en' ? ['en'] : ['en', lang]);
    return joinTexts(db, lang)
      .where(isLive(alias, v.now))
      // The shown slug is computed, so no index can answer it; the slug must be that of the English
      // text or of the text in `lang`, which the (lang, slug) index finds at once. Without this the
      // query read every live item (a quarter of a second with 50,000).
      .where(sql<SqlBool>`${itemId} in ${named}`)
      .where(shownText(lang).slug, '=', v.slug)
      .selectAll(alias as Aliased)
      .orderBy(itemId)
      .limit(1) as unknown as Compilable<Item>;
  });

  async function findLiveBySlug(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<Item | undefined> {
    return (await liveBySlugQuery(db, lang, { slug, now: now.toISOString() })).rows[0];
  }

  async function findLiveIdBySlug(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<number | undefined> {
    const row = (await findLiveBySlug(db, lang, slug, now)) as { id: number } | undefined;
    return row === undefined ? undefined : Number(row.id);
  }

  /**
   * A live item known by `slug` in some language: an address from the other
   * language, from before its translation was published, or from while it
   * was, that should move to the item's current address.
   */
  async function findLiveIdByAnySlug(db: Kysely<Database>, slug: string, now: Date): Promise<number | undefined> {
    const row = await items(db)
      .innerJoin(`${texts} as t`, (j) => j.on(sameRef(`t.${fk}`, `${alias}.id`)))
      .where(isLive(alias, now))
      .where(sql.ref('t.slug'), '=', slug)
      .select(itemId.as('id'))
      .orderBy(itemId)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.id);
  }

  /**
   * The item visitors may see at `now` whose address in `lang` ends in
   * `slug`: by its shown slug, its slug in another language, or an old slug
   * (slug_redirects) in `lang` or English. The page then moves the visitor
   * to the item's current address.
   */
  async function findLiveByAddress(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<Item | undefined> {
    // Found by its shown slug (nearly every visit), the item is read at once; found otherwise, by id.
    const shown = await findLiveBySlug(db, lang, slug, now);
    if (shown !== undefined) return shown;
    const id =
      (await findLiveIdByAnySlug(db, slug, now)) ??
      (await findRedirectTarget(db, t.kind, lang, slug)) ??
      (lang === 'en' ? undefined : await findRedirectTarget(db, t.kind, 'en', slug));
    return id === undefined ? undefined : findLiveById(db, id, now);
  }

  async function findById(db: Kysely<Database>, id: number): Promise<Item | undefined> {
    return (await loose(db).selectFrom(t.items).selectAll().where('id', '=', id).executeTakeFirst()) as Item | undefined;
  }

  const liveByIdQuery = keptQuery<{ id: number; now: string }, '', Item>((db, v) =>
    items(db).selectAll(alias as Aliased).where(itemId, '=', v.id).where(isLive(alias, v.now)),
  );

  /** The item with this id if visitors may see it now. */
  async function findLiveById(db: Kysely<Database>, id: number, now: Date): Promise<Item | undefined> {
    return (await liveByIdQuery(db, '', { id, now: now.toISOString() })).rows[0];
  }

  async function findBySourceKey(db: Kysely<Database>, sourceKey: string): Promise<Item | undefined> {
    return (await loose(db).selectFrom(t.items).selectAll().where('source_key', '=', sourceKey).executeTakeFirst()) as Item | undefined;
  }

  const textsQuery = keptQuery<{ id: number }, '', Text>((db, v) => loose(db).selectFrom(t.texts).selectAll().where(fk, '=', v.id));

  /** The item's texts, every language and status. */
  async function listTexts(db: Kysely<Database>, id: number): Promise<Text[]> {
    return (await textsQuery(db, '', { id })).rows;
  }

  /** Items with English text meeting `where` (a kind's dates), in the order entered: for pairing translated pages. */
  async function listWithEnglish(db: Kysely<Database>, where: (query: ItemsQuery<T, A>) => ItemsQuery<T, A>): Promise<Item[]> {
    const query = typed(
      items(db).innerJoin(`${texts} as te`, (j) => j.on(sameRef(`te.${fk}`, `${alias}.id`)).on(sql.ref('te.lang'), '=', 'en')),
    );
    return (await where(query).selectAll(alias).orderBy(itemId, 'asc').execute()) as unknown as Item[];
  }

  /** The item's programmes and topics, by slug, with their names in `lang` (English when untranslated). */
  async function listTags(db: Kysely<Database>, id: number, lang: LangCode): Promise<{ programmes: TagName[]; topics: TagName[] }> {
    const rows = (await itemTagsQuery(db, '', { id, lang })).rows;
    const named = (tags: 'topics' | 'programmes') => rows.filter((row) => row.tags === tags).map(({ slug, name }) => ({ slug, name }));
    return { programmes: named('programmes'), topics: named('topics') };
  }

  /** The topics of these items (slug and name in `lang`, English where untranslated), by item id, sorted by slug. */
  async function listTopicNames(db: Kysely<Database>, ids: number[], lang: LangCode): Promise<Map<number, TagName[]>> {
    const names = new Map<number, TagName[]>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      for (const row of await tagNames(db, 'topics', ids.slice(i, i + ID_CHUNK), lang)) {
        const id = Number(row.item_id);
        names.set(id, [...(names.get(id) ?? []), { slug: row.slug, name: row.name }]);
      }
    }
    return names;
  }

  return { tables: t, live, withText, rowsInOrder, keptRowsInOrder, keptOnLive, pickIds, count, countLive, countLiveTagged, findLiveIdBySlug, findLiveIdByAnySlug, findLiveByAddress, findById, findLiveById, findBySourceKey, listTexts, listWithEnglish, listTags, listTopicNames };
}
