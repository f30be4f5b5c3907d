/**
 * What an article's public page reads of it, in one statement: the live
 * article its address names, with its texts in every language and its
 * programmes and topics, and its hero, each as a JSON column
 * (db/json-list.ts). Read one by one, these were three statements a page
 * (five with a hero), the article's texts read
 * twice; an uncached page spent more on running statements than on the few
 * rows they read.
 */
import { sql, type Kysely } from 'kysely';
import { jsonList, readJsonList } from '../../db/json-list.js';
import { keptQuery } from '../../db/kept-query.js';
import type { ArticleRow, ArticleTranslationRow, Database, LangCode } from '../../db/schema.js';
import { isLive, shownSlug, shownTranslationStatuses, textNames, type TagName } from '../content/index.js';
import { heroColumns, heroFromColumns, type PictureImage } from '../media/index.js';
import { articleTexts, type ArticleTextColumns } from './articles.type.js';

/** The columns of a translation row every kind's has besides its text (db/schema.ts, TranslationRow). */
const TRANSLATION_COLUMNS = ['article_id', 'lang', 'slug', 'status', 'source_snapshot', 'translated_at', 'created_at', 'updated_at'] as const;

// A column of article_translations that is neither above nor a declared text would be missing from the page's texts.
type Unlisted = Exclude<keyof ArticleTranslationRow, (typeof TRANSLATION_COLUMNS)[number] | keyof ArticleTextColumns>;
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyColumnListed;

/** Every column of a translation row: those above, the title and declared texts, and each Markdown text's HTML. */
const TEXT_COLUMNS: readonly string[] = [
  ...TRANSLATION_COLUMNS,
  ...textNames(articleTexts),
  ...Object.entries(articleTexts).flatMap(([name, field]) => ('markdown' in field && field.markdown ? [`${name}_html`] : [])),
];

/** The programmes or topics of the article `a`, slug and name in `lang` (English where untranslated), by slug. */
function tagsColumn(db: Kysely<Database>, tags: 'topics' | 'programmes', lang: LangCode) {
  const [links, terms, names, termId] =
    tags === 'topics'
      ? (['article_topics', 'topics', 'topic_translations', 'topic_id'] as const)
      : (['article_programmes', 'programmes', 'programme_translations', 'programme_id'] as const);
  const ref = (column: string) => sql.ref(column);
  return jsonList(
    db,
    { slug: 'n.slug', name: sql`coalesce(nl.name, ne.name)` },
    sql`from ${sql.table(links)} as x
      inner join ${sql.table(terms)} as n on n.id = ${ref(`x.${termId}`)}
      inner join ${sql.table(names)} as ne on ${ref(`ne.${termId}`)} = n.id and ne.lang = ${'en'}
      left join ${sql.table(names)} as nl on ${ref(`nl.${termId}`)} = n.id and nl.lang = ${lang}
      where x.article_id = a.id`,
    sql`n.slug`,
  );
}

type PageRow = ArticleRow & { texts: unknown; programmes: unknown; topics: unknown; hero_image: unknown; hero_variants: unknown };

/**
 * The live article whose shown slug in `lang` is `slug` (as content's
 * findLiveByAddress finds it first), with its lists; kept compiled per
 * language.
 */
const articlePageQuery = keptQuery<{ slug: string; now: string }, LangCode, PageRow>((db, v, lang) =>
  db
    // From the texts with that slug in English or in `lang` (the (lang, slug) index: one or two rows) to
    // their article: the shown slug is computed, so no index can answer it. Asked as `id in (those texts)`,
    // SQLite read the status index of every published article to find the one or two.
    .selectFrom('article_translations as s')
    .innerJoin('articles as a', 'a.id', 's.article_id')
    .innerJoin('article_translations as te', (j) => j.onRef('te.article_id', '=', 'a.id').on('te.lang', '=', 'en'))
    .leftJoin('article_translations as tl', (j) => j.onRef('tl.article_id', '=', 'a.id').on('tl.lang', '=', lang).on('tl.status', 'in', shownTranslationStatuses(lang)))
    .where('s.slug', '=', v.slug)
    .where('s.lang', 'in', lang === 'en' ? ['en'] : ['en', lang])
    .where(isLive('a', v.now))
    .where(shownSlug, '=', v.slug)
    .selectAll('a')
    .select([
      jsonList(db, Object.fromEntries(TEXT_COLUMNS.map((column) => [column, `x.${column}`])), sql`from ${sql.table('article_translations')} as x where x.article_id = a.id`).as('texts'),
      tagsColumn(db, 'programmes', lang).as('programmes'),
      tagsColumn(db, 'topics', lang).as('topics'),
      ...heroColumns(db, 'a.hero_media_id'),
    ])
    .orderBy('a.id')
    // A constant, not a bound value: with `limit ?` SQLite took five times as long over the same plan
    // (0.11 ms against 0.02 ms for an article's page, its lists included).
    .limit(sql.lit(1)),
);

/** An article as its public page reads it. */
export interface ArticlePageRead {
  article: ArticleRow;
  /** Its texts, every language and status. */
  texts: ArticleTranslationRow[];
  programmes: TagName[];
  topics: TagName[];
  /** Its hero from the media library (imported articles have `hero_image_path` instead). */
  hero: PictureImage | null;
}

/**
 * The live article whose address in `lang` ends in its shown slug `slug`,
 * with its texts and tags; undefined when none has it (another language's
 * slug, an old one: see findLiveArticleByAddress).
 */
export async function findLiveArticlePage(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<ArticlePageRead | undefined> {
  const row = (await articlePageQuery(db, lang, { slug, now: now.toISOString() })).rows[0];
  if (row === undefined) return undefined;
  const { texts, programmes, topics, hero_image, hero_variants, ...article } = row;
  return {
    article,
    texts: readJsonList<ArticleTranslationRow>(texts),
    programmes: readJsonList<TagName>(programmes),
    topics: readJsonList<TagName>(topics),
    hero: heroFromColumns({ hero_image, hero_variants }),
  };
}
