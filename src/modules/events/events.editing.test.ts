import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { createPeople, eventInput } from '../../../test/helpers/editing.js';
import type { AdminUser } from '../auth/index.js';
import { emptyText, pick, StaleEditError, WorkflowError } from '../content/index.js';
import { loadTaxonomy } from '../importer/index.js';
import { translationStatus } from '../i18n/index.js';
import { ensureTaxonomy, listTopics } from '../taxonomy/index.js';
import {
  cancelEvent,
  createEvent,
  deleteEvent,
  diffEventRevisions,
  getEventForEditing,
  getEventRevision,
  listEventRevisions,
  postponeEvent,
  publishEvent,
  recordDueEventsLive,
  rescheduleEvent,
  restoreEventRevision,
  returnEventToDraft,
  scheduleEvent,
  submitEvent,
  unpublishEvent,
  updateEvent,
  EVENT_CONTENT_FIELDS,
  type EditableEvent,
} from './events.editing.js';
import type { EventInput } from './events.schemas.js';
import { eventTexts } from './events.type.js';
import { getPublishedEvent, listEventsPage } from './events.service.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const as = (user: AdminUser, now = NOW) => ({ user, now });

/** The stored event as its form would send it back. */
function inputOf(event: EditableEvent): EventInput {
  return { ...pick(event.snapshot, EVENT_CONTENT_FIELDS), vi_current: false };
}

/** Where a visitor asking for `slug` in `lang` ends up: the event's address then, or undefined (404). */
async function addressFor(db: Kysely<Database>, lang: 'en' | 'vi', slug: string): Promise<string | undefined> {
  return getPublishedEvent(db, slug, lang, NOW).then(
    (detail) => detail.slugs[lang],
    () => undefined,
  );
}

