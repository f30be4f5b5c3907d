import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { createTestUser } from '../../../test/helpers/admin-session.js';
import { AUDIT_PAGE_SIZE, listAuditPage, recordAudit } from './audit.service.js';

describe('audit log', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));

  test('records entries and lists them newest first, filtered by person and action', async () => {
    const ann = await createTestUser(db, { role: 'editor', name: 'Ann' });
    const bao = await createTestUser(db, { role: 'admin', name: 'Bao' });
    const base = Date.parse('2026-11-20T00:00:00Z');
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) {
      await recordAudit(db, {
        userId: i % 2 === 0 ? ann.id : bao.id,
        action: i % 3 === 0 ? 'event.publish' : 'event.update',
        subjectKind: 'event',
        subjectId: i,
        summary: `Change ${i}`,
        ip: '192.0.2.1',
        at: new Date(base + i * 1000),
      });
    }
    await recordAudit(db, { userId: null, action: 'auth.sign_in_failed', summary: 'x'.repeat(600), at: new Date(base + 999_000) });

    const first = await listAuditPage(db, {}, 1);
    assert.equal(first.info.total, AUDIT_PAGE_SIZE + 6);
    assert.equal(first.info.pages, 2);
    assert.equal(first.rows.length, AUDIT_PAGE_SIZE);
    assert.equal(first.rows[0]?.action, 'auth.sign_in_failed');
    assert.equal(first.rows[0]?.user_name, null);
    assert.equal(first.rows[0]?.summary.length, 500, 'long summaries are cut');
    assert.equal(first.rows[1]?.summary, `Change ${AUDIT_PAGE_SIZE + 4}`);
    assert.equal(first.rows[1]?.subject_id, String(AUDIT_PAGE_SIZE + 4));
    assert.deepEqual(first.actions, ['auth.sign_in_failed', 'event.publish', 'event.update']);

    const annPublishes = await listAuditPage(db, { userId: ann.id, action: 'event.publish' }, 1);
    assert.ok(annPublishes.rows.length > 0);
    for (const row of annPublishes.rows) {
      assert.equal(row.user_id, ann.id);
      assert.equal(row.user_name, 'Ann');
      assert.equal(row.action, 'event.publish');
    }
    const times = annPublishes.rows.map((r) => r.at);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  test('an entry written inside a rolled-back transaction is not kept', async () => {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, { userId: null, action: 'test.rollback', summary: 'gone', at: new Date() });
        throw new Error('stop');
      }),
    );
    const page = await listAuditPage(db, { action: 'test.rollback' }, 1);
    assert.equal(page.info.total, 0);
  });
});
