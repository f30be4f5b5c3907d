import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { normalizeLine, normalizeText } from '../../shared/text/normalize.js';
import { generateContent } from './generate.service.js';

test('generated text is already normalised, as every text entering the site must be', async () => {
  const handle = await openTestDatabase();
  try {
    await generateContent(handle.db, { events: 60, articles: 30, now: new Date('2026-11-23T02:00:00Z'), seed: 12 });
    const events = await handle.db.selectFrom('event_translations').select(['title', 'summary', 'description', 'venue', 'city']).execute();
    const articles = await handle.db.selectFrom('article_translations').select(['title', 'summary', 'body']).execute();
    assert.equal(events.length, 120);
    assert.equal(articles.length, 60);
    for (const row of [...events, ...articles]) {
      assert.equal(normalizeLine(row.title), row.title);
      for (const [field, value] of Object.entries(row)) {
        if (field !== 'title' && value !== null) assert.equal(normalizeText(value), value, `${field}: ${JSON.stringify(value)}`);
      }
    }
  } finally {
    await handle.destroy();
  }
});
