/**
 * A slug in the address is matched against stored slugs, which never hold a
 * control character. PostgreSQL refuses a NUL in a query outright, so such a
 * slug must be turned away before it reaches the database: on both databases
 * a visitor gets the site's own "bad address" page, never a 500.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';

describe('slugs with control characters', () => {
  const t = appForBlock({ seed: true });

  const urls = [
    '/en/events/%00',
    '/vi/events/a%00b',
    '/en/events/%00/calendar.ics',
    '/en/articles/%01x',
    '/en/topics/%00',
    '/vi/programmes/%00/articles.rss',
    '/en/programmes/%00/articles.atom',
    '/en/topics/%00/articles.json',
    '/en/topics/%7F/events.ics',
  ];
  for (const url of urls) {
    test(`${url} is refused as a bad address`, async () => {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url} answered ${res.statusCode}`);
      assert.match(String(res.headers['content-type']), /text\/html/);
    });
  }
});
