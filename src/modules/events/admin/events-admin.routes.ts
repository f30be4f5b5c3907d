/**
 * The admin's event pages, mounted by the admin shell at /admin/events
 * (signed-in people only, CSRF-checked). Each route reads its input, calls
 * one editing service, and picks the page and status:
 *
 * - 422 with everything typed kept when the form is refused;
 * - 409 with both versions side by side when someone else saved first;
 * - 303 to the edit page with a message after every change (POST/redirect/GET).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import type { LangCode } from '../../../db/schema.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { sendPage, viewContext } from '../../../shared/http/html.js';
import { eventPath } from '../../../shared/http/paths.js';
import { instantToZonedTime } from '../../../shared/dates/zoned-time.js';
import { adminViewContext, translateFieldErrors, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { assertCan, can } from '../../auth/index.js';
import {
  availableSteps,
  doneOf,
  HistoryPage,
  type ConflictInfo,
  type Done,
  idParam,
  listUserNames,
  parseListQuery,
  parseScheduleInput,
  PreviewBanner,
  previewQuery,
  type StepName,
  unsavedForm,
} from '../../content/admin/index.js';
import { formString, isLiveAt, pick, StaleEditError, WorkflowError, type EditContext } from '../../content/index.js';
import { translationStatus } from '../../i18n/index.js';
import { listProgrammes, listTopics } from '../../taxonomy/index.js';
import {
  cancelEvent,
  createEvent,
  deleteEvent,
  diffEventRevisions,
  EVENT_CONTENT_FIELDS,
  EVENT_FIELD_ORDER,
  getEventForEditing,
  listEventRevisions,
  listEventsForEditing,
  postponeEvent,
  publishEvent,
  rescheduleEvent,
  restoreEventRevision,
  returnEventToDraft,
  scheduleEvent,
  submitEvent,
  unpublishEvent,
  updateEvent,
  type EditableEvent,
} from '../events.editing.js';
import { eventFormValues, newEventFormValues, readEventForm, validateEventForm, type EventFormValues, type EventInput } from '../events.schemas.js';
import { findEventById } from '../events.repository.js';
import { eventDetail } from '../events.service.js';
import { EventPage } from '../events.views.js';
import {
  DeleteEventPage,
  EVENTS_ADMIN_PATH,
  EventEditPage,
  EventsListPage,
  eventAdminPath,
  type EventEditPageProps,
} from './events-admin.views.js';

const NO_ERRORS: FieldErrors = {};

/** The admin's event pages: list, new, edit, workflow steps, preview, history, restore, delete. */
export const eventsAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const zone = deps.config.OFFICE_TIME_ZONE;

  const editContext = (request: FastifyRequest): EditContext => ({ user: request.user!, now: deps.now(), ip: request.ip });

  /** Everything the form needs besides the values. */
  async function formSupport(ctx: AdminViewContext, event: EditableEvent | undefined) {
    const [topics, programmes, translation] = await Promise.all([
      listTopics(deps.db, ctx.lang),
      listProgrammes(deps.db, ctx.lang),
      event?.snapshot.vi && event.snapshot.en.title ? translationStatus(deps.db, 'event', event.id) : Promise.resolve(undefined),
    ]);
    return {
      topics,
      programmes,
      translation,
      canPublishTranslation: can(ctx.user, 'content.publish'),
      officeZone: zone,
    };
  }

  /** The edit page of a stored event, with whatever the route adds (values typed, errors, a conflict…). */
  async function sendEditPage(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EditableEvent,
    extra: Partial<EventEditPageProps> & { status?: number } = {},
  ): Promise<FastifyReply> {
    const ctx = adminViewContext(request);
    const now = deps.now();
    const { status = 200, ...rest } = extra;
    const s = event.snapshot;
    const live = isLiveAt(s, now);
    const props: EventEditPageProps = {
      ctx,
      action: eventAdminPath(event.id),
      values: eventFormValues(s, event.revision),
      errors: NO_ERRORS,
      ...(await formSupport(ctx, event)),
      canReschedule: s.event_status !== 'scheduled',
      event,
      steps: availableSteps(ctx.user, event, now, true),
      now,
      schedule: { value: s.publish_at ? localDateTime(s.publish_at) : '' },
      publicLinks: live ? { en: eventPath('en', s.slug), vi: eventPath('vi', s.vi?.status === 'published' && s.vi.slug ? s.vi.slug : s.slug) } : undefined,
      done: doneOf(request.query),
      ...rest,
    };
    return sendPage(reply, h(EventEditPage, props), status);
  }

  /** "2026-11-24T09:00" in the office's zone, as a datetime-local input shows it. */
  function localDateTime(instant: string): string {
    const local = instantToZonedTime(instant, zone);
    return local ? `${local.date}T${local.time}` : '';
  }

  app.get('/', async (request, reply) => {
    const { status, page } = parseListQuery(request.query);
    const now = deps.now();
    const { rows, info } = await listEventsForEditing(deps.db, status === 'all' ? undefined : status, page, now);
    const ctx = adminViewContext(request);
    return sendPage(
      reply,
      h(EventsListPage, { ctx, filter: status, rows, info, now, zone, canCreate: can(ctx.user, 'content.create'), done: doneOf(request.query) }),
    );
  });

  app.get('/new', async (request, reply) => {
    assertCan(request.user, 'content.create');
    const ctx = adminViewContext(request);
    return sendNewPage(reply, ctx, newEventFormValues(deps.today(), zone), NO_ERRORS, 200);
  });

  async function sendNewPage(reply: FastifyReply, ctx: AdminViewContext, values: EventFormValues, errors: FieldErrors, status: number, problem?: string) {
    const props: EventEditPageProps = {
      ctx,
      problem,
      action: EVENTS_ADMIN_PATH,
      values,
      errors,
      ...(await formSupport(ctx, undefined)),
      canReschedule: false,
      steps: [],
      now: deps.now(),
    };
    return sendPage(reply, h(EventEditPage, props), status);
  }

  app.post('/', async (request, reply) => {
    assertCan(request.user, 'content.create');
    const ctx = adminViewContext(request);
    const values = readEventForm(request.body);
    const result = validateEventForm(values, zone);
    if (!result.ok) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, result.errors as Record<string, string>), 422);
    try {
      const event = await createEvent(deps.db, editContext(request), result.input);
      return reply.redirect(`${eventAdminPath(event.id)}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, error.fields), 422);
      const unsaved = unsavedForm(request, reply, ctx, error);
      if (unsaved) return sendNewPage(reply, ctx, values, NO_ERRORS, unsaved.status, unsaved.problem);
      throw error;
    }
  });

  app.get('/:id', async (request, reply) => {
    const event = await getEventForEditing(deps.db, idParam(request.params));
    return sendEditPage(request, reply, event);
  });

  app.post('/:id', async (request, reply) => {
    const id = idParam(request.params);
    const current = await getEventForEditing(deps.db, id);
    const ctx = adminViewContext(request);
    const values = readEventForm(request.body);
    const intent = formString(request.body as Record<string, unknown>, 'intent');
    const result = validateEventForm(values, zone);
    if (!result.ok) {
      return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, result.errors as Record<string, string>), status: 422 });
    }
    if (result.revision === null) throw new ValidationError('The form did not say which version it was loaded from; reload the page.');
    try {
      const save = intent === 'reschedule' ? rescheduleEvent : updateEvent;
      const saved = await save(deps.db, editContext(request), id, result.input, result.revision);
      const done: Done = saved.revision === current.revision ? 'unchanged' : intent === 'reschedule' ? 'rescheduled' : 'saved';
      return reply.redirect(`${eventAdminPath(id)}?done=${done}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, error.fields), status: 422 });
      }
      if (error instanceof StaleEditError) {
        const stored = await getEventForEditing(deps.db, id);
        return sendEditPage(request, reply, stored, {
          // The second person's text stays in the form, now set to save over the stored version.
          values: { ...values, revision: String(error.storedRevision) },
          conflict: await conflictInfo(ctx, stored, result.input),
          status: 409,
        });
      }
      const unsaved = unsavedForm(request, reply, ctx, error);
      if (unsaved) return sendEditPage(request, reply, current, { values, problem: unsaved.problem, status: unsaved.status });
      throw error;
    }
  });

  /** Both versions of what the form edits, tags named, for the conflict page. */
  async function conflictInfo(ctx: AdminViewContext, stored: EditableEvent, input: EventInput): Promise<ConflictInfo> {
    const [topics, programmes] = await Promise.all([listTopics(deps.db, ctx.lang), listProgrammes(deps.db, ctx.lang)]);
    const names = (ids: number[], terms: { id: number; name: string }[]) => ids.map((id) => terms.find((x) => x.id === id)?.name ?? `#${id}`);
    const storedContent = pick(stored.snapshot, EVENT_CONTENT_FIELDS);
    const yours = {
      ...pick(input, EVENT_CONTENT_FIELDS),
      slug: input.slug ?? '',
      vi: input.vi ? { ...input.vi, slug: input.vi.slug ?? '', status: input.vi.status ?? stored.snapshot.vi?.status ?? 'draft' } : null,
    };
    const named = (c: { topics: number[]; programmes: number[] }) => ({ ...c, topics: names(c.topics, topics), programmes: names(c.programmes, programmes) });
    const savedBy = stored.updatedBy === null ? ctx.t('editing.history.system') : ((await listUserNames(deps.db, [stored.updatedBy])).get(stored.updatedBy) ?? ctx.t('editing.history.formerUser'));
    return { stored: named(storedContent), yours: named(yours), fieldOrder: EVENT_FIELD_ORDER, savedBy, savedAt: stored.updatedAt };
  }

  /** A workflow step: taken, then back to the edit page; refused steps explain why on the same page. */
  function stepRoute(path: string, step: StepName, done: Done, run: (ctx: EditContext, id: number, revision: number | undefined) => Promise<unknown>) {
    app.post(path, async (request, reply) => {
      const id = idParam(request.params);
      const revision = revisionOf(request);
      try {
        await run(editContext(request), id, revision);
        return reply.redirect(`${eventAdminPath(id)}?done=${done}`, 303);
      } catch (error) {
        return stepFailed(request, reply, id, error, step);
      }
    });
  }

  async function stepFailed(request: FastifyRequest, reply: FastifyReply, id: number, error: unknown, step: StepName, typed?: string) {
    const ctx = adminViewContext(request);
    if (error instanceof WorkflowError) {
      return sendEditPage(request, reply, await getEventForEditing(deps.db, id), { problem: ctx.t(error.messageKey), status: 409 });
    }
    if (error instanceof StaleEditError) {
      return sendEditPage(request, reply, await getEventForEditing(deps.db, id), { problem: ctx.t('editing.conflict.stepStale'), status: 409 });
    }
    if (error instanceof ValidationError && step === 'schedule') {
      const message = translateFieldErrors(ctx.t, error.fields).publish_at;
      return sendEditPage(request, reply, await getEventForEditing(deps.db, id), { schedule: { value: typed ?? '', error: message }, status: 422 });
    }
    throw error;
  }

  stepRoute('/:id/submit', 'submit', 'submitted', (c, id, r) => submitEvent(deps.db, c, id, r));
  stepRoute('/:id/return', 'return_to_draft', 'returned', (c, id, r) => returnEventToDraft(deps.db, c, id, r));
  stepRoute('/:id/publish', 'publish', 'published', (c, id, r) => publishEvent(deps.db, c, id, r));
  stepRoute('/:id/unpublish', 'unpublish', 'unpublished', (c, id, r) => unpublishEvent(deps.db, c, id, r));
  stepRoute('/:id/postpone', 'postpone', 'postponed', (c, id, r) => postponeEvent(deps.db, c, id, r));
  stepRoute('/:id/cancel', 'cancel', 'cancelled', (c, id, r) => cancelEvent(deps.db, c, id, r));

  app.post('/:id/schedule', async (request, reply) => {
    const id = idParam(request.params);
    const typed = formString(request.body as Record<string, unknown>, 'publish_at');
    try {
      const at = parseScheduleInput(typed, zone);
      await scheduleEvent(deps.db, editContext(request), id, at, revisionOf(request));
      return reply.redirect(`${eventAdminPath(id)}?done=scheduled`, 303);
    } catch (error) {
      return stepFailed(request, reply, id, error, 'schedule', typed);
    }
  });

  app.get('/:id/delete', async (request, reply) => {
    const event = await getEventForEditing(deps.db, idParam(request.params));
    assertCan(request.user, 'content.delete', { createdBy: event.createdBy, status: event.snapshot.status });
    return sendPage(reply, h(DeleteEventPage, { ctx: adminViewContext(request), event }));
  });

  app.post('/:id/delete', async (request, reply) => {
    const id = idParam(request.params);
    try {
      await deleteEvent(deps.db, editContext(request), id, revisionOf(request));
      return reply.redirect(`${EVENTS_ADMIN_PATH}?done=deleted`, 303);
    } catch (error) {
      return stepFailed(request, reply, id, error, 'delete');
    }
  });

  app.get('/:id/preview', async (request, reply) => {
    const event = await getEventForEditing(deps.db, idParam(request.params));
    const { lang } = previewQuery(request.query);
    const row = await findEventById(deps.db, event.id);
    if (!row) throw new NotFoundError();
    const detail = await eventDetail(deps.db, row, lang, { draftText: true });
    const admin = adminViewContext(request);
    const ctx = viewContext(request, lang);
    reply.header('x-robots-tag', 'noindex');
    const banner = h(PreviewBanner, { ctx: admin, editHref: eventAdminPath(event.id), lang: lang as LangCode, live: isLiveAt(event.snapshot, deps.now()) });
    return sendPage(reply, h(EventPage, { ctx, detail, banner }));
  });

  app.get('/:id/history', async (request, reply) => {
    const id = idParam(request.params);
    const event = await getEventForEditing(deps.db, id);
    return sendHistory(request, reply, event);
  });

  async function sendHistory(request: FastifyRequest, reply: FastifyReply, event: EditableEvent, notice?: { kind: 'success' | 'error'; text: string }, status = 200) {
    const ctx = adminViewContext(request);
    const revisions = await listEventRevisions(deps.db, event.id);
    const query = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() }).safeParse(request.query);
    const chosen = query.success ? query.data : {};
    // By default, the latest change: the newest revision against the one before it.
    const to = chosen.to ?? revisions[0]?.revision;
    const from = chosen.from ?? revisions.find((r) => to !== undefined && r.revision < to)?.revision;
    const comparison = from !== undefined && to !== undefined && from !== to ? await diffEventRevisions(deps.db, event.id, from, to, ctx.lang) : undefined;
    const names = await listUserNames(deps.db, revisions.map((r) => r.userId).filter((u): u is number => u !== null));
    return sendPage(
      reply,
      h(HistoryPage, {
        ctx,
        title: ctx.t('editing.history.title', { title: event.snapshot.en.title }),
        basePath: eventAdminPath(event.id),
        revisions,
        names,
        currentRevision: event.revision,
        comparison,
        canRestore: can(ctx.user, 'content.edit', { createdBy: event.createdBy, status: event.snapshot.status }),
        zone,
        notice,
      }),
      status,
    );
  }

  app.post('/:id/restore', async (request, reply) => {
    const id = idParam(request.params);
    const body = request.body as Record<string, unknown>;
    const revision = Number(formString(body, 'restore'));
    if (!Number.isInteger(revision) || revision < 1) throw new ValidationError('Choose a revision to restore.');
    try {
      await restoreEventRevision(deps.db, editContext(request), id, revision, revisionOf(request));
      return reply.redirect(`${eventAdminPath(id)}?done=restored`, 303);
    } catch (error) {
      const ctx = adminViewContext(request);
      const text =
        error instanceof WorkflowError ? ctx.t(error.messageKey) : error instanceof StaleEditError ? ctx.t('editing.conflict.stepStale') : undefined;
      if (text === undefined) throw error;
      return sendHistory(request, reply, await getEventForEditing(deps.db, id), { kind: 'error', text }, 409);
    }
  });
};

/** The revision a page was loaded at (hidden field `revision`); undefined when absent. */
function revisionOf(request: FastifyRequest): number | undefined {
  const value = formString(request.body as Record<string, unknown>, 'revision');
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

