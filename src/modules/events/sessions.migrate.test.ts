/**
 * `almanac migrate` fills the listed sessions of recurring events saved
 * before the table existed (a migration cannot expand their rules).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../db/schema.js';
import { almanacOn } from '../../../test/helpers/cli.js';
import { createEvent } from '../../../test/helpers/factories.js';
import { tempDirForBlock } from '../../../test/helpers/temp-dir.js';

describe('almanac migrate and the listed sessions', () => {
  let dir = '';
  tempDirForBlock('almanac-sessions-', (made) => (dir = made));
  const almanac = almanacOn(() => join(dir, 'sessions.sqlite'));

  test('a recurring event with no listed sessions has them once the schema is brought up to date', async () => {
    assert.equal(almanac('migrate').code, 0);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'sessions.sqlite')) }) });
    try {
      // Stored as an event was before its sessions were kept: the rule, and no rows.
      const { id } = await createEvent(db, { title: 'Monthly clinic', start: '2027-01-12' });
      await db.updateTable('events').set({ recurrence_rule: 'FREQ=MONTHLY;COUNT=4', recurrence_exdates: '2027-02-12' }).where('id', '=', id).execute();
      assert.equal(almanac('migrate').code, 0);
      const rows = await db.selectFrom('event_sessions').select(['recurrence_date', 'position', 'total']).where('event_id', '=', id).orderBy('recurrence_date').execute();
      assert.deepEqual(rows, [
        { recurrence_date: '2027-01-12', position: 1, total: 3 },
        { recurrence_date: '2027-03-12', position: 2, total: 3 },
        { recurrence_date: '2027-04-12', position: 3, total: 3 },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
