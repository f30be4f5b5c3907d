import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ValidationError } from '../../shared/errors.js';
import { databaseForBlock } from '../../../test/helpers/test-database.js';
import { rememberReadsUntilChanged } from '../../db/remembered-reads.js';
import { localContentChanges } from '../../shared/http/content-changes.js';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from './settings.service.js';

describe('site settings', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));

  test('an empty table gives the defaults', async () => {
    assert.deepEqual(await getSettings(db), { untranslated: 'fallback' });
    assert.deepEqual(DEFAULT_SETTINGS, { untranslated: 'fallback' });
  });

  test('an update is saved, returned and read back', async () => {
    assert.deepEqual(await updateSettings(db, { untranslated: 'omit' }), { untranslated: 'omit' });
    assert.deepEqual(await getSettings(db), { untranslated: 'omit' });
    const row = await db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(row, { key: 'untranslated', value: '"omit"' });
    await updateSettings(db, { untranslated: 'fallback' });
    assert.equal((await getSettings(db)).untranslated, 'fallback');
  });

  test('an empty patch changes nothing', async () => {
    assert.deepEqual(await updateSettings(db, {}), await getSettings(db));
  });

  test('invalid values and unknown keys are refused with a message per field, and nothing is saved', async () => {
    await assert.rejects(
      updateSettings(db, { untranslated: 'hide' as never }),
      (error: unknown) => error instanceof ValidationError && typeof error.fields.untranslated === 'string',
    );
    await assert.rejects(
      updateSettings(db, { untranslated: 'omit', colour: 'red' } as never),
      (error: unknown) => error instanceof ValidationError && error.fields.colour === 'is not a setting',
    );
    assert.equal((await getSettings(db)).untranslated, 'fallback');
  });

  test('a stored value that is no longer valid reads as the default', async () => {
    await db.updateTable('settings').set({ value: '"sideways"' }).where('key', '=', 'untranslated').execute();
    assert.equal((await getSettings(db)).untranslated, 'fallback');
    await db.updateTable('settings').set({ value: 'not json' }).where('key', '=', 'untranslated').execute();
    assert.equal((await getSettings(db)).untranslated, 'fallback');
  });

  test('kept in memory until a change is announced; an update outside a transaction forgets at once', async () => {
    const changes = localContentChanges();
    const stop = rememberReadsUntilChanged(db, changes);
    try {
      const kept = await getSettings(db);
      assert.equal(kept.untranslated, 'fallback');
      assert.ok(Object.isFrozen(kept), 'shared by every page, so frozen');
      // A write that bypasses the settings module is seen once announced.
      await db.insertInto('settings').values({ key: 'untranslated', value: '"omit"' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '"omit"' })).execute();
      assert.equal(await getSettings(db), kept);
      await changes.announce('settings written');
      assert.equal((await getSettings(db)).untranslated, 'omit');
      // An update through the module, outside a transaction, needs no announcement here.
      assert.equal((await updateSettings(db, { untranslated: 'fallback' })).untranslated, 'fallback');
      assert.equal((await getSettings(db)).untranslated, 'fallback');
      // Inside a transaction the transaction's own reads see its writes; the rest wait for the announcement.
      await db.transaction().execute(async (trx) => {
        assert.equal((await updateSettings(trx, { untranslated: 'omit' })).untranslated, 'omit');
      });
      await changes.announce('settings saved');
      assert.equal((await getSettings(db)).untranslated, 'omit');
    } finally {
      stop();
      await updateSettings(db, { untranslated: 'fallback' });
    }
  });
});
