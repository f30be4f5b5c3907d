import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { casesOf } from '../../../test/helpers/cases.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { formatImportReport } from './import-report.js';
import { importListings } from './importer.service.js';
import { contentDir } from './sample-content.js';
import { seriesMentioned } from './series-suggestion.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const events = { file: 'content/seeds/events.en.txt', text: readFileSync(`${contentDir}seeds/events.en.txt`, 'utf8') };

describe('a series named in a description', () => {
  casesOf(seriesMentioned, {
    'is the words up to "Series" and its number, after "part of the"': [
      ['This webinar, part of the ACTRAV Webinar Series 2.0, will explore', 'ACTRAV Webinar Series 2.0'],
      ['This webinar, part of the ACTRAV Webinar Series 2.0 will explore', 'ACTRAV Webinar Series 2.0'],
      ['It is part of the Decent Work Dialogue Series.', 'Decent Work Dialogue Series'],
    ],
    'is nothing without "part of the … Series"': [
      ['A series of workshops on wages.', null],
      ['This is part of the project on child labour.', null],
      ['Part of the seriesless text', null],
      [null, null],
    ],
  });

  let db: Kysely<Database>;
  databaseForBlock((d) => (db = d));

  test('is suggested in the dry run only, and the import links no event to a series', async () => {
    const dry = formatImportReport(await importListings(db, [events], { now: NOW, dryRun: true }));
    const suggestions = dry.split('\n').filter((l) => l.includes('suggestion:'));
    assert.equal(suggestions.length, 2);
    assert.match(suggestions[0]!, /"part of the ACTRAV Webinar Series 2\.0"/);

    const real = formatImportReport(await importListings(db, [events], { now: NOW }));
    assert.doesNotMatch(real, /suggestion/);
    const linked = await db.selectFrom('events').select('id').where('series_id', 'is not', null).execute();
    assert.deepEqual(linked, []);
    assert.equal((await db.selectFrom('series').select('id').execute()).length, 0);
  });
});
