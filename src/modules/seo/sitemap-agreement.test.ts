/**
 * The sitemap and the pages tell search engines the same thing. Every
 * address listed answers 200, is indexable, is its own canonical, and
 * declares exactly the hreflang alternates (x-default included) that the
 * sitemap gives it; every alternate a listed page declares is listed too.
 * x-default is the English page, which answers without a redirect. A
 * Vietnamese page showing English text (the site's 'fallback' setting) is
 * listed; with 'omit' it is left out, marked noindex, and no page names it.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { updateSettings } from '../settings/index.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

type Links = Record<string, string>;

function sitemap(body: string): Map<string, Links> {
  const list = parser.parse(body).urlset.url as { loc: string; 'xhtml:link'?: unknown }[];
  const entries = new Map<string, Links>();
  for (const url of list) {
    const links = (url['xhtml:link'] === undefined ? [] : [url['xhtml:link']].flat()) as { '@hreflang': string; '@href': string }[];
    entries.set(url.loc, Object.fromEntries(links.map((l) => [l['@hreflang'], l['@href']])));
  }
  return entries;
}

interface PageHead {
  status: number;
  noindex: boolean;
  canonical: string | undefined;
  alternates: Links;
}

describe('the sitemap, the pages and the redirects agree', () => {
  const t = appForBlock({ seed: true });
  let origin: string;
  before(async () => {
    origin = t.config.PUBLIC_URL.replace(/\/+$/, '');
    await createArticle(t.db, { slug: 'english-only-story', title: 'An English-only story', date: '2026-11-20' });
  });

  async function head(loc: string): Promise<PageHead> {
    const res = await t.app.inject({ url: loc.slice(origin.length) });
    const doc = html(res.body);
    return {
      status: res.statusCode,
      noindex: doc.querySelector('meta[name=robots]')?.getAttribute('content')?.includes('noindex') ?? false,
      canonical: doc.querySelector('link[rel=canonical]')?.getAttribute('href'),
      alternates: Object.fromEntries(doc.querySelectorAll('link[rel=alternate][hreflang]').map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!])),
    };
  }

  async function disagreements(): Promise<string[]> {
    const entries = sitemap((await t.app.inject({ url: '/sitemap.xml' })).body);
    const problems: string[] = [];
    for (const [loc, alternates] of entries) {
      const page = await head(loc);
      if (page.status !== 200) problems.push(`${loc}: ${page.status}`);
      else if (page.noindex) problems.push(`${loc}: listed but noindex`);
      else {
        if (page.canonical !== loc) problems.push(`${loc}: canonical ${String(page.canonical)}`);
        if (JSON.stringify(Object.entries(page.alternates).sort()) !== JSON.stringify(Object.entries(alternates).sort())) {
          problems.push(`${loc}: page declares ${JSON.stringify(page.alternates)}, sitemap ${JSON.stringify(alternates)}`);
        }
        for (const href of Object.values(page.alternates)) if (!entries.has(href)) problems.push(`${loc}: alternate ${href} not listed`);
      }
    }
    return problems;
  }

  test("with the 'fallback' setting: Vietnamese pages showing English are listed with their alternates", async () => {
    assert.deepEqual((await disagreements()).slice(0, 10), []);
    const entries = sitemap((await t.app.inject({ url: '/sitemap.xml' })).body);
    const english = `${origin}/en/articles/english-only-story`;
    const vietnamese = `${origin}/vi/articles/english-only-story`;
    assert.deepEqual(entries.get(english), { en: english, vi: vietnamese, 'x-default': english });
    assert.deepEqual(entries.get(vietnamese), entries.get(english));
  });

  test('x-default is the English page, the same in the sitemap and on the page, and answers without a redirect', async () => {
    const entries = sitemap((await t.app.inject({ url: '/sitemap.xml' })).body);
    for (const loc of [`${origin}/en`, `${origin}/vi`]) {
      assert.equal(entries.get(loc)?.['x-default'], `${origin}/en`, loc);
      assert.equal((await head(loc)).alternates['x-default'], `${origin}/en`, loc);
    }
    assert.equal((await t.app.inject({ url: '/en' })).statusCode, 200);
  });

  test("with the 'omit' setting: an untranslated item's Vietnamese page is noindex, unlisted and named by no page", async () => {
    await updateSettings(t.db, { untranslated: 'omit' });
    await t.app.contentChanges.announce('settings changed by the test');
    try {
      assert.deepEqual((await disagreements()).slice(0, 10), []);
      const entries = sitemap((await t.app.inject({ url: '/sitemap.xml' })).body);
      const english = `${origin}/en/articles/english-only-story`;
      const vietnamese = `${origin}/vi/articles/english-only-story`;
      assert.ok(!entries.has(vietnamese));
      assert.deepEqual(entries.get(english), { en: english, 'x-default': english });
      const fallback = await head(vietnamese);
      assert.equal(fallback.status, 200);
      assert.equal(fallback.noindex, true);
      // A translated item keeps both languages.
      assert.ok([...entries.keys()].some((loc) => loc.startsWith(`${origin}/vi/events/`)));
    } finally {
      await updateSettings(t.db, { untranslated: 'fallback' });
      await t.app.contentChanges.announce('settings changed back by the test');
    }
  });
});
