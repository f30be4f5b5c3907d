import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readTaxonomy } from './taxonomy.service.js';

describe('reading the taxonomy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-taxonomy-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function read(name: { en: string; vi: string }) {
    const path = join(dir, 'taxonomy.json');
    writeFileSync(path, JSON.stringify({ programmes: [], topics: [{ slug: 'child-labour', name }] }));
    return readTaxonomy(path);
  }

  test("a term's names are normalised like every text entering the site", () => {
    const taxonomy = read({ en: ' Child\vlabour\0 ', vi: 'Lao động\u0085trẻ em\u009b' });
    assert.deepEqual(taxonomy.topics[0]?.name, { en: 'Child labour', vi: 'Lao động trẻ em' });
  });

  test('a name of nothing but control characters is refused', () => {
    assert.throws(() => read({ en: '\0\u0007', vi: 'Lao động trẻ em' }));
  });
});
