/**
 * Every news feed the site serves (each language; all articles and each
 * topic's and programme's) checked against its standard: Atom and RSS are
 * well-formed XML, Atom categories have a term, RSS names people with
 * dc:creator (its <author> is an email address), entry ids are tag: URIs as
 * RFC 4151 defines them even when the site's address has a port, contents
 * are HTML rendered from the Markdown, and JSON Feed is version 1.1 with
 * `authors`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.js';
import { createArticle } from '../../../test/helpers/factories.js';
import { tagItem } from '../taxonomy/index.js';
import { newsFeedPath, type FeedScope, type Lang } from '../../shared/http/paths.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text' });

/** RFC 4151: tag:authorityName,date:specific, where the authority is a DNS name or an email address (no port). */
const DNS_NAME = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*';
const TAG_URI = new RegExp(`^tag:(?:${DNS_NAME}|[^\\s@,:]+@${DNS_NAME}),\\d{4}(?:-\\d{2}(?:-\\d{2})?)?:[a-z0-9\\-._~!$&'()*+,;=:@/?%]*$`, 'i');
/** What RSS 2.0 allows in <author>: an email address, optionally followed by a name in parentheses. */
const RSS_AUTHOR = /^[^\s@]+@[^\s@]+(?: \(.+\))?$/;
/** Markdown syntax that rendering removes; seen in a feed, the source went out unrendered. */
const RAW_MARKDOWN = /\*\*[^*]+\*\*|^#{1,6} |\]\(/m;

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
  return value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Node[]);
}

function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? String((value as Node)['#text'] ?? '') : String(value ?? '');
}

describe('every news feed passes the checks of its standard', () => {
  let t: TestApp;
  const scopes: FeedScope[] = [{ kind: 'all' }];

  before(async () => {
    // An address with a port: where the ids went wrong.
    t = await buildTestApp({ seed: true, env: { PUBLIC_URL: 'http://127.0.0.1:3301' } });
    const { id } = await createArticle(t.db, {
      slug: 'phu-ly-cooperative',
      title: 'A cooperative in Phu Ly',
      date: '2026-11-20',
      summary: 'Members share the harvest.',
      body: 'Farmers of **Phu Ly** work together.\n\n- One\n- Two\n\nSee [the report](/en/articles).',
      byline: { kind: 'by', name: 'André Gama', role: 'Programme Manager', organisation: 'ILO Viet Nam' },
      vi: { title: 'Hợp tác xã ở Phủ Lý' },
    });
    await tagItem(t.db, 'article', id, ['vision-zero-fund'], ['child-labour']);
    for (const row of await t.db.selectFrom('topics').select('slug').orderBy('slug').execute()) scopes.push({ kind: 'topic', slug: row.slug });
    for (const row of await t.db.selectFrom('programmes').select('slug').orderBy('slug').execute()) scopes.push({ kind: 'programme', slug: row.slug });
  });
  after(() => t.close());

  async function each(format: 'atom' | 'rss' | 'json', check: (body: string, where: string, problems: string[]) => void): Promise<void> {
    const problems: string[] = [];
    let checked = 0;
    for (const lang of ['en', 'vi'] as Lang[]) {
      for (const scope of scopes) {
        const url = newsFeedPath(lang, format, scope);
        const res = await t.app.inject({ url });
        if (res.statusCode !== 200) {
          problems.push(`${url}: ${res.statusCode}`);
          continue;
        }
        check(res.body, url, problems);
        checked += 1;
      }
    }
    assert.ok(checked > 4, 'topics and programmes were found');
    assert.deepEqual(problems.slice(0, 20), []);
  }

  function wellFormed(body: string, where: string, problems: string[]): boolean {
    const result = XMLValidator.validate(body);
    if (result !== true) problems.push(`${where}: not well-formed: ${result.err.msg} (line ${result.err.line})`);
    return result === true;
  }

  test('Atom: well-formed; tag: ids, categories with a term, HTML content', async () => {
    let found = false;
    await each('atom', (body, where, problems) => {
      if (!wellFormed(body, where, problems)) return;
      const feed = parser.parse(body).feed as Node;
      for (const entry of list(feed.entry)) {
        const id = textOf(entry.id);
        if (!TAG_URI.test(id)) problems.push(`${where}: id ${id}`);
        for (const category of list(entry.category)) if (!category['@term']) problems.push(`${where}: category without term in ${id}`);
        const content = textOf(entry.content);
        if (RAW_MARKDOWN.test(content)) problems.push(`${where}: Markdown in the content of ${id}`);
        if (content.includes('<strong>Phu Ly</strong>')) found = true;
      }
    });
    assert.ok(found, 'the Markdown article is rendered somewhere');
  });

  test('RSS: well-formed; tag: guids, dc:creator for names, <author> only as an email, HTML content', async () => {
    let creator = '';
    await each('rss', (body, where, problems) => {
      if (!wellFormed(body, where, problems)) return;
      const rss = parser.parse(body).rss as Node;
      const items = list((rss.channel as Node).item);
      if (items.some((i) => i['dc:creator'] !== undefined) && rss['@xmlns:dc'] !== 'http://purl.org/dc/elements/1.1/') problems.push(`${where}: dc: undeclared`);
      for (const item of items) {
        const guid = textOf(item.guid);
        if (!TAG_URI.test(guid)) problems.push(`${where}: guid ${guid}`);
        for (const author of list(item.author)) if (!RSS_AUTHOR.test(textOf(author))) problems.push(`${where}: <author>${textOf(author)}</author>`);
        const content = textOf(item['content:encoded']);
        if (RAW_MARKDOWN.test(content)) problems.push(`${where}: Markdown in the content of ${guid}`);
        if (content.includes('<strong>Phu Ly</strong>')) creator = textOf(item['dc:creator']);
      }
    });
    assert.equal(creator, 'André Gama');
  });

  test('JSON Feed: version 1.1, authors as arrays, tag: ids, HTML content', async () => {
    let authors: unknown;
    await each('json', (body, where, problems) => {
      const feed = JSON.parse(body) as Node & { items: Node[] };
      if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`${where}: version ${String(feed.version)}`);
      if ('author' in feed || !Array.isArray(feed.authors) || feed.authors.length === 0) problems.push(`${where}: feed authors`);
      for (const item of feed.items) {
        if (!TAG_URI.test(String(item.id))) problems.push(`${where}: id ${String(item.id)}`);
        if ('author' in item) problems.push(`${where}: 'author' in ${String(item.id)}`);
        if ('authors' in item && !Array.isArray(item.authors)) problems.push(`${where}: authors not a list in ${String(item.id)}`);
        const content = String(item.content_html ?? '');
        if (RAW_MARKDOWN.test(content)) problems.push(`${where}: Markdown in the content of ${String(item.id)}`);
        if (content.includes('<strong>Phu Ly</strong>')) authors = item.authors;
      }
    });
    assert.deepEqual(authors, [{ name: 'André Gama' }]);
  });
});
