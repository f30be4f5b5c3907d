import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { NotFoundError } from '../../shared/errors.js';
import { ensureTaxonomy } from './taxonomy.service.js';
import { listTopics } from './taxonomy.repository.js';
import { getTerm, knownTerms } from './terms.service.js';

describe('terms as visitors see them', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await openTestDatabase();
    await ensureTaxonomy(
      handle.db,
      {
        programmes: [{ slug: 'score', code: 'SCORE', match: [], name: { en: 'SCORE', vi: 'Dự án SCORE' } }],
        topics: [
          { slug: 'child-labour', match: [], name: { en: 'Child labour', vi: 'Lao động trẻ em' } },
          { slug: 'safety', match: [], name: { en: 'Safety at work', vi: 'An toàn lao động' } },
        ],
      },
      '2026-01-01T00:00:00.000Z',
    );
  });
  after(() => handle.destroy());

  test('getTerm finds a topic or programme by slug, named in the language asked for', async () => {
    assert.equal((await getTerm(handle.db, 'topic', 'child-labour', 'vi')).name, 'Lao động trẻ em');
    assert.equal((await getTerm(handle.db, 'programme', 'score', 'en')).name, 'SCORE');
    await assert.rejects(getTerm(handle.db, 'programme', 'child-labour', 'en'), NotFoundError);
    await assert.rejects(getTerm(handle.db, 'topic', 'nothing', 'en'), NotFoundError);
  });

  test('knownTerms keeps filters naming real terms and reports the others without applying them', async () => {
    const topics = await listTopics(handle.db, 'en');
    const programmes = [await getTerm(handle.db, 'programme', 'score', 'en')];
    assert.deepEqual(knownTerms({ topic: 'safety', programme: 'score', year: 2024 }, topics, programmes), {
      filters: { topic: 'safety', programme: 'score', year: 2024 },
      unknown: {},
    });
    assert.deepEqual(knownTerms({ topic: 'gone', programme: 'nope', year: 2024 }, topics, programmes), {
      filters: { topic: undefined, programme: undefined, year: 2024 },
      unknown: { topic: 'gone', programme: 'nope' },
    });
  });
});
