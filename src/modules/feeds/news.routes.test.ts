import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, officePhoto } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';
import { jpegWithGps } from '../../../test/helpers/images.js';
import { uploadMedia } from '../media/index.js';
import { tagItem } from '../taxonomy/index.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: false as unknown as string });

/** One or many: the parser gives a lone element as an object and several as an array. */
function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

type Entry = Record<string, unknown>;

/** An element's text, whether the parser gave it as a string or as an object with attributes. */
function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? String((value as Entry)['#text']) : String(value);
}

describe('news feeds', () => {
  const t = appForBlock({ seed: true });
  before(async () => {
    const { id } = await createArticle(t.db, {
      slug: 'coffee-and-safety', title: 'Coffee & safety <at work>', date: '2026-11-20',
      summary: 'Farmers in Đắk Lắk learn to work safely.',
      body: 'First paragraph.\n\nSecond <paragraph>.',
      ...officePhoto('/media/coffee.jpg', 'A farmer picks coffee cherries', 2026),
      byline: { kind: 'by', name: 'André Gama', role: 'Programme Manager', organisation: 'ILO Viet Nam' },
    });
    await tagItem(t.db, 'article', id, ['vision-zero-fund'], ['child-labour']);
  });

  test('Atom: entries newest first with summary, hero image, credit, byline and topics', async () => {
    const res = await t.app.inject({ url: '/en/articles.atom' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const feed = xml.parse(res.body).feed;
    assert.equal(feed.title, `${t.config.SITE_NAME}: feature articles`);
    const self = list<Entry>(feed.link).find((l) => l['@rel'] === 'self');
    assert.equal(self?.['@href'], `${t.config.PUBLIC_URL}/en/articles.atom`);
    const entries = list<Entry>(feed.entry);
    assert.ok(entries.length >= 10);
    const first = entries[0]!;
    // Titles and summaries are HTML in Atom: the text is escaped inside.
    assert.equal(textOf(first.title), 'Coffee &amp; safety &lt;at work&gt;');
    assert.equal((first.title as Entry)['@type'], 'html');
    assert.equal(textOf(first.summary), 'Farmers in Đắk Lắk learn to work safely.');
    assert.match(String(first.id), /^tag:[^,]+,2026:article-\d+$/);
    assert.equal(first.published, '2026-11-20T12:00:00.000Z');
    const links = list<Entry>(first.link as Entry | Entry[]);
    assert.equal(links.find((l) => !l['@rel'])?.['@href'], `${t.config.PUBLIC_URL}/en/articles/coffee-and-safety`);
    const enclosure = links.find((l) => l['@rel'] === 'enclosure');
    assert.equal(enclosure?.['@href'], `${t.config.PUBLIC_URL}/media/coffee.jpg`);
    assert.equal(enclosure?.['@type'], 'image/jpeg');
    assert.equal((first.author as Entry).name, 'André Gama');
    assert.equal(textOf(first.rights), '© ILO/Nguyen Hai Dat 2026');
    assert.deepEqual(
      list<Entry>(first.category as Entry).map((c) => [c['@term'], c['@label']]),
      [['child-labour', 'Child labour']],
    );
    const content = textOf(first.content);
    assert.match(content, /<figcaption>© ILO\/Nguyen Hai Dat 2026<\/figcaption>/);
    assert.match(content, /<img src="http:\/\/[^"]+\/media\/coffee\.jpg" alt="A farmer picks coffee cherries">/);
    assert.match(content, /<em>By André Gama, Programme Manager, ILO Viet Nam<\/em>/);
    assert.match(content, /<p>Second &lt;paragraph&gt;\.<\/p>/);
  });

  test('RSS 2.0: the seed article with its photo credit, pubDate on its date', async () => {
    const res = await t.app.inject({ url: '/en/articles.rss' });
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
    const channel = xml.parse(res.body).rss.channel;
    assert.equal(channel.language, 'en');
    const items = list<Entry>(channel.item);
    const maternity = items.find((i) => i.title === 'Advocating for universal maternity coverage for Vietnamese women');
    assert.ok(maternity);
    assert.equal(maternity.pubDate, 'Wed, 17 May 2023 12:00:00 GMT');
    assert.match(String(maternity['content:encoded']), /© ILO\/Nguyen Hai Dat 2024/);
    assert.equal((maternity.guid as Entry)['@isPermaLink'], 'false');
    const coffee = items.find((i) => String(i.link).endsWith('/en/articles/coffee-and-safety'));
    assert.equal((coffee?.enclosure as Entry)['@url'], `${t.config.PUBLIC_URL}/media/coffee.jpg`);
    assert.equal(coffee?.['dc:creator'], 'André Gama');
    assert.equal(coffee?.author, undefined);
  });

  test('JSON Feed: plain-text titles, image, authors, tags; the same on every request', async () => {
    const res = await t.app.inject({ url: '/en/articles.json' });
    assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
    const feed = res.json() as { version: string; feed_url: string; items: Record<string, unknown>[] };
    assert.match(feed.version, /^https:\/\/jsonfeed\.org\/version\//);
    assert.equal(feed.feed_url, `${t.config.PUBLIC_URL}/en/articles.json`);
    const coffee = feed.items[0]!;
    assert.equal(coffee.title, 'Coffee & safety <at work>');
    assert.equal(coffee.summary, 'Farmers in Đắk Lắk learn to work safely.');
    assert.equal(coffee.image, `${t.config.PUBLIC_URL}/media/coffee.jpg`);
    assert.deepEqual(coffee.authors, [{ name: 'André Gama' }]);
    assert.deepEqual(coffee.tags, ['Child labour']);
    assert.equal((await t.app.inject({ url: '/en/articles.json' })).body, res.body);
  });

  test('a hero from the media library: its widest JPEG, its own alt text and credit, in both languages', async () => {
    const { media } = await uploadMedia(
      { db: t.db, config: t.config, now: () => new Date('2026-11-21T00:00:00Z') },
      {
        data: await jpegWithGps(900, 600),
        originalName: 'harvest.jpg',
        altEn: 'Pickers at the harvest',
        altVi: 'Người hái cà phê vào mùa thu hoạch',
        credit: 'ILO/Nguyen Hai Dat 2024',
        accept: 'image',
        userId: null,
      },
    );
    const { id } = await createArticle(t.db, {
      slug: 'harvest-with-library-hero',
      title: 'Harvest with a library hero',
      date: '2026-11-22',
      vi: { title: 'Mùa thu hoạch' },
    });
    await t.db.updateTable('articles').set({ hero_media_id: media!.id }).where('id', '=', id).execute();
    // Written behind the admin's back: the page cache is told, as the admin tells it.
    await t.app.contentChanges.announce('article written by the test');

    const en = (await t.app.inject({ url: '/en/articles.json' })).json() as { items: Record<string, unknown>[] };
    const item = en.items[0]!;
    assert.equal(item.title, 'Harvest with a library hero');
    assert.match(String(item.image), new RegExp(`^${t.config.PUBLIC_URL}/media/.+\\.jpg$`));
    const content = html(String(item.content_html));
    assert.equal(content.querySelector('img')?.getAttribute('alt'), 'Pickers at the harvest');
    assert.equal(content.querySelector('img')?.getAttribute('width'), '900');
    assert.equal(content.querySelector('figcaption')?.textContent, '© ILO/Nguyen Hai Dat 2024');

    const vi = (await t.app.inject({ url: '/vi/articles.json' })).json() as { items: Record<string, unknown>[] };
    const viContent = html(String(vi.items[0]!.content_html));
    assert.equal(viContent.querySelector('img')?.getAttribute('alt'), 'Người hái cà phê vào mùa thu hoạch');
    await t.db.deleteFrom('articles').where('id', '=', id).execute();
    await t.app.contentChanges.announce('article deleted by the test');
  });

  test('per topic and programme, in Vietnamese too; unknown ones are 404', async () => {
    const topic = xml.parse((await t.app.inject({ url: '/vi/topics/child-labour/articles.atom' })).body).feed;
    assert.equal(topic.title, `${t.config.SITE_NAME}: bài viết về Lao động trẻ em`);
    const titles = list<Entry>(topic.entry).map((e) => textOf(e.title));
    assert.ok(titles.includes('Coffee &amp; safety &lt;at work&gt;'));
    assert.ok(titles.includes('Alliance 8.7: A story of hope after child labour in Viet Nam'));
    assert.ok(!titles.includes('Potatoes and perseverance'));
    const vzf = (await t.app.inject({ url: '/en/programmes/vision-zero-fund/articles.json' })).json() as { items: { url: string }[] };
    assert.ok(vzf.items.some((i) => i.url.endsWith('/en/articles/coffee-and-safety')));
    assert.equal((await t.app.inject({ url: '/en/topics/nope/articles.rss' })).statusCode, 404);
  });

  test('autodiscovery links in the heads of the articles listing and the home page, and visible ones', async () => {
    for (const url of ['/en/articles', '/en']) {
      const doc = html((await t.app.inject({ url })).body);
      const feeds = doc.querySelectorAll('head link[rel=alternate][type]').map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
      assert.deepEqual(feeds, [
        ['application/atom+xml', `${t.config.PUBLIC_URL}/en/articles.atom`],
        ['application/rss+xml', `${t.config.PUBLIC_URL}/en/articles.rss`],
        ['application/feed+json', `${t.config.PUBLIC_URL}/en/articles.json`],
      ]);
    }
    const listing = html((await t.app.inject({ url: '/vi/articles' })).body);
    assert.deepEqual(
      listing.querySelectorAll('.feed-links--news a').map((a) => a.getAttribute('href')),
      ['/vi/articles.atom', '/vi/articles.rss', '/vi/articles.json'],
    );
  });
});
