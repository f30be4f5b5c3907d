/**
 * Changing a session of a recurring event "and the following": the rule is
 * split at that session. The event keeps its sessions before it (its rule
 * ends the day before); to move the rest to another time, a new event with
 * the same texts, topics and series holds them, from that session, with the
 * rest of the rule; to cancel them, the rule just ends. Both events are
 * written by the content service, so each change has its revision.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, compareDates } from '../../shared/dates/calendar-date.js';
import { normalizeRule, parseExdates, ruleEndingOn, sessionDates } from '../../shared/dates/recurrence.js';
import { instantToZonedTime, isTimeOfDay } from '../../shared/dates/zoned-time.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { assertCan, can } from '../auth/index.js';
import type { EditContext } from '../content/index.js';
import type { MessageKey } from '../i18n/index.js';
import { createEvent, getEventForEditing, publishEvent, updateEvent, type EditableEvent } from './events.editing.js';
import { eventFormValues, validateEventForm, type EventFormValues, type EventInput } from './events.schemas.js';
import { recurrenceFormValues } from './recurrence-fields.js';
import { plannedSessionDates } from './sessions.editing.js';
import { sessionInstant } from './sessions.js';
import { rebuildEventSessions } from './sessions.store.js';

/** What happens from a session on: the sessions move to another start time (each keeping its length), or they are no longer held. */
export type FollowingChange = { action: 'time'; time: string } | { action: 'cancel' };

/** The split as it will be made: the event as it is, and the session it is split at. */
export interface FollowingSplit {
  event: EditableEvent;
  date: string;
  /** The event's own start time in its zone (null: all day). */
  time: string | null;
}

/**
 * The event and the session it would be split at; NotFoundError when the
 * date is not one of its planned sessions, ValidationError when it is the
 * first (that is the event itself: its form changes it).
 */
export async function followingSplit(db: Kysely<Database>, ctx: EditContext, eventId: number, date: string): Promise<FollowingSplit> {
  const event = await getEventForEditing(db, eventId);
  assertCan(ctx.user, 'content.edit', { createdBy: event.createdBy, status: event.snapshot.status });
  if (!event.snapshot.recurrence_rule || !(await plannedSessionDates(db, eventId, ctx.now)).includes(date)) throw new NotFoundError();
  if (date === event.snapshot.start_date) throw new ValidationError('The first session is the event itself.', { date: 'series.split.first' });
  const s = event.snapshot;
  return { event, date, time: !s.all_day && s.starts_at ? (instantToZonedTime(s.starts_at, s.time_zone)?.time ?? null) : null };
}

/** The event's form as stored, with `changes` made, checked as the form is; ValidationError with the form's messages otherwise. */
function checkedInput(event: EditableEvent, changes: Partial<EventFormValues>): EventInput {
  const values = { ...eventFormValues(event.snapshot, event.revision), ...changes };
  const result = validateEventForm(values, event.snapshot.time_zone);
  if (!result.ok) throw new ValidationError('The split event does not pass its own form.', result.errors as Record<string, MessageKey>);
  return result.input;
}

/**
 * Splits the event at the session of `date`: its rule ends the day before,
 * and with `time`, a new event holds the sessions from `date` at that time
 * (published at once when the event is and the person may publish). The
 * sessions changed on their own from `date` on go with them (to the new
 * event, or away with the cancelled ones). Returns the new event's id.
 */
export async function splitFollowing(
  db: Kysely<Database>,
  ctx: EditContext,
  eventId: number,
  date: string,
  change: FollowingChange,
  loadedRevision?: number,
): Promise<{ newEventId: number | null }> {
  const { event, time } = await followingSplit(db, ctx, eventId, date);
  const s = event.snapshot;
  const rule = normalizeRule(s.recurrence_rule!)!;
  const exdates = parseExdates(s.recurrence_exdates);
  const dayBefore = addDays(date, -1);
  const before = recurrenceFormValues(ruleEndingOn(rule, s.start_date, dayBefore), exdates.filter((d) => compareDates(d, date) < 0).join(' ') || null, s.start_date);
  const kept = checkedInput(event, before);

  if (change.action === 'cancel') {
    await updateEvent(db, ctx, eventId, kept, loadedRevision ?? event.revision);
    await db.deleteFrom('event_session_changes').where('event_id', '=', eventId).where('recurrence_date', '>=', date).execute();
    await rebuildEventSessions(db, eventId, ctx.now);
    return { newEventId: null };
  }

  if (time === null || !s.starts_at) throw new ValidationError('An all-day event has no time to change.', { new_time: 'series.split.allDay' });
  if (!isTimeOfDay(change.time)) throw new ValidationError('The new time is not a time of day.', { new_time: 'series.split.timeRequired' });
  if (loadedRevision !== undefined && loadedRevision !== event.revision) throw new ValidationError('The event was changed since.', { date: 'editing.conflict.stepStale' });

  // The rest of the rule from `date`: the same rule, its COUNT less the sessions it made before.
  const earlier = sessionDates(rule, s.start_date, dayBefore).length;
  const rest = rule.replace(/COUNT=(\d+)/i, (_m, n: string) => `COUNT=${Number(n) - earlier}`);
  const startsAt = sessionInstant(date, change.time, s.time_zone);
  const length = s.ends_at ? Date.parse(s.ends_at) - Date.parse(s.starts_at) : null;
  const endTime = length === null ? '' : (instantToZonedTime(new Date(Date.parse(startsAt) + length).toISOString(), s.time_zone)?.time ?? '');
  const following = checkedInput(event, {
    ...recurrenceFormValues(rest, exdates.filter((d) => compareDates(d, date) >= 0).join(' ') || null, date),
    start_date: date,
    end_date: '',
    start_time: change.time,
    end_time: endTime,
    slug: '',
    vi_slug: '',
  });

  const created = await createEvent(db, ctx, following);
  await updateEvent(db, ctx, eventId, kept, event.revision);
  await db.updateTable('event_session_changes').set({ event_id: created.id }).where('event_id', '=', eventId).where('recurrence_date', '>=', date).execute();
  // The listed sessions of both, with the changed sessions where they now belong.
  await rebuildEventSessions(db, created.id, ctx.now);
  await rebuildEventSessions(db, eventId, ctx.now);
  if (s.status === 'published' && can(ctx.user, 'content.publish', { createdBy: created.createdBy, status: created.snapshot.status })) {
    await publishEvent(db, ctx, created.id, created.revision);
  }
  return { newEventId: created.id };
}
