/**
 * The importer loses nothing and makes nothing up: an entry is dropped only
 * when it truly repeats an earlier one, a repeated page heading is not an
 * intro, a line it cannot place is never ignored silently, a file that is not
 * UTF-8 text is refused as such, a dry run writes nothing anywhere, and a
 * change to a translated text says what changed.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { PROJECT_ROOT, runCli } from '../../../test/helpers/cli.js';
import { tempDirForBlock } from '../../../test/helpers/temp-dir.js';
import { databaseForEachTest } from '../../../test/helpers/test-database.js';
import { formatImportReport } from './import-report.js';
import { importListings } from './importer.service.js';
import { parseListing } from './listing-parser.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const lines = (...rows: string[]) => rows.join('\n');

describe('the parser places every line', () => {
  test('a page heading repeated (as copied from a page showing its title twice), with no intro, is not taken for the intro', () => {
    const listing = parseListing(lines('Events and meetings', '', 'Events and meetings', '', 'September 2020', '  1. A meeting', '    17 September 2020'));
    assert.equal(listing.intro, null);
    assert.equal(listing.events.length, 1);
  });

  test('a repeated heading followed by an intro keeps the intro alone', () => {
    const listing = parseListing(lines('Feature articles', 'Feature articles', '', 'Stories from the field.', '', '1. A story', '05 April 2022'));
    assert.equal(listing.intro, 'Stories from the field.');
  });

  test('with --kind, a first line that is no heading the importer knows is reported as not imported, not dropped silently', () => {
    const listing = parseListing(lines('Our office calendar (copied 2020)', '', '1. A meeting', '17 September 2020'), { kind: 'events' });
    assert.equal(listing.events.length, 1);
    assert.deepEqual(listing.unplaced, [{ line: 1, text: 'Our office calendar (copied 2020)', reason: 'taken as the page heading, which is not imported' }]);
  });

  test('a page the importer knows reports no unplaced lines', () => {
    const listing = parseListing(lines('Events and meetings', '', 'Intro.', '', '1. A meeting', '17 September 2020'));
    assert.deepEqual(listing.unplaced, []);
  });
});

describe('importing entries that look alike', () => {
  let db: Kysely<Database>;
  databaseForEachTest((opened) => (db = opened));

  const page = (...items: string[]) => ({ file: 'events.txt', text: lines('Events and meetings', '', 'September 2020', ...items) });

  test('same title and dates but a different description: both are kept with their own slugs, and the report says so', async () => {
    const source = page('  1. Tripartite consultation', '    17 September 2020', '    Morning: employers.', '  2. Tripartite consultation', '    17 September 2020', '    Afternoon: workers.');
    const report = await importListings(db, [source], { now: NOW });
    assert.deepEqual(report.items.map((i) => i.outcome), ['created', 'created']);
    const [first, second] = report.items;
    assert.notEqual(first!.slug, second!.slug);
    assert.match(second!.note ?? '', /same title and dates as line 4.*different description/);
    const texts = await db.selectFrom('event_translations').select('description').orderBy('event_id').execute();
    assert.deepEqual(texts.map((t) => t.description), ['Morning: employers.', 'Afternoon: workers.']);
    // Importing the page again finds both as they are.
    const again = await importListings(db, [source], { now: NOW });
    assert.deepEqual(again.items.map((i) => i.outcome), ['unchanged', 'unchanged']);
    assert.equal((await db.selectFrom('events').select('id').execute()).length, 2);
  });

  test('a truly identical entry is a repeat, imported once', async () => {
    const source = page('  1. Tripartite consultation', '    17 September 2020', '    Morning.', '  2. Tripartite consultation', '    17 September 2020', '    Morning.');
    const report = await importListings(db, [source], { now: NOW });
    assert.deepEqual(report.items.map((i) => i.outcome), ['created', 'repeated']);
    assert.equal((await db.selectFrom('events').select('id').execute()).length, 1);
  });

  test('articles too: same title and date but another summary is a second article', async () => {
    const source = { file: 'articles.txt', text: lines('Feature articles', '', '1. Safe work', '05 April 2022', 'In Hanoi.', '', '2. Safe work', '05 April 2022', 'In Hue.') };
    const report = await importListings(db, [source], { now: NOW });
    assert.deepEqual(report.items.map((i) => i.outcome), ['created', 'created']);
    assert.match(report.items[1]!.note ?? '', /same title and date as line 3.*different summary/);
  });

  test('a Vietnamese re-import that would change a text says which field', async () => {
    const en = page('  1. Tripartite consultation', '    17 September 2020', '    Morning.');
    const vi = (description: string) => ({ file: 'events.vi.txt', text: lines('Sự kiện', '', 'Tháng Chín 2020', '  1. Tham vấn ba bên', '    17 tháng 9 năm 2020', `    ${description}`) });
    await importListings(db, [en, vi('Buổi sáng.')], { now: NOW });
    const report = await importListings(db, [vi('Buổi sáng, tại Hà Nội.')], { now: NOW, dryRun: true });
    const item = report.items[0]!;
    assert.equal(item.outcome, 'changed');
    assert.match(item.note ?? '', /description/);
    assert.doesNotMatch(item.note ?? '', /title/);
  });

  test('with --kind, the report names the line taken as a heading and not imported', async () => {
    const report = await importListings(db, [{ file: 'calendar.txt', kind: 'events', text: lines('Our office calendar', '', '1. A meeting', '17 September 2020') }], { now: NOW });
    assert.deepEqual(report.notices, [{ file: 'calendar.txt', line: 1, message: '"Our office calendar": taken as the page heading, which is not imported' }]);
    assert.match(formatImportReport(report), /calendar\.txt:1: "Our office calendar": taken as the page heading/);
  });
});

describe('almanac import on the command line', () => {
  let dir: string;
  tempDirForBlock('almanac-import-', (made) => (dir = made));

  function almanac(args: string[], env: Record<string, string> = {}) {
    return runCli(args, { ...process.env, NODE_ENV: 'test', SEED_ON_FIRST_START: 'false', LOG_LEVEL: 'silent', SQLITE_PATH: join(dir, 'never.sqlite'), ...env });
  }

  test('a binary file is "not a UTF-8 text file", and none of its bytes are echoed', () => {
    const file = join(dir, 'photo.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
    const run = almanac(['import', '--dry-run', file]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /photo\.png: this is not a UTF-8 text file/);
    assert.doesNotMatch(run.stderr, /PNG|IHDR|\uFFFD/);
  });

  test('a Latin-1 file is "not a UTF-8 text file", naming the first line that is not', () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Events and meetings\n\n1. Caf'), Buffer.from([0xe9]), Buffer.from('\n17 September 2020\n')]));
    const run = almanac(['import', '--dry-run', file]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /latin1\.txt:3: this is not a UTF-8 text file/);
  });

  test('--dry-run creates nothing, not even the database file', () => {
    const seed = join(PROJECT_ROOT, 'content/seeds/events.en.txt');
    const run = almanac(['import', '--dry-run', seed]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Dry run, nothing written: would create 20/);
    assert.ok(!existsSync(join(dir, 'never.sqlite')), 'no database file');
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('never')), []);
  });

  test('--dry-run on an existing database reports against its content and leaves the file as it was', () => {
    const sqlitePath = join(dir, 'site.sqlite');
    const seed = join(PROJECT_ROOT, 'content/seeds/events.en.txt');
    assert.equal(almanac(['import', seed], { SQLITE_PATH: sqlitePath }).status, 0);
    const before = createHash('sha256').update(readFileSync(sqlitePath)).digest('hex');
    const run = almanac(['import', '--dry-run', seed, join(PROJECT_ROOT, 'content/seeds/events.vi.txt')], { SQLITE_PATH: sqlitePath });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /would create 18 .*unchanged 20/);
    assert.equal(createHash('sha256').update(readFileSync(sqlitePath)).digest('hex'), before);
  });
});
