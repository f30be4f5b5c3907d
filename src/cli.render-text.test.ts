import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { almanacOn } from '../test/helpers/cli.js';
import { tempDirForBlock } from '../test/helpers/temp-dir.js';

let dir: string;
tempDirForBlock('almanac-render-', (made) => (dir = made));

const almanac = almanacOn(() => join(dir, 'site.sqlite'));

test('almanac render-text renders the stored HTML of every description and body again', () => {
  assert.equal(almanac('seed').code, 0);
  const db = new Database(join(dir, 'site.sqlite'));
  try {
    const texts = db.prepare("select count(*) as n from event_translations where description is not null").get() as { n: number };
    db.prepare("update event_translations set description_html = '<p>old rules</p>' where description is not null").run();
    const run = almanac('render-text');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, new RegExp(`^Rendered ${texts.n} texts\\.$`, 'm'));
    const stale = db.prepare("select count(*) as n from event_translations where description_html = '<p>old rules</p>'").get() as { n: number };
    assert.equal(stale.n, 0);
    const one = db.prepare('select description, description_html from event_translations where description is not null limit 1').get() as { description: string; description_html: string };
    assert.match(one.description_html, /^<p>/);
  } finally {
    db.close();
  }
});
