import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { articleInput } from '../../../../test/helpers/editing.js';
import { html, text } from '../../../../test/helpers/html.js';
import { createArticle, publishArticle } from '../../articles/articles.editing.js';

const vi = (title: string) => ({ title, summary: null, body: 'Nội dung.', hero_alt: null, byline_role: null, byline_organisation: null, slug: null, status: 'draft' as const });

describe('the admin lists search titles and narrow by state and Vietnamese text', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  before(async () => {
    const as = { user: editor.user, now: DEFAULT_NOW };
    const article = (title: string, viTitle: string | null) => createArticle(t.db, as, articleInput({ en: { ...articleInput().en, title }, vi: viTitle ? vi(viTitle) : null }));
    const published = await article('Wage forum in Hanoi', 'Diễn đàn tiền lương');
    await publishArticle(t.db, as, published.id);
    await article('Wage forum draft', null);
    await article('Safety at work', 'An toàn lao động');
    await article('Discount of 50% for members', null);
    // Enough matching drafts for a second page.
    for (let n = 1; n <= 21; n += 1) await article(`Apprenticeship note ${n}`, null);
  });

  const titles = async (query: string) => {
    const res = await getPage(t.app, `/admin/articles${query}`, editor);
    assert.equal(res.statusCode, 200);
    return html(res.body).querySelectorAll('tbody td a').map((a) => text(a));
  };

  test('a search finds titles in either language, in any case', async () => {
    assert.deepEqual((await titles('?q=WAGE+forum')).sort(), ['Wage forum draft', 'Wage forum in Hanoi']);
    assert.deepEqual(await titles('?q=lao+%C4%91%E1%BB%99ng'), ['Safety at work']);
  });

  test('a percent sign is searched for as itself', async () => {
    assert.deepEqual(await titles('?q=50%25'), ['Discount of 50% for members']);
    assert.deepEqual(await titles('?q=%25'), ['Discount of 50% for members']);
  });

  test('the state and the Vietnamese text narrow the search', async () => {
    assert.deepEqual(await titles('?q=wage&status=published'), ['Wage forum in Hanoi']);
    assert.deepEqual(await titles('?q=wage&vi=without'), ['Wage forum draft']);
    assert.deepEqual((await titles('?vi=with')).sort(), ['Safety at work', 'Wage forum in Hanoi']);
  });

  test('the form shows what was asked, and the pages and state links keep it', async () => {
    const doc = html((await getPage(t.app, '/admin/articles?q=apprenticeship&vi=without', editor)).body);
    assert.equal(doc.querySelector('form[role="search"]')?.getAttribute('method'), 'get');
    assert.equal(doc.querySelector('input[name="q"]')?.getAttribute('value'), 'apprenticeship');
    assert.equal(doc.querySelector('select[name="vi"] option[selected]')?.getAttribute('value'), 'without');
    const next = doc.querySelectorAll('a').find((a) => (a.getAttribute('href') ?? '').includes('page=2'));
    assert.equal(next?.getAttribute('href'), '/admin/articles?q=apprenticeship&vi=without&page=2');
    const drafts = doc.querySelectorAll('.filter-links a').find((a) => (a.getAttribute('href') ?? '').includes('status=draft'));
    assert.equal(drafts?.getAttribute('href'), '/admin/articles?q=apprenticeship&status=draft&vi=without');
    assert.equal((await titles('?q=apprenticeship&vi=without&page=2')).length, 1);
  });

  test('an unknown filter value shows everything rather than an error', async () => {
    assert.equal((await titles('?status=nonsense&vi=maybe&q=wage')).length, 2);
  });
});
