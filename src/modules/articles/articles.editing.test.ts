import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { databaseForEachTest } from '../../../test/helpers/test-database.js';
import { articleInput, as, createPeople, minutesLater } from '../../../test/helpers/editing.js';
import type { AdminUser } from '../auth/index.js';
import { pick, StaleEditError } from '../content/index.js';
import {
  createArticle,
  deleteArticle,
  diffArticleRevisions,
  getArticleForEditing,
  listArticleRevisions,
  publishArticle,
  recordDueArticlesLive,
  restoreArticleRevision,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
  updateArticle,
  ARTICLE_CONTENT_FIELDS,
  type EditableArticle,
} from './articles.editing.js';
import type { ArticleInput } from './articles.schemas.js';
import { getPublishedArticle, latestArticles, listArticlesPage } from './articles.service.js';

/** The stored article as its form would send it back. */
const inputOf = (article: EditableArticle): ArticleInput => ({ ...pick(article.snapshot, ARTICLE_CONTENT_FIELDS), vi_current: false });

describe('editing articles', () => {
  let db: Kysely<Database>;
  let contributor: AdminUser, editor: AdminUser, otherEditor: AdminUser;
  databaseForEachTest((opened) => (db = opened));
  beforeEach(async () => {
    ({ contributor, editor, otherEditor } = await createPeople(db));
  });

  test('creating makes a draft with every field stored, slug from the title', async () => {
    const article = await createArticle(
      db,
      as(contributor),
      articleInput({
        credit_holder: 'ILO',
        credit_photographer: 'Nguyen Hai Dat',
        credit_year: 2024,
        byline_kind: 'op-ed',
        byline_name: 'Chang-Hee Lee',
        vi: { title: 'Nông trại cà phê Đắk Lắk', summary: null, body: 'Mùa thu hoạch.', hero_alt: null, byline_role: 'Giám đốc', byline_organisation: null, slug: null, status: null },
      }),
    );
    assert.equal(article.snapshot.slug, 'coffee-farms-of-dak-lak');
    assert.equal(article.snapshot.status, 'draft');
    assert.equal(article.createdBy, contributor.id);
    const stored = await getArticleForEditing(db, article.id);
    assert.equal(stored.snapshot.credit_year, 2024);
    assert.equal(stored.snapshot.byline_kind, 'op-ed');
    assert.equal(stored.snapshot.vi?.byline_role, 'Giám đốc');
    assert.equal((await listArticleRevisions(db, article.id))[0]?.action, 'create');
  });

  test('a typed slug used by another article is refused', async () => {
    await createArticle(db, as(editor), articleInput());
    await assert.rejects(createArticle(db, as(editor), articleInput({ slug: 'coffee-farms-of-dak-lak' })), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.fields.slug, 'editing.error.slugTaken');
      return true;
    });
    assert.equal((await createArticle(db, as(editor), articleInput())).snapshot.slug, 'coffee-farms-of-dak-lak-2');
  });

  test('a stale second save is refused and the first one kept', async () => {
    const article = await createArticle(db, as(editor), articleInput());
    await updateArticle(db, as(editor), article.id, { ...inputOf(article), en: { ...article.snapshot.en, body: 'First tab.' } }, 1);
    await assert.rejects(
      updateArticle(db, as(otherEditor), article.id, { ...inputOf(article), en: { ...article.snapshot.en, body: 'Second tab.' } }, 1),
      (e: unknown) => e instanceof StaleEditError && (e.stored as EditableArticle['snapshot']).en.body === 'First tab.',
    );
    assert.equal((await getArticleForEditing(db, article.id)).snapshot.en.body, 'First tab.');
  });

  test('contributors submit but cannot publish; editors publish and unpublish', async () => {
    const article = await createArticle(db, as(contributor), articleInput());
    await assert.rejects(publishArticle(db, as(contributor), article.id), ForbiddenError);
    await submitArticle(db, as(contributor), article.id);
    const published = await publishArticle(db, as(editor), article.id);
    assert.equal(published.snapshot.status, 'published');
    assert.equal((await getPublishedArticle(db, published.snapshot.slug, 'en', DEFAULT_NOW)).title, 'Coffee farms of Đắk Lắk');
    await unpublishArticle(db, as(editor), article.id);
    await assert.rejects(getPublishedArticle(db, published.snapshot.slug, 'en', DEFAULT_NOW), NotFoundError);
  });

  test('a scheduled article appears in listings exactly at its time and goes live once', async () => {
    const article = await createArticle(db, as(editor), articleInput());
    const at = minutesLater(45);
    await scheduleArticle(db, as(editor), article.id, at);
    const before = new Date(at.getTime() - 1);
    assert.equal((await listArticlesPage(db, 'en', before, 1)).info.total, 0);
    assert.deepEqual(await latestArticles(db, 'en', before), []);
    assert.equal((await listArticlesPage(db, 'en', at, 1)).info.total, 1);
    assert.deepEqual(await recordDueArticlesLive(db, before), []);
    const claims = await Promise.all([recordDueArticlesLive(db, at), recordDueArticlesLive(db, at)]);
    assert.deepEqual(claims.flat(), [article.id]);
    const revisions = await listArticleRevisions(db, article.id);
    assert.deepEqual(revisions.map((r) => r.action), ['went_live', 'schedule', 'create']);
  });

  test('the history diffs the body word by word and restores an old version', async () => {
    const article = await createArticle(db, as(editor), articleInput());
    await updateArticle(db, as(editor), article.id, { ...inputOf(article), slug: 'coffee', en: { ...article.snapshot.en, body: 'Harvest time on the highlands.' } }, 1);
    const { diffs } = await diffArticleRevisions(db, article.id, 1, 2, 'vi');
    assert.deepEqual(diffs.map((d) => d.field), ['en.body', 'slug']);
    assert.deepEqual(diffs[0]?.parts?.filter((p) => p.op !== 'same'), [
      { op: 'removed', text: 'plateau.' },
      { op: 'added', text: 'highlands.' },
    ]);
    await publishArticle(db, as(editor), article.id);
    const restored = await restoreArticleRevision(db, as(editor), article.id, 1);
    assert.equal(restored.snapshot.en.body, 'Harvest time on the plateau.');
    assert.equal(restored.snapshot.status, 'published');
    assert.equal((await getPublishedArticle(db, 'coffee', 'en', DEFAULT_NOW)).slugs.en, 'coffee-farms-of-dak-lak');
  });

  test('deleting an article keeps its history', async () => {
    const article = await createArticle(db, as(editor), articleInput());
    await assert.rejects(deleteArticle(db, as(contributor), article.id), ForbiddenError);
    await deleteArticle(db, as(editor), article.id);
    await assert.rejects(getArticleForEditing(db, article.id), NotFoundError);
    const kept = await db.selectFrom('revisions').select('action').where('item_kind', '=', 'article').where('item_id', '=', article.id).execute();
    assert.equal(kept.length, 2);
  });
});
