/**
 * Changing one session of a recurring event on its own: moving it to
 * another day or time, cancelling it, or putting it back as the rule plans
 * it. The change is kept as its own row keyed by the session's planned local
 * date (its RECURRENCE-ID), so the rule stays as the editor gave it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { todayInZone } from '../../shared/dates/calendar-date.js';
import { parseExdates, ruleUntil, sessionDates } from '../../shared/dates/recurrence.js';
import { instantToZonedTime } from '../../shared/dates/zoned-time.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { assertCan } from '../auth/index.js';
import type { EditContext } from '../content/index.js';
import { getEventForEditing } from './events.editing.js';
import { sessionHorizon, sessionInstant } from './sessions.js';
import { rebuildEventSessions } from './sessions.store.js';

/** What happens to one session: moved to a local date (and time, for a timed event), cancelled, or put back as planned. */
export type SessionChangeInput = { status: 'moved'; date: string; time?: string } | { status: 'cancelled' } | { status: 'planned' };

/** The planned local dates of a recurring event's sessions (before any change), up to its end or the horizon. */
export async function plannedSessionDates(db: Kysely<Database>, eventId: number, now: Date): Promise<string[]> {
  const { snapshot: e } = await getEventForEditing(db, eventId);
  if (!e.recurrence_rule) return [];
  const through = ruleUntil(e.recurrence_rule) ?? sessionHorizon(todayInZone(e.time_zone, now));
  return sessionDates(e.recurrence_rule, e.start_date, through, parseExdates(e.recurrence_exdates));
}

/** Changes the session of `eventId` planned for `recurrenceDate`; refuses a date that is not one of its sessions. */
export async function changeSession(db: Kysely<Database>, ctx: EditContext, eventId: number, recurrenceDate: string, change: SessionChangeInput): Promise<void> {
  const editable = await getEventForEditing(db, eventId);
  assertCan(ctx.user, 'content.edit', { createdBy: editable.createdBy, status: editable.snapshot.status });
  if (!(await plannedSessionDates(db, eventId, ctx.now)).includes(recurrenceDate)) throw new NotFoundError();
  const e = editable.snapshot;
  const at = ctx.now.toISOString();
  if (change.status === 'planned') {
    await db.deleteFrom('event_session_changes').where('event_id', '=', eventId).where('recurrence_date', '=', recurrenceDate).execute();
    await rebuildEventSessions(db, eventId, ctx.now);
    return;
  }
  let moved = { start_date: null as string | null, starts_at: null as string | null, ends_at: null as string | null };
  if (change.status === 'moved') {
    if (!e.all_day && e.starts_at) {
      const time = change.time ?? instantToZonedTime(e.starts_at, e.time_zone)?.time;
      if (!time) throw new ValidationError('A moved session needs a time.', { time: 'editing.error.timeRequired' });
      const startsAt = sessionInstant(change.date, time, e.time_zone);
      const length = e.ends_at ? Date.parse(e.ends_at) - Date.parse(e.starts_at) : null;
      moved = { start_date: change.date, starts_at: startsAt, ends_at: length === null ? null : new Date(Date.parse(startsAt) + length).toISOString() };
    } else {
      moved = { start_date: change.date, starts_at: null, ends_at: null };
    }
  }
  const row = { status: change.status, ...moved, updated_at: at };
  await db
    .insertInto('event_session_changes')
    .values({ event_id: eventId, recurrence_date: recurrenceDate, ...row })
    .onConflict((oc) => oc.columns(['event_id', 'recurrence_date']).doUpdateSet(row))
    .execute();
  await rebuildEventSessions(db, eventId, ctx.now);
}
