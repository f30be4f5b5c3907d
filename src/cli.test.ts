import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { almanacOn, runCli } from '../test/helpers/cli.js';
import { tempDirForBlock } from '../test/helpers/temp-dir.js';

describe('almanac import (command line)', () => {
  let dir: string;
  tempDirForBlock('almanac-cli-', (made) => (dir = made));

  const almanac = almanacOn(() => join(dir, 'cli.sqlite'));

  test('a bad line is refused with file:line and the reason, and nothing is imported', () => {
    const run = almanac('import', 'content/seeds/events.en.txt', 'test/fixtures/events-bad-date.en.txt');
    assert.equal(run.code, 1);
    assert.match(run.err, /^test\/fixtures\/events-bad-date\.en\.txt:11: .*31 September 2020/m);
    assert.match(run.err, /Nothing was imported\./);
    assert.doesNotMatch(run.err, /\n\s+at /, 'no stack trace');
    const dry = almanac('import', '--dry-run', 'content/seeds/events.en.txt');
    assert.match(dry.out, /would create 20/);
  });

  test('--dry-run prints what would be created and writes nothing', () => {
    const run = almanac('import', '--dry-run', 'content/seeds/articles.en.txt');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /would create\s+content\/seeds\/articles\.en\.txt:4\s+2024-03-29\s+Potatoes and perseverance/);
    assert.match(run.out, /Dry run, nothing written: would create 20 \(0 as drafts\), change 0, unchanged 0, repeated in file 0\./);
    const again = almanac('import', '--dry-run', 'content/seeds/articles.en.txt');
    assert.match(again.out, /would create 20/);
  });

  test('imports, then re-importing changes nothing', () => {
    const first = almanac('import', 'content/seeds/articles.en.txt');
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Created 20 \(0 as drafts\), changed 0, unchanged 0/);
    const second = almanac('import', 'content/seeds/articles.en.txt');
    assert.match(second.out, /Created 0 \(0 as drafts\), changed 0, unchanged 20/);
  });

  test('usage errors are explained', () => {
    const none = almanac('import');
    assert.equal(none.code, 2);
    assert.match(none.err, /name at least one file/);
    const missing = almanac('import', 'no-such-file.txt');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no-such-file\.txt: cannot read the file \(no such file\)\. Nothing was imported\./);
    const kind = almanac('import', '--kind', 'news', 'content/seeds/events.en.txt');
    assert.match(kind.err, /--kind must be "events" or "articles"/);
    const unknown = almanac('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
    const option = almanac('generate', '--events', '5', '--evnets', '3');
    assert.equal(option.code, 2, 'a mistyped option is a usage error, not a failure');
    assert.match(option.err, /^almanac generate: Unknown option '--evnets'/);
    assert.match(option.err, /Usage: almanac <command>/);
  });

  test('--help after a command prints the usage and does nothing else', () => {
    for (const command of ['generate', 'import', 'user', 'migrate']) {
      const help = almanac(command, '--help');
      assert.equal(help.code, 0, command);
      assert.match(help.out, /^Usage: almanac <command>/, command);
      assert.match(help.out, /generate --events <n> --articles <n>/, command);
      assert.equal(help.err, '', command);
    }
  });

  test('a bad setting stops the command with every problem named', () => {
    const run = runCli(['migrate'], { ...process.env, SQLITE_PATH: join(dir, 'x.sqlite'), PORT: 'abc', OFFICE_TIME_ZONE: 'Nowhere/Town' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /PORT: expected a port number/);
    assert.match(run.stderr, /OFFICE_TIME_ZONE: expected an IANA time zone/);
  });
});