async function revisionCount(db: Kysely<Database>, id: number): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .where('item_kind', '=', 'event')
    .where('item_id', '=', id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('editing events', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let contributor: AdminUser, editor: AdminUser, otherContributor: AdminUser, otherEditor: AdminUser;
  beforeEach(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    ({ contributor, editor, otherContributor, otherEditor } = await createPeople(db));
    await ensureTaxonomy(db, loadTaxonomy(), NOW.toISOString());
  });
  afterEach(() => handle.destroy());

  test('creating makes a draft with a slug from the English title and a first revision listing every field set', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    assert.equal(event.snapshot.slug, 'workshop-in-dak-lak');
    assert.equal(event.snapshot.status, 'draft');
    assert.equal(event.revision, 1);
    assert.equal(event.createdBy, editor.id);
    const revisions = await listEventRevisions(db, event.id);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.action, 'create');
    assert.equal(revisions[0]?.userId, editor.id);
    assert.ok(revisions[0]?.changes.includes('en.title'));
    assert.ok(revisions[0]?.changes.includes('start_date'));
    assert.ok(!revisions[0]?.changes.includes('end_date'));
  });

  test('slugs are unique: the same title gets -2, -3; a typed slug used by another event is refused', async () => {
    const first = await createEvent(db, as(editor), eventInput());
    const second = await createEvent(db, as(editor), eventInput());
    const third = await createEvent(db, as(editor), eventInput());
    assert.deepEqual(
      [first.snapshot.slug, second.snapshot.slug, third.snapshot.slug],
      ['workshop-in-dak-lak', 'workshop-in-dak-lak-2', 'workshop-in-dak-lak-3'],
    );
    await assert.rejects(createEvent(db, as(editor), eventInput({ slug: 'workshop-in-dak-lak-2' })), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.fields.slug, 'editing.error.slugTaken');
      return true;
    });
    const typed = await createEvent(db, as(editor), eventInput({ slug: 'dak-lak-2026' }));
    assert.equal(typed.snapshot.slug, 'dak-lak-2026');
  });

  test('topics and programmes must exist', async () => {
    const topic = (await listTopics(db, 'en'))[0]!.id;
    const created = await createEvent(db, as(editor), eventInput({ topics: [topic] }));
    assert.deepEqual(created.snapshot.topics, [topic]);
    await assert.rejects(createEvent(db, as(editor), eventInput({ programmes: [99999] })), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.fields.programmes, 'editing.error.unknownTaxonomy');
      return true;
    });
  });

  test('saving records a revision with the changed fields; an unchanged save records nothing', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    const saved = await updateEvent(
      db,
      as(editor, later(5)),
      event.id,
      { ...inputOf(event), end_date: '2026-12-04', vi: { ...emptyText(eventTexts), title: 'Hội thảo tại Đắk Lắk', slug: null, status: null } },
      event.revision,
    );
    assert.equal(saved.revision, 2);
    const revisions = await listEventRevisions(db, event.id);
    assert.deepEqual(revisions[0]?.changes, ['end_date', 'vi.title', 'vi.slug', 'vi.status']);
    assert.equal(revisions[0]?.createdAt, later(5).toISOString());
    const stored = await getEventForEditing(db, event.id);
    assert.equal(stored.snapshot.vi?.title, 'Hội thảo tại Đắk Lắk');
    assert.equal(stored.snapshot.vi?.slug, 'hoi-thao-tai-dak-lak');
    assert.equal(stored.snapshot.vi?.status, 'draft');
    assert.equal(stored.updatedBy, editor.id);

    const again = await updateEvent(db, as(editor), event.id, inputOf(stored), stored.revision);
    assert.equal(again.revision, 2);
    assert.equal(await revisionCount(db, event.id), 2);
  });

  test('clearing the Vietnamese text removes it; clearing the slug makes a new one from the title', async () => {
    const event = await createEvent(
      db,
      as(editor),
      eventInput({ vi: { ...emptyText(eventTexts), title: 'Hội thảo', slug: null, status: null } }),
    );
    const saved = await updateEvent(db, as(editor), event.id, { ...inputOf(event), slug: null, vi: null, en: { ...event.snapshot.en, title: 'Forum in Huế' } }, 1);
    assert.equal(saved.snapshot.vi, null);
    assert.equal(saved.snapshot.slug, 'forum-in-hue');
    const rows = await db.selectFrom('event_translations').select('lang').where('event_id', '=', event.id).execute();
    assert.deepEqual(rows.map((r) => r.lang), ['en']);
  });

  test('a second save from a stale form is refused with the stored version, and nothing is overwritten', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    // Two tabs load revision 1.
    const firstTab = { ...inputOf(event), en: { ...event.snapshot.en, title: 'Workshop in Buôn Ma Thuột' } };
    const secondTab = { ...inputOf(event), en: { ...event.snapshot.en, description: 'A different description.' } };
    await updateEvent(db, as(editor), event.id, firstTab, 1);
    await assert.rejects(updateEvent(db, as(otherEditor), event.id, secondTab, 1), (error: unknown) => {
      assert.ok(error instanceof StaleEditError);
      assert.equal(error.statusCode, 409);
      assert.equal(error.storedRevision, 2);
      assert.equal(error.loadedRevision, 1);
      assert.equal(error.storedBy, editor.id);
      assert.equal((error.stored as EditableEvent['snapshot']).en.title, 'Workshop in Buôn Ma Thuột');
      return true;
    });
    const stored = await getEventForEditing(db, event.id);
    assert.equal(stored.snapshot.en.description, 'Employers and workers meet in Buon Ma Thuot.');
    assert.equal(stored.revision, 2);
    // Resubmitted at the stored revision (after reading the conflict page), it goes through.
    const merged = await updateEvent(db, as(otherEditor), event.id, { ...secondTab, en: { ...secondTab.en, title: 'Workshop in Buôn Ma Thuột' } }, 2);
    assert.equal(merged.revision, 3);
  });

  test('two saves racing from the same revision: exactly one is written', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    const results = await Promise.allSettled([
      updateEvent(db, as(editor), event.id, { ...inputOf(event), en: { ...event.snapshot.en, title: 'One' } }, 1),
      updateEvent(db, as(otherEditor), event.id, { ...inputOf(event), en: { ...event.snapshot.en, title: 'Two' } }, 1),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected');
    assert.ok(rejected && rejected.status === 'rejected' && rejected.reason instanceof StaleEditError);
    assert.equal(await revisionCount(db, event.id), 2);
  });

  test('workflow steps taken meanwhile do not make a form stale', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await publishEvent(db, as(otherEditor), event.id);
    const saved = await updateEvent(db, as(editor), event.id, { ...inputOf(event), end_date: '2026-12-05' }, 1);
    assert.equal(saved.revision, 3);
    assert.equal(saved.snapshot.status, 'published');
  });

  test('a contributor creates, edits their own draft and submits it, but cannot publish or edit it afterwards', async () => {
    const draft = await createEvent(db, as(contributor), eventInput());
    const edited = await updateEvent(db, as(contributor), draft.id, { ...inputOf(draft), end_date: '2026-12-04' }, 1);
    await assert.rejects(updateEvent(db, as(otherContributor), draft.id, inputOf(edited), edited.revision), ForbiddenError);
    await assert.rejects(publishEvent(db, as(contributor), draft.id), ForbiddenError);
    await assert.rejects(scheduleEvent(db, as(contributor), draft.id, later(60)), ForbiddenError);
    await assert.rejects(deleteEvent(db, as(contributor), draft.id), ForbiddenError);
    const submitted = await submitEvent(db, as(contributor), draft.id);
    assert.equal(submitted.snapshot.status, 'in_review');
    await assert.rejects(updateEvent(db, as(contributor), draft.id, inputOf(submitted), submitted.revision), ForbiddenError);
    const published = await publishEvent(db, as(editor), draft.id);
    assert.equal(published.snapshot.status, 'published');
    await assert.rejects(unpublishEvent(db, as(contributor), draft.id), ForbiddenError);
  });

  test('steps that do not apply are refused with a reason', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await assert.rejects(returnEventToDraft(db, as(editor), event.id), (e: unknown) => e instanceof WorkflowError && e.messageKey === 'editing.workflow.notInReview');
    await assert.rejects(unpublishEvent(db, as(editor), event.id), (e: unknown) => e instanceof WorkflowError && e.messageKey === 'editing.workflow.notPublished');
    await submitEvent(db, as(editor), event.id);
    await assert.rejects(submitEvent(db, as(editor), event.id), (e: unknown) => e instanceof WorkflowError && e.messageKey === 'editing.workflow.notDraft');
    const back = await returnEventToDraft(db, as(editor), event.id);
    assert.equal(back.snapshot.status, 'draft');
    await publishEvent(db, as(editor), event.id);
    await assert.rejects(publishEvent(db, as(editor), event.id), (e: unknown) => e instanceof WorkflowError && e.statusCode === 409);
    await assert.rejects(scheduleEvent(db, as(editor), event.id, later(60)), WorkflowError);
    const off = await unpublishEvent(db, as(editor), event.id);
    assert.equal(off.snapshot.status, 'draft');
    assert.equal(off.snapshot.published_at, null);
  });

  test('a workflow step from a page whose content went stale is refused', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await updateEvent(db, as(otherEditor), event.id, { ...inputOf(event), en: { ...event.snapshot.en, title: 'Changed' } }, 1);
    await assert.rejects(publishEvent(db, as(editor), event.id, 1), StaleEditError);
    const published = await publishEvent(db, as(editor), event.id, 2);
    assert.equal(published.snapshot.status, 'published');
  });

  test('a scheduled event is invisible until its time, then visible exactly on time', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await assert.rejects(scheduleEvent(db, as(editor), event.id, NOW), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.fields.publish_at, 'editing.error.publishAtPast');
      return true;
    });
    const at = later(90);
    const scheduled = await scheduleEvent(db, as(editor), event.id, at);
    assert.equal(scheduled.snapshot.status, 'published');
    assert.equal(scheduled.snapshot.publish_at, at.toISOString());

    const slug = scheduled.snapshot.slug;
    const oneMsBefore = new Date(at.getTime() - 1);
    await assert.rejects(getPublishedEvent(db, slug, 'en', oneMsBefore), NotFoundError);
    assert.equal((await listEventsPage(db, 'en', '2026-11-23', oneMsBefore, 1)).info.total, 0);
    assert.equal((await getPublishedEvent(db, slug, 'en', at)).title, 'Workshop in Đắk Lắk');
    const listing = await listEventsPage(db, 'en', '2026-11-23', at, 1);
    assert.deepEqual(listing.upcoming.rows.map((r) => r.slug), [slug]);
  });

  test('publishing a scheduled event now clears its time; unpublishing it takes it off the schedule', async () => {
    const a = await createEvent(db, as(editor), eventInput());
    await scheduleEvent(db, as(editor), a.id, later(90));
    const now = await publishEvent(db, as(editor), a.id);
    assert.equal(now.snapshot.publish_at, null);
    assert.equal(now.snapshot.published_at, NOW.toISOString());

    const b = await createEvent(db, as(editor), eventInput());
    await scheduleEvent(db, as(editor), b.id, later(90));
    const off = await unpublishEvent(db, as(editor), b.id);
    assert.equal(off.snapshot.status, 'draft');
    assert.equal(off.snapshot.publish_at, null);
    assert.deepEqual(await recordDueEventsLive(db, later(120)), []);
  });

  test('going live is recorded once, by whichever claimer wins, even when two run at the same moment', async () => {
    const a = await createEvent(db, as(editor), eventInput());
    const b = await createEvent(db, as(editor), eventInput());
    await scheduleEvent(db, as(editor), a.id, later(30));
    await scheduleEvent(db, as(editor), b.id, later(60));

    assert.deepEqual(await recordDueEventsLive(db, later(29)), []);
    // Two instances claim at once after both times have come.
    const [first, second] = await Promise.all([recordDueEventsLive(db, later(61)), recordDueEventsLive(db, later(61))]);
    assert.deepEqual([...first, ...second].sort(), [a.id, b.id].sort());
    assert.deepEqual(await recordDueEventsLive(db, later(62)), []);

    for (const id of [a.id, b.id]) {
      const revisions = await listEventRevisions(db, id);
      assert.equal(revisions.filter((r) => r.action === 'went_live').length, 1);
      assert.equal(revisions[0]?.action, 'went_live');
      assert.equal(revisions[0]?.userId, null);
      assert.deepEqual(revisions[0]?.changes, ['publish_at']);
      const stored = await getEventForEditing(db, id);
      assert.equal(stored.snapshot.publish_at, null);
      assert.equal(stored.snapshot.status, 'published');
      assert.equal(stored.revision, revisions[0]?.revision);
    }
    // Still visible after the claim, from the time it was scheduled for.
    const stored = await getEventForEditing(db, a.id);
    assert.equal(stored.snapshot.published_at, later(30).toISOString());
    assert.equal((await getPublishedEvent(db, stored.snapshot.slug, 'en', later(62))).title, 'Workshop in Đắk Lắk');
  });

  test('many claimers racing over many due events record each exactly once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const event = await createEvent(db, as(editor), eventInput());
      await scheduleEvent(db, as(editor), event.id, later(10 + i));
      ids.push(event.id);
    }
    const runs = await Promise.all(Array.from({ length: 4 }, () => recordDueEventsLive(db, later(30))));
    assert.deepEqual(runs.flat().sort((x, y) => x - y), ids);
    const wentLive = await db.selectFrom('revisions').select('item_id').where('action', '=', 'went_live').execute();
    assert.equal(wentLive.length, ids.length);
  });

  test('cancelling, postponing and rescheduling an event', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await publishEvent(db, as(editor), event.id);
    const postponed = await postponeEvent(db, as(editor), event.id, { en: ' Postponed to 12 March ', vi: 'Hoãn đến ngày 12 tháng 3' });
    assert.equal(postponed.snapshot.event_status, 'postponed');
    assert.equal(postponed.snapshot.status, 'published');
    assert.equal(postponed.snapshot.status_reason_en, 'Postponed to 12 March');
    assert.equal(postponed.snapshot.status_reason_vi, 'Hoãn đến ngày 12 tháng 3');
    await assert.rejects(postponeEvent(db, as(editor), event.id, { en: 'Again', vi: '' }), WorkflowError);
    const rescheduled = await rescheduleEvent(db, as(editor), event.id, { ...inputOf(postponed), start_date: '2027-01-12' }, postponed.revision);
    assert.equal(rescheduled.snapshot.event_status, 'scheduled');
    assert.equal(rescheduled.snapshot.start_date, '2027-01-12');
    assert.equal(rescheduled.snapshot.status_reason_en, null);
    const revisions = await listEventRevisions(db, event.id);
    assert.equal(revisions[0]?.action, 'reschedule');
    assert.deepEqual(revisions[0]?.changes.sort(), ['event_status', 'start_date', 'status_reason_en', 'status_reason_vi']);
    const cancelled = await cancelEvent(db, as(editor), event.id, { en: 'Cancelled because of the typhoon warning', vi: '' });
    assert.equal(cancelled.snapshot.event_status, 'cancelled');
    assert.equal(cancelled.snapshot.status_reason_vi, null);
    await assert.rejects(cancelEvent(db, as(editor), event.id, { en: 'Again', vi: '' }), WorkflowError);
    const shown = (await getPublishedEvent(db, event.snapshot.slug, 'en', NOW)).event;
    assert.equal(shown.event_status, 'cancelled');
    assert.equal(shown.status_reason_en, 'Cancelled because of the typhoon warning');
    const history = await getEventRevision(db, event.id, cancelled.revision);
    assert.equal(history.snapshot.status_reason_en, 'Cancelled because of the typhoon warning');
  });

  test('calling an event off needs a reason in English of at most 300 characters, and changes nothing without one', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    const published = await publishEvent(db, as(editor), event.id);
    for (const [reasons, field] of [
      [{ en: '  ', vi: 'Hủy' }, 'reason_en'],
      [{ en: 'x'.repeat(301), vi: '' }, 'reason_en'],
      [{ en: 'Cancelled', vi: 'x'.repeat(301) }, 'reason_vi'],
    ] as const) {
      await assert.rejects(cancelEvent(db, as(editor), event.id, reasons), (error: unknown) => error instanceof ValidationError && error.fields?.[field] !== undefined);
    }
    assert.equal((await getEventForEditing(db, event.id)).revision, published.revision);
  });

  test('a changed slug keeps the old address pointing at the event; taking a slug back forgets the redirect', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await publishEvent(db, as(editor), event.id);
    const renamed = await updateEvent(db, as(editor), event.id, { ...inputOf(event), slug: 'dak-lak-workshop' }, 2);
    assert.equal(await addressFor(db, 'en', 'workshop-in-dak-lak'), 'dak-lak-workshop');
    const again = await updateEvent(db, as(editor), event.id, { ...inputOf(renamed), slug: 'dak-lak-workshop-2026' }, renamed.revision);
    // No chain: both old slugs lead straight to the current one.
    assert.equal(await addressFor(db, 'en', 'workshop-in-dak-lak'), 'dak-lak-workshop-2026');
    assert.equal(await addressFor(db, 'en', 'dak-lak-workshop'), 'dak-lak-workshop-2026');
    await updateEvent(db, as(editor), event.id, { ...inputOf(again), slug: 'workshop-in-dak-lak' }, again.revision);
    assert.equal(await addressFor(db, 'en', 'workshop-in-dak-lak'), 'workshop-in-dak-lak');
    assert.equal(await addressFor(db, 'en', 'dak-lak-workshop'), 'workshop-in-dak-lak');
    // A generated slug does not take another event's old address.
    const other = await createEvent(db, as(editor), eventInput({ en: { ...event.snapshot.en, title: 'Dak Lak workshop' } }));
    assert.equal(other.snapshot.slug, 'dak-lak-workshop-2');
    // An unpublished event's old address leads nowhere.
    await unpublishEvent(db, as(editor), event.id);
    assert.equal(await addressFor(db, 'en', 'dak-lak-workshop'), undefined);
  });

  test('the history compares two revisions field by field, long text word by word', async () => {
    const topics = await listTopics(db, 'en');
    const event = await createEvent(db, as(editor), eventInput());
    await updateEvent(
      db,
      as(editor),
      event.id,
      { ...inputOf(event), topics: [topics[0]!.id], en: { ...event.snapshot.en, description: 'Employers and workers meet in Da Lat.' } },
      1,
    );
    const { from, to, diffs } = await diffEventRevisions(db, event.id, 2, 1, 'en');
    assert.equal(from.revision, 1);
    assert.equal(to.revision, 2);
    assert.deepEqual(diffs.map((d) => d.field), ['en.description', 'topics']);
    assert.equal(diffs[1]?.after, topics[0]!.name);
    assert.deepEqual(diffs[0]?.parts, [
      { op: 'same', text: 'Employers and workers meet in ' },
      { op: 'removed', text: 'Buon Ma Thuot.' },
      { op: 'added', text: 'Da Lat.' },
    ]);
    await assert.rejects(diffEventRevisions(db, event.id, 1, 9, 'en'), NotFoundError);
  });

  test('restoring an old revision brings its content back as a new revision and keeps the publication', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await updateEvent(db, as(editor), event.id, { ...inputOf(event), slug: 'renamed', en: { ...event.snapshot.en, title: 'Renamed' } }, 1);
    await publishEvent(db, as(editor), event.id);
    const restored = await restoreEventRevision(db, as(otherEditor), event.id, 1, 3);
    assert.equal(restored.revision, 4);
    assert.equal(restored.snapshot.en.title, 'Workshop in Đắk Lắk');
    assert.equal(restored.snapshot.slug, 'workshop-in-dak-lak');
    assert.equal(restored.snapshot.status, 'published');
    const latest = await getEventRevision(db, event.id, 4);
    assert.equal(latest.action, 'restore');
    assert.equal(latest.userId, otherEditor.id);
    assert.deepEqual(latest.changes.sort(), ['en.title', 'slug']);
    assert.equal(await addressFor(db, 'en', 'renamed'), 'workshop-in-dak-lak');
    await assert.rejects(restoreEventRevision(db, as(editor), event.id, 1), (e: unknown) => e instanceof WorkflowError);
    await assert.rejects(restoreEventRevision(db, as(editor), event.id, 42), NotFoundError);
  });

  test('deleting removes the event and its redirects but keeps its history', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await updateEvent(db, as(editor), event.id, { ...inputOf(event), slug: 'renamed' }, 1);
    await deleteEvent(db, as(editor), event.id);
    await assert.rejects(getEventForEditing(db, event.id), NotFoundError);
    await assert.rejects(listEventRevisions(db, event.id), NotFoundError);
    const kept = await db.selectFrom('revisions').select(['revision', 'action']).where('item_id', '=', event.id).orderBy('revision').execute();
    assert.deepEqual(kept.map((r) => r.action), ['create', 'update', 'delete']);
    const redirects = await db.selectFrom('slug_redirects').selectAll().where('item_id', '=', event.id).execute();
    assert.equal(redirects.length, 0);
  });

  test('the Vietnamese text has its own slug and status; only editors publish it', async () => {
    const vi = { ...emptyText(eventTexts), title: 'Hội thảo quốc gia', slug: null, status: null };
    const draft = await createEvent(db, as(contributor), eventInput({ vi }));
    assert.deepEqual([draft.snapshot.vi?.slug, draft.snapshot.vi?.status], ['hoi-thao-quoc-gia', 'draft']);
    await assert.rejects(
      updateEvent(db, as(contributor), draft.id, { ...inputOf(draft), vi: { ...vi, slug: 'hoi-thao-quoc-gia', status: 'published' } }, 1),
      ForbiddenError,
    );
    const published = await updateEvent(db, as(editor), draft.id, { ...inputOf(draft), vi: { ...vi, slug: 'hoi-thao-quoc-gia', status: 'published' } }, 1);
    assert.equal(published.snapshot.vi?.status, 'published');
    const row = await db.selectFrom('event_translations').select(['slug', 'status']).where('event_id', '=', draft.id).where('lang', '=', 'vi').executeTakeFirstOrThrow();
    assert.deepEqual(row, { slug: 'hoi-thao-quoc-gia', status: 'published' });
    // A form that does not offer the status keeps it.
    const kept = await updateEvent(db, as(editor), draft.id, { ...inputOf(published), vi: { ...vi, title: 'Hội thảo quốc gia 2026', slug: 'hoi-thao-quoc-gia', status: null } }, published.revision);
    assert.equal(kept.snapshot.vi?.status, 'published');
  });

  test('slugs are unique across languages and items; a changed Vietnamese slug redirects under /vi', async () => {
    const vi = { ...emptyText(eventTexts), title: 'Workshop in Đắk Lắk', slug: null, status: 'published' as const };
    const first = await createEvent(db, as(editor), eventInput({ vi }));
    // The same item may use the same slug in both languages; another item may not use it in either.
    assert.equal(first.snapshot.vi?.slug, 'workshop-in-dak-lak');
    const second = await createEvent(db, as(editor), eventInput({ en: { ...eventInput().en, title: 'Other' }, vi }));
    assert.equal(second.snapshot.vi?.slug, 'workshop-in-dak-lak-2');
    await assert.rejects(
      createEvent(db, as(editor), eventInput({ slug: 'workshop-in-dak-lak-2' })),
      (e: unknown) => e instanceof ValidationError && e.fields.slug === 'editing.error.slugTaken',
    );
    await assert.rejects(
      createEvent(db, as(editor), eventInput({ vi: { ...vi, slug: 'workshop-in-dak-lak' } })),
      (e: unknown) => e instanceof ValidationError && e.fields.vi_slug === 'editing.error.slugTaken',
    );
    await publishEvent(db, as(editor), first.id);
    await updateEvent(db, as(editor), first.id, { ...inputOf(first), vi: { ...vi, slug: 'hoi-thao-dak-lak' } }, 2);
    assert.equal(await addressFor(db, 'vi', 'workshop-in-dak-lak'), 'hoi-thao-dak-lak');
    const renamedBoth = await getEventForEditing(db, first.id);
    await updateEvent(db, as(editor), first.id, { ...inputOf(renamedBoth), slug: 'dak-lak', vi: { ...vi, slug: 'dak-lak-vi' } }, renamedBoth.revision);
    assert.equal(await addressFor(db, 'vi', 'hoi-thao-dak-lak'), 'dak-lak-vi');
    assert.equal(await addressFor(db, 'en', 'workshop-in-dak-lak'), 'dak-lak');
  });

  test('a new Vietnamese text, or one marked as checked, is recorded as matching the English', async () => {
    const vi = { ...emptyText(eventTexts), title: 'Hội thảo', slug: null, status: null };
    const event = await createEvent(db, as(editor), eventInput({ vi }));
    assert.equal((await translationStatus(db, 'event', event.id)).state, 'current');
    const changed = await updateEvent(db, as(editor), event.id, { ...inputOf(event), en: { ...event.snapshot.en, title: 'Workshop, revised' } }, 1);
    const outdated = await translationStatus(db, 'event', event.id);
    assert.equal(outdated.state, 'outdated');
    assert.deepEqual(outdated.changes.map((c) => c.field), ['title']);
    // Saved unchanged but marked as checked: current again, and no revision for it.
    await updateEvent(db, as(editor), event.id, { ...inputOf(changed), vi_current: true }, changed.revision);
    assert.equal((await translationStatus(db, 'event', event.id)).state, 'current');
    assert.equal(await revisionCount(db, event.id), 2);
  });

  test('every change is in the audit log with who did it', async () => {
    const event = await createEvent(db, as(editor), eventInput());
    await publishEvent(db, { user: otherEditor, now: NOW, ip: '203.0.113.7' }, event.id);
    const entries = await db.selectFrom('audit_log').select(['user_id', 'action', 'subject_kind', 'subject_id', 'ip']).orderBy('id').execute();
    assert.deepEqual(entries, [
      { user_id: editor.id, action: 'event.create', subject_kind: 'event', subject_id: String(event.id), ip: null },
      { user_id: otherEditor.id, action: 'event.publish', subject_kind: 'event', subject_id: String(event.id), ip: '203.0.113.7' },
    ]);
  });

  test('unknown events are not found', async () => {
    await assert.rejects(getEventForEditing(db, 404), NotFoundError);
    await assert.rejects(updateEvent(db, as(editor), 404, eventInput(), 1), NotFoundError);
    await assert.rejects(publishEvent(db, as(editor), 404), NotFoundError);
  });
});
