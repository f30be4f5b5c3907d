import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { html } from '../../../test/helpers/html.js';
import { searchSite } from '../search/index.js';
import { generateContent } from './generate.service.js';

describe('generating content for load tests', () => {
  const t = appForBlock();

  test('adds published bilingual events and articles, tagged and searchable, and a second run adds more', async () => {
    const report = await generateContent(t.db, { events: 620, articles: 30, now: DEFAULT_NOW, seed: 7 });
    assert.deepEqual([report.events, report.articles], [620, 30]);
    const count = async (table: 'events' | 'articles' | 'event_translations' | 'article_translations' | 'search_documents') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count('events'), 620);
    assert.equal(await count('event_translations'), 1240);
    assert.equal(await count('article_translations'), 60);
    assert.equal(await count('search_documents'), 1300);
    const vi = await t.db.selectFrom('event_translations').select(['title', 'slug', 'status']).where('lang', '=', 'vi').executeTakeFirstOrThrow();
    assert.equal(vi.status, 'published');
    assert.match(vi.title, /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);

    const found = await searchSite(t.db, { q: 'lao động', page: 1, lang: 'vi', filters: {}, now: DEFAULT_NOW });
    assert.equal(found.state, 'results');
    assert.ok(found.state === 'results' && found.info.total > 0);

    const listing = html((await t.app.inject({ url: '/en/articles' })).body);
    assert.ok(listing.querySelectorAll('.item-title').length > 0);

    await generateContent(t.db, { events: 5, articles: 5, now: DEFAULT_NOW, seed: 7 });
    assert.equal(await count('events'), 625, 'same seed again: new slugs, no collision');
  });
});
