/**
 * An article's public page reads the article and what belongs to it (its
 * texts and tags) in one statement, and shows what it showed when each was
 * read on its own. The related events, which their own module reads, are not
 * counted here.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { LangCode } from '../../db/schema.js';
import { createTaggedContent, RELATED_SLUGS } from '../../../test/fixtures/tagged-content.js';
import { jpegWithGps } from '../../../test/helpers/images.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { pageStatements } from '../../../test/helpers/statements.js';
import { uploadMedia } from '../media/index.js';
import { articleDetail, getPublishedArticle } from './articles.service.js';
import { findLiveArticleByAddress } from './articles.repository.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe("the reads of an article's page", () => {
  // Uncached, as every page is the first time it is asked for.
  const t = appForBlock({ env: { PAGE_CACHE: 'off' } });
  before(() => createTaggedContent(t.db));

  /** The statements the page at `url` runs, less the related events', once anything it remembers is read. */
  async function ownStatements(url: string): Promise<string[]> {
    return (await pageStatements(t, url)).filter((statement) => !statement.includes('from "events"'));
  }

  test('the article, its texts and tags are one statement', async () => {
    for (const url of [`/en/articles/${RELATED_SLUGS.article.en}`, `/vi/articles/${RELATED_SLUGS.article.vi}`]) {
      assert.equal((await ownStatements(url)).length, 1, url);
    }
  });

  test('the same as reading the article and each of its lists on its own', async () => {
    const { db } = t;
    for (const [lang, slug] of [['en', RELATED_SLUGS.article.en], ['vi', RELATED_SLUGS.article.vi], ['vi', 'untagged-story']] as [LangCode, string][]) {
      const article = await findLiveArticleByAddress(db, lang, slug, NOW);
      assert.ok(article);
      const shown = await getPublishedArticle(db, slug, lang, NOW);
      assert.deepEqual(shown, await articleDetail(db, article, lang));
      assert.equal(shown.topics.length, slug === 'untagged-story' ? 0 : 1);
    }
  });

  test('a library hero comes in the same statement', async () => {
    const { media } = await uploadMedia(
      { db: t.db, config: t.config, now: () => NOW },
      { data: await jpegWithGps(800, 500), originalName: 'hero.jpg', altEn: 'A workshop', credit: 'ILO 2026', accept: 'image', userId: null },
    );
    await t.db.updateTable('articles').set({ hero_media_id: media.id }).where('slug', '=', RELATED_SLUGS.article.en).execute();
    assert.equal((await ownStatements(`/en/articles/${RELATED_SLUGS.article.en}`)).length, 1);
    const article = await findLiveArticleByAddress(t.db, 'en', RELATED_SLUGS.article.en, NOW);
    assert.ok(article);
    const shown = await getPublishedArticle(t.db, RELATED_SLUGS.article.en, 'en', NOW);
    assert.equal(shown.hero?.id, media.id);
    assert.deepEqual(shown, await articleDetail(t.db, article, 'en'));
  });
});
