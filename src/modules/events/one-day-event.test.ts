/**
 * "A one-day event has no end date", whoever writes it: the importer, the
 * admin form and the editing service all store a one-day event with its end
 * date empty, so an imported event an editor has saved is still the same
 * event to the next import, English and Vietnamese.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { formFields } from '../../../test/helpers/forms.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { contentDir, importListings, loadTaxonomy, type ImportSource } from '../importer/index.js';
import { createEvent } from './index.js';

const seed = (name: string): ImportSource => ({ file: `content/seeds/${name}`, text: readFileSync(`${contentDir}seeds/${name}`, 'utf8') });

describe('a one-day event has no end date', () => {
  const t = appForBlock();
  const taxonomy = loadTaxonomy();
  before(() => ensureTaxonomy(t.db, taxonomy, DEFAULT_NOW.toISOString()));
  const editor = signedInForBlock(t, 'editor');

  async function eventOn(start: string) {
    return t.db
      .selectFrom('events')
      .select(['id', 'start_date', 'end_date', 'revision'])
      .where('start_date', '=', start)
      .where('source_key', 'is not', null)
      .executeTakeFirstOrThrow();
  }

  async function viTitle(id: number) {
    const row = await t.db.selectFrom('event_translations').select('title').where('event_id', '=', id).where('lang', '=', 'vi').executeTakeFirst();
    return row?.title;
  }

  test('an imported one-day event saved in the admin is unchanged to the next import, in both languages', async () => {
    const first = await importListings(t.db, [seed('events.en.txt'), seed('events.vi.txt')], { now: DEFAULT_NOW, taxonomy });
    assert.ok(first.items.every((i) => i.outcome === 'created'), 'the seed pages import cleanly');
    // "17 September 2020": one day on the office's page.
    const imported = await eventOn('2020-09-17');
    assert.equal(imported.end_date, null);
    const vi = await viTitle(imported.id);
    assert.ok(vi, 'the Vietnamese page paired with the English event');

    // An editor opens the event and saves it as the form shows it, then again with the last day typed
    // as the first (how a one-day event is often entered): neither is a different event.
    const page = await getPage(t.app, `/admin/events/${imported.id}`, editor);
    assert.equal(page.statusCode, 200);
    const fields = formFields(page.body, 'form.edit-form');
    const saved = await postForm(t.app, { url: `/admin/events/${imported.id}`, session: editor, fields: { ...fields, en_summary: 'Statisticians meet.' } });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const again = formFields((await getPage(t.app, `/admin/events/${imported.id}`, editor)).body, 'form.edit-form');
    assert.equal(again.end_date, '');
    const typed = await postForm(t.app, { url: `/admin/events/${imported.id}`, session: editor, fields: { ...again, end_date: '2020-09-17' } });
    assert.equal(typed.statusCode, 303, typed.body.slice(0, 500));
    assert.equal((await eventOn('2020-09-17')).end_date, null);

    for (const file of ['events.en.txt', 'events.vi.txt']) {
      const report = await importListings(t.db, [seed(file)], { now: DEFAULT_NOW, taxonomy });
      const changed = report.items.filter((i) => i.outcome !== 'unchanged');
      assert.deepEqual(
        changed.map((i) => `${i.outcome} ${i.title}: ${i.note ?? ''}`),
        [],
        `${file}: nothing changed`,
      );
    }
    assert.equal(await viTitle(imported.id), vi, 'the Vietnamese text is still the one paired');
    const events = await t.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(events.n), 20, 'no Vietnamese item kept apart as a draft');
  });

  test('the editing service stores a one-day event with its end date empty, all-day or timed', async () => {
    const people = await createPeople(t.db);
    const ctx = { user: people.editor, now: DEFAULT_NOW };
    const allDay = await createEvent(t.db, ctx, eventInput({ start_date: '2026-12-03', end_date: '2026-12-03' }));
    assert.equal(allDay.snapshot.end_date, null);
    const timed = await createEvent(
      t.db,
      ctx,
      eventInput({
        all_day: false,
        start_date: '2026-12-03',
        end_date: '2026-12-03',
        starts_at: '2026-12-03T02:00:00.000Z',
        ends_at: '2026-12-03T04:30:00.000Z',
        en: { title: 'Webinar on wages', summary: null, description: null, venue: null, city: null },
      }),
    );
    const row = await t.db.selectFrom('events').select(['end_date', 'starts_at', 'ends_at']).where('id', '=', timed.id).executeTakeFirstOrThrow();
    // The day is one, the end of the meeting still its own instant.
    assert.deepEqual(row, { end_date: null, starts_at: '2026-12-03T02:00:00.000Z', ends_at: '2026-12-03T04:30:00.000Z' });
  });
});
