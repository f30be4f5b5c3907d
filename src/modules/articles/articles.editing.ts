/**
 * Editing feature articles: create and save them, move them through the
 * workflow (review, publication, scheduling), list, compare and restore their
 * revisions, and record scheduled articles going live. The rules shared with
 * events live in content/editing.ts; this file says how an article is stored.
 */
import type { Kysely, Transaction } from 'kysely';
import { NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import type { ArticleRow, ArticleTranslationRow, Database, LangCode, PublicationStatus } from '../../db/schema.js';
import {
  createItem,
  deleteItem,
  diffRevisions,
  getEditable,
  getRevision,
  listRevisions,
  publicationSteps,
  recordDueItemsLive,
  restoreRevision,
  saveItem,
  scheduleStep,
  takeStep,
  type ContentStore,
  type EditContext,
  type Editable,
  type RevisionDiff,
  type RevisionSummary,
} from '../content/index.js';
import type { ArticleContent, ArticleInput, ArticleText } from './articles.schemas.js';
import * as repo from './articles.repository.js';
import { heroChoiceProblems, renderMarkdownForStorage } from '../media/index.js';
import { snapshotOf } from '../i18n/index.js';
import * as editRepo from './articles.editing.repository.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** The whole article as revisions keep it: what the form edits plus its workflow state. */
export interface ArticleSnapshot extends ArticleContent {
  status: PublicationStatus;
  publish_at: string | null;
  published_at: string | null;
}

export type EditableArticle = Editable<ArticleSnapshot>;

/** The fields the article form edits: restored by a restore, compared to detect a stale form. */
export const ARTICLE_CONTENT_FIELDS = [
  'slug',
  'published_on',
  'hero_media_id',
  'hero_image_path',
  'credit_holder',
  'credit_photographer',
  'credit_year',
  'byline_kind',
  'byline_name',
  'en',
  'vi',
  'topics',
  'programmes',
] as const satisfies readonly (keyof ArticleSnapshot)[];

/** The order fields are compared in on the history page. */
export const ARTICLE_FIELD_ORDER = [
  'en.title',
  'en.summary',
  'en.body',
  'en.hero_alt',
  'en.byline_role',
  'en.byline_organisation',
  'vi.title',
  'vi.summary',
  'vi.body',
  'vi.hero_alt',
  'vi.byline_role',
  'vi.byline_organisation',
  'slug',
  'published_on',
  'hero_media_id',
  'hero_image_path',
  'credit_holder',
  'credit_photographer',
  'credit_year',
  'byline_kind',
  'byline_name',
  'topics',
  'programmes',
  'status',
  'publish_at',
  'published_at',
] as const;

const EMPTY_TEXT: ArticleText = { title: '', summary: null, body: null, hero_alt: null, byline_role: null, byline_organisation: null };

function textOf(row: ArticleText): ArticleText {
  return {
    title: row.title,
    summary: row.summary,
    body: row.body,
    hero_alt: row.hero_alt,
    byline_role: row.byline_role,
    byline_organisation: row.byline_organisation,
  };
}

function toEditable(row: ArticleRow, translations: ArticleTranslationRow[], tags: { topics: number[]; programmes: number[] }): EditableArticle {
  const en = translations.find((t) => t.lang === 'en');
  const vi = translations.find((t) => t.lang === 'vi');
  return {
    id: row.id,
    revision: row.revision,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshot: {
      slug: row.slug,
      status: row.status,
      publish_at: row.publish_at,
      published_at: row.published_at,
      published_on: row.published_on,
      hero_media_id: row.hero_media_id,
      hero_image_path: row.hero_image_path,
      credit_holder: row.credit_holder,
      credit_photographer: row.credit_photographer,
      credit_year: row.credit_year,
      byline_kind: row.byline_kind,
      byline_name: row.byline_name,
      // An article imported from a Vietnamese page alone has no English text yet.
      en: en ? textOf(en) : EMPTY_TEXT,
      // A translation without a slug yet gets one at its next save.
      vi: vi ? { ...textOf(vi), slug: vi.slug ?? '', status: vi.status } : null,
      topics: tags.topics,
      programmes: tags.programmes,
    },
  };
}

function rowValues(s: ArticleSnapshot) {
  return {
    slug: s.slug,
    status: s.status,
    published_on: s.published_on,
    hero_media_id: s.hero_media_id,
    hero_image_path: s.hero_image_path,
    credit_holder: s.credit_holder,
    credit_photographer: s.credit_photographer,
    credit_year: s.credit_year,
    byline_kind: s.byline_kind,
    byline_name: s.byline_name,
    publish_at: s.publish_at,
    published_at: s.published_at,
  };
}

async function writeTexts(trx: Trx, id: number, s: ArticleSnapshot, at: string): Promise<void> {
  // The English text's address is the article's own slug; its status follows the article's.
  // An article kept from a Vietnamese page alone has no English text (an empty title) until an editor writes one.
  if (s.en.title !== '') await repo.upsertArticleTranslation(trx, id, 'en', s.en, at, { slug: s.slug, status: 'published' });
  if (s.vi) await repo.upsertArticleTranslation(trx, id, 'vi', s.vi, at, { slug: s.vi.slug, status: s.vi.status });
  else await editRepo.rows.deleteTranslation(trx, id, 'vi');
}

/** How articles are stored, for the shared editing workflow. */
export const articleStore: ContentStore<ArticleSnapshot> = {
  kind: 'article',
  contentFields: ARTICLE_CONTENT_FIELDS,
  fieldOrder: ARTICLE_FIELD_ORDER,
  longFields: new Set(['summary', 'body']),
  fallbackSlug: 'article',
  async load(db, id) {
    const row = await repo.findArticleById(db, id);
    if (!row) return undefined;
    return toEditable(row, await repo.listArticleTranslations(db, id), await editRepo.rows.listTagIds(db, id));
  },
  async insert(trx, s, { at, userId, sourceKey }) {
    const id = await repo.insertArticle(trx, {
      ...rowValues(s),
      source_key: sourceKey ?? null,
      revision: 1,
      created_at: at,
      updated_at: at,
      created_by: userId,
      updated_by: userId,
    });
    await writeTexts(trx, id, s, at);
    await editRepo.rows.replaceTags(trx, id, s.topics, s.programmes);
    return id;
  },
  async update(trx, id, revision, next, changes, { at, userId }) {
    if (!(await editRepo.rows.updateAtRevision(trx, id, revision, { ...rowValues(next), updated_at: at, updated_by: userId }))) return false;
    if (changes.some((f) => f === 'slug' || f.startsWith('en.') || f.startsWith('vi.'))) await writeTexts(trx, id, next, at);
    if (changes.includes('topics') || changes.includes('programmes')) {
      await editRepo.rows.replaceTags(trx, id, next.topics, next.programmes);
    }
    return true;
  },
  async insertMany(trx, snapshots, { at }) {
    const ids = await editRepo.rows.insertItems(
      trx,
      snapshots.map((s) => ({ ...rowValues(s), revision: 1, created_at: at, updated_at: at })),
    );
    const idOf = (s: ArticleSnapshot) => ids.get(s.slug)!;
    const text = (t: ArticleText) => ({ ...textOf(t), body_html: renderMarkdownForStorage(t.body), created_at: at, updated_at: at });
    await editRepo.rows.insertTranslations(
      trx,
      snapshots.flatMap((s) => [
        { article_id: idOf(s), lang: 'en' as const, ...text(s.en), slug: s.slug, status: 'published' as const },
        ...(s.vi
          ? [
              {
                article_id: idOf(s),
                lang: 'vi' as const,
                ...text(s.vi),
                slug: s.vi.slug,
                status: s.vi.status,
                // Translation tracking, as for a Vietnamese text saved with its English.
                source_snapshot: JSON.stringify(snapshotOf('article', { ...s.en })),
                translated_at: at,
              },
            ]
          : []),
      ]),
    );
    await editRepo.rows.insertTags(trx, snapshots.map((s) => ({ id: idOf(s), topics: s.topics, programmes: s.programmes })));
    return snapshots.map(idOf);
  },
  deleteRow: (trx, id) => editRepo.rows.deleteRow(trx, id),
  slugUsedByOther: (db, slug, selfId) => editRepo.rows.slugUsedByOther(db, slug, selfId),
  listDueIds: (db, at) => editRepo.rows.listDueIds(db, at),
  claimDue: (trx, id, at) => editRepo.rows.claimDue(trx, id, at),
  check: (trx, input) => heroChoiceProblems(trx, input.hero_media_id),
};

export type ArticleListFilter = PublicationStatus | 'scheduled' | undefined;

/**
 * One page of articles for the admin list, newest date first: all of them,
 * or those in one state ('scheduled': published with a time still to come).
 * NotFoundError past the last page.
 */
export async function listArticlesForEditing(
  db: Db,
  filter: ArticleListFilter,
  page: number,
  now: Date,
): Promise<{ rows: editRepo.ArticleSummaryRow[]; info: PageInfo }> {
  const where = { status: filter, now: now.toISOString() };
  const info = pageInfo(page, await editRepo.rows.countSummaries(db, where));
  if (page > info.pages) throw new NotFoundError();
  return { rows: await editRepo.listArticleSummaries(db, where, info.pageSize, info.offset), info };
}

/** An article for the edit form; NotFoundError when there is none. */
export async function getArticleForEditing(db: Db, id: number): Promise<EditableArticle> {
  return getEditable(articleStore, db, id);
}

/**
 * Creates a draft article from a validated form, with a slug made from the
 * English title unless one was typed (unique: `-2`, `-3`… when taken).
 * ValidationError when the typed slug is another article's or a chosen topic
 * no longer exists.
 */
export async function createArticle(db: Db, ctx: EditContext, input: ArticleInput): Promise<EditableArticle> {
  return createItem(articleStore, db, ctx, input, {});
}

/**
 * Saves the article form over article `id`; StaleEditError (nothing written)
 * when someone changed its content since `loadedRevision`. A changed slug
 * keeps the old address redirecting (301). An unchanged form records nothing.
 */
export async function updateArticle(db: Db, ctx: EditContext, id: number, input: ArticleInput, loadedRevision: number): Promise<EditableArticle> {
  return saveItem(articleStore, db, ctx, id, input, loadedRevision, 'update');
}

const steps = publicationSteps<ArticleSnapshot>();

/** Sends a draft article to the editors for review. */
export async function submitArticle(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableArticle> {
  return takeStep(articleStore, db, ctx, id, steps.submit, loadedRevision);
}

/** Sends an article in review back to draft. */
export async function returnArticleToDraft(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableArticle> {
  return takeStep(articleStore, db, ctx, id, steps.returnToDraft, loadedRevision);
}

/** Publishes the article now (a scheduled one too, ahead of its time). */
export async function publishArticle(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableArticle> {
  return takeStep(articleStore, db, ctx, id, steps.publish, loadedRevision);
}

/** Schedules the article's publication at `publishAt` (after now, else ValidationError on `publish_at`). */
export async function scheduleArticle(db: Db, ctx: EditContext, id: number, publishAt: Date, loadedRevision?: number): Promise<EditableArticle> {
  return takeStep(articleStore, db, ctx, id, scheduleStep<ArticleSnapshot>(publishAt, ctx.now), loadedRevision);
}

/** Takes a published or scheduled article off the site, back to draft. */
export async function unpublishArticle(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<EditableArticle> {
  return takeStep(articleStore, db, ctx, id, steps.unpublish, loadedRevision);
}

/** Deletes the article; its history stays, ending with a 'delete' revision. */
export async function deleteArticle(db: Db, ctx: EditContext, id: number, loadedRevision?: number): Promise<void> {
  await deleteItem(articleStore, db, ctx, id, loadedRevision);
}

/** The article's revisions, newest first; NotFoundError when the article does not exist. */
export async function listArticleRevisions(db: Db, id: number): Promise<RevisionSummary[]> {
  return listRevisions(articleStore, db, id);
}

/** One revision of the article with the whole article as it was then. */
export async function getArticleRevision(db: Db, id: number, revision: number): Promise<RevisionSummary & { snapshot: ArticleSnapshot }> {
  return getRevision(articleStore, db, id, revision);
}

/** Field-by-field (and word-by-word) differences between two revisions of the article. */
export async function diffArticleRevisions(db: Db, id: number, a: number, b: number, lang: LangCode): Promise<RevisionDiff> {
  return diffRevisions(articleStore, db, id, a, b, lang);
}

/** Brings back the article's text and details as they were at `revision`, as a new revision. */
export async function restoreArticleRevision(
  db: Db,
  ctx: EditContext,
  id: number,
  revision: number,
  loadedRevision?: number,
): Promise<EditableArticle> {
  return restoreRevision(articleStore, db, ctx, id, revision, loadedRevision);
}

/** Records that scheduled articles whose time has come went live, once each even with several instances. */
export async function recordDueArticlesLive(db: Db, now: Date): Promise<number[]> {
  return recordDueItemsLive(articleStore, db, now);
}
