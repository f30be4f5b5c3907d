import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { getPage, signIn, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { AUDIT_PAGE_SIZE, recordAudit } from '../audit/index.js';

describe('audit log page', () => {
  const t = appForBlock();
  const admin = signedInForBlock(t, 'admin', { name: 'Lan Admin' });
  const editor = signedInForBlock(t, 'editor', { name: 'Hoa Editor' });
  before(async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i += 1) {
      await recordAudit(t.db, {
        userId: editor.user.id,
        action: 'event.update',
        subjectKind: 'event',
        subjectId: i,
        summary: `Edited event ${i}`,
        ip: '192.0.2.9',
        at: new Date(Date.UTC(2026, 10, 23, 3, 0, i)),
      });
    }
  });

  test('admins see entries newest first with time in the office zone', async () => {
    const res = await getPage(t.app, '/admin/audit', admin);
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    const rows = doc.querySelectorAll('tbody tr');
    assert.equal(rows.length, AUDIT_PAGE_SIZE);
    const first = rows[0]!;
    assert.equal(text(first.querySelector('td:nth-child(4)')), `Edited event ${AUDIT_PAGE_SIZE + 2}`);
    assert.equal(text(first.querySelector('td:nth-child(2)')), 'Hoa Editor');
    // 03:00 UTC is 10:00 in Hanoi.
    assert.match(text(first.querySelector('time')), /23 Nov 2026.*10:00/);
    assert.equal(first.querySelector('time')?.getAttribute('datetime'), new Date(Date.UTC(2026, 10, 23, 3, 0, AUDIT_PAGE_SIZE + 2)).toISOString());
    const times = rows.map((r) => r.querySelector('time')?.getAttribute('datetime') ?? '');
    assert.deepEqual(times, [...times].sort().reverse());
    assert.ok(doc.querySelector('a[rel=next]'));
  });

  test('the second page and the filters', async () => {
    const page2 = html((await getPage(t.app, '/admin/audit?page=2', admin)).body);
    // Sign-ins of both people (2) are older than the event edits here.
    assert.equal(page2.querySelectorAll('tbody tr').length, 3 + 2);

    const signIns = html((await getPage(t.app, `/admin/audit?action=auth.sign_in&user=${admin.user.id}`, admin)).body);
    const rows = signIns.querySelectorAll('tbody tr');
    assert.equal(rows.length, 1);
    assert.equal(text(rows[0]!.querySelector('td:nth-child(3)')), 'Signed in');
    assert.equal(signIns.querySelector('#field-action option[selected]')?.getAttribute('value'), 'auth.sign_in');
    assert.equal(signIns.querySelector('#field-user option[selected]')?.getAttribute('value'), String(admin.user.id));

    const none = html((await getPage(t.app, `/admin/audit?action=event.update&user=${admin.user.id}`, admin)).body);
    assert.equal(text(none.querySelector('.empty')), 'No entries match.');
    const empty = await getPage(t.app, '/admin/audit?user=&action=', admin);
    assert.equal(empty.statusCode, 200, 'empty choices mean any');
  });

  test('bad query values are refused; pages past the end are not found', async () => {
    assert.equal((await getPage(t.app, '/admin/audit?page=0', admin)).statusCode, 400);
    assert.equal((await getPage(t.app, '/admin/audit?user=abc', admin)).statusCode, 400);
    assert.equal((await getPage(t.app, '/admin/audit?page=99', admin)).statusCode, 404);
  });

  test('only admins may read it', async () => {
    assert.equal((await getPage(t.app, '/admin/audit', editor)).statusCode, 403);
    const contributor = await signIn(t.app, t.db, 'contributor');
    assert.equal((await getPage(t.app, '/admin/audit', contributor)).statusCode, 403);
  });
});
