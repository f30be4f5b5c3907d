/**
 * sitemap.xml and its numbered parts against the sitemaps.org schema, with
 * the hreflang alternates it carries (test/fixtures/sitemaps/README.md says
 * where each schema comes from), validated by libxml2.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { validateXML } from 'xmllint-wasm';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { todayInZone } from '../../shared/dates/calendar-date.js';
import { updateSettings } from '../settings/index.js';
import { seoRoutes } from './seo.routes.js';

const schemaDir = new URL('../../../test/fixtures/sitemaps/', import.meta.url);
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(new URL(name, schemaDir), 'utf8') });

/** The errors libxml2 finds in a sitemap file; none when it is valid. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sitemap.xml', contents: xml }],
    schema: [schemaFile('sitemap-hreflang.xsd')],
    preload: [schemaFile('sitemap.xsd'), schemaFile('xhtml-link.xsd')],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('sitemap.xml is valid by the sitemaps.org schema', () => {
  const t = appForBlock({ seed: true });
  before(async () => {
    await createArticle(t.db, { slug: 'english-only-story', title: 'An English-only story', date: '2026-11-20' });
  });

  test('the schema does reject what it should: a foreign element it does not declare, a bad date', async () => {
    const bad = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:x="urn:x">${body}</urlset>\n`;
    assert.notDeepEqual(await schemaErrors(bad('<url><loc>http://localhost:3000/en</loc><x:y/></url>')), []);
    assert.notDeepEqual(await schemaErrors(bad('<url><loc>http://localhost:3000/en</loc><lastmod>23 Nov 2026</lastmod></url>')), []);
    assert.notDeepEqual(await schemaErrors(bad('<url><loc>http://localhost:3000/en</loc><xhtml:link rel="alternate" href="http://localhost:3000/vi"/></url>')), []);
    assert.deepEqual(
      await schemaErrors(bad('<url><loc>http://localhost:3000/en</loc><xhtml:link rel="alternate" hreflang="vi" href="http://localhost:3000/vi"/></url>')),
      [],
    );
  });

  for (const untranslated of ['fallback', 'omit'] as const) {
    test(`with the '${untranslated}' setting`, async () => {
      await updateSettings(t.db, { untranslated });
      await t.app.contentChanges.announce('settings changed by the test');
      const res = await t.app.inject({ url: '/sitemap.xml' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<xhtml:link /);
      assert.deepEqual(await schemaErrors(res.body), []);
    });
  }

  test('each numbered part of a sitemap split into an index', async () => {
    const small = Fastify();
    await small.register(seoRoutes, {
      db: t.db,
      dialect: 'sqlite',
      config: t.config,
      now: () => DEFAULT_NOW,
      today: () => todayInZone(t.config.OFFICE_TIME_ZONE, DEFAULT_NOW),
      maxSitemapUrls: 25,
    });
    try {
      let part = 1;
      for (; ; part += 1) {
        const res = await small.inject({ url: `/sitemap-${part}.xml` });
        if (res.statusCode === 404) break;
        assert.deepEqual(await schemaErrors(res.body), [], `part ${part}`);
      }
      assert.ok(part > 2, 'the sitemap was split');
    } finally {
      await small.close();
    }
  });
});
