/**
 * The admin's pages of one kind of content, mounted by the admin shell at the
 * kind's path (signed-in people only, CSRF-checked), driven by the kind's
 * description. Each route reads its input, calls the kind's editing service,
 * and picks the page and status:
 *
 * - 422 with everything typed kept when the form is refused;
 * - 409 with both versions side by side when someone else saved first;
 * - 303 to the edit page with a message after every change (POST/redirect/GET).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { normalizeText } from '../../../shared/text/normalize.js';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { sendPage, viewContext } from '../../../shared/http/html.js';
import { instantToZonedTime } from '../../../shared/dates/zoned-time.js';
import { adminViewContext, translateFieldErrors, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { assertCan, can, type Action } from '../../auth/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { translationStatus } from '../../i18n/index.js';
import { listProgrammes, listTopics } from '../../taxonomy/index.js';
import type { ContentListNarrowing, ContentSummaryRow, ContentTypeFormValues, ContentTypeInput } from '../content-type.js';
import { isLiveAt, leavesVietnameseDraft, type BaseSnapshot, type Editable } from '../editing.js';
import { changedFields } from '../snapshots.js';
import { clearAutosave, clearItemAutosaves, findAutosave, sameAsSaved, type AutosaveFields } from '../autosaves.js';
import { autosaveRoutes } from './autosave.routes.js';
import type { AutosaveOffer } from './autosave.views.js';
import { PublishBothPage } from './publish-both.views.js';
import { formString } from '../form-fields.js';
import { pick } from '../snapshots.js';
import { StaleEditError } from '../stale-edit-error.js';
import { WorkflowError, type EditContext } from '../workflow.js';
import { ContentEditPage, ContentListPage, DeleteContentPage, itemAdminPath, type ContentAdmin, type ContentEditPageProps } from './content-admin.views.js';
import { HistoryPage } from './history.views.js';
import { doneOf, type ConflictInfo, type Done } from './page-parts.js';
import { idParam, listUserNames, parseListQuery, parseScheduleInput, PreviewBanner, previewQuery, unsavedForm } from './routes-support.js';
import { ConfirmStepPage, type StepReasons } from './confirm.views.js';
import { BULK_ACTIONS, BulkConfirmPage, BulkDonePage, type BulkAction, type BulkChoice } from './bulk.views.js';
import { availableSteps, stepPath, stepPathName, type StepName } from './workflow.views.js';

/** A step asked for again on a page of its own before it is taken. */
interface ConfirmStep {
  step: StepName;
  done: Done;
  /** Who may see its page (the service checks again when it is taken). */
  permission: Action;
  /** Whether the page asks why, in each language, to tell visitors. */
  asksReasons: boolean;
}

const NO_ERRORS: FieldErrors = {};

/** The admin's pages of a kind: list, new, edit, workflow steps, preview, history, restore, delete. */

/** Longest message sent with a request for changes: a few paragraphs. */
const NOTE_MAX_LENGTH = 4000;

/** The message typed with a workflow step (returning to draft asks for one), normalised, or undefined. */
function noteOf(body: unknown): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).message : undefined;
  if (typeof value !== 'string') return undefined;
  const note = normalizeText(value).trim().slice(0, NOTE_MAX_LENGTH);
  return note === '' ? undefined : note;
}
export function contentAdminRoutes<
  S extends BaseSnapshot,
  Input extends ContentTypeInput,
  Values extends ContentTypeFormValues,
  Row extends ContentSummaryRow,
  Extras extends object,
>(kind: ContentAdmin<S, Input, Values, Row, Extras>): FastifyPluginAsync<AppDeps> {
  const { service, form } = kind.type;
  const path = (id: number) => itemAdminPath(kind, id);

  return async (app, deps) => {
    const zone = deps.config.OFFICE_TIME_ZONE;
    autosaveRoutes(app, deps, kind);

    const editContext = (request: FastifyRequest): EditContext => ({ user: request.user!, now: deps.now(), ip: request.ip, note: noteOf(request.body) });

    /** Everything the form needs besides the values. */
    async function formSupport(ctx: AdminViewContext, item: Editable<S> | undefined, values: Values) {
      const [topics, programmes, translation, extras] = await Promise.all([
        listTopics(deps.db, ctx.lang),
        listProgrammes(deps.db, ctx.lang),
        item?.snapshot.vi && item.snapshot.en.title ? translationStatus(deps.db, kind.type.kind, item.id) : Promise.resolve(undefined),
        kind.extras(deps.db, values),
      ]);
      return {
        kind,
        topics,
        programmes,
        translation,
        canPublishTranslation: can(ctx.user, 'content.publish'),
        officeZone: zone,
        extras,
        intents: item ? (kind.saveIntents ?? []).filter((x) => x.offered(item)) : [],
      };
    }

    type EditExtra = Partial<Omit<ContentEditPageProps, 'values'>> & { values?: Values; status?: number };

    /** The edit page of a stored item, with whatever the route adds (values typed, errors, a conflict…). */
    async function sendEditPage(request: FastifyRequest, reply: FastifyReply, item: Editable<S>, extra: EditExtra = {}): Promise<FastifyReply> {
      const ctx = adminViewContext(request);
      const now = deps.now();
      const { status = 200, values = form.fromSnapshot(item.snapshot, item.revision), ...rest } = extra;
      const s = item.snapshot;
      const live = isLiveAt(s, now);
      const props: ContentEditPageProps = {
        ctx,
        action: path(item.id),
        values,
        errors: NO_ERRORS,
        ...(await formSupport(ctx, item, values)),
        item,
        steps: availableSteps(ctx.user, item, now, (kind.extraSteps?.length ?? 0) > 0),
        now,
        schedule: { value: s.publish_at ? localDateTime(s.publish_at) : '' },
        publicLinks: live
          ? { en: kind.publicPath('en', s.slug), vi: kind.publicPath('vi', s.vi?.status === 'published' && s.vi.slug ? s.vi.slug : s.slug) }
          : undefined,
        done: doneOf(request.query),
        autosave: { url: `${path(item.id)}/autosave`, restored: false },
        ...rest,
      };
      return sendPage(reply, h(ContentEditPage, props), status);
    }

    /** Whether what the form edits changed after `revision` (a revision not kept, from before revisions were written, counts as changed). */
    async function contentChangedSince(item: Editable<S>, revision: number): Promise<boolean> {
      if (revision >= item.revision) return false;
      const then = await service.getRevision(deps.db, item.id, revision).catch(() => undefined);
      if (!then) return true;
      return changedFields(pick(then.snapshot, kind.type.contentFields), pick(item.snapshot, kind.type.contentFields)).length > 0;
    }

    /** The account's autosave of the form (an item's, or a new one's) when it holds something not saved, with how to offer it. */
    async function unsavedChanges(request: FastifyRequest, item: Editable<S> | undefined): Promise<{ offer: AutosaveOffer; fields: AutosaveFields; baseRevision: number | null } | undefined> {
      const kept = await findAutosave(deps.db, request.user!.id, kind.type.kind, item ? item.id : 'new', deps.now());
      if (!kept) return undefined;
      const saved = item ? form.fromSnapshot(item.snapshot, item.revision) : form.blank(deps.today(), zone);
      if (sameAsSaved(kept.fields, saved as unknown as AutosaveFields)) return undefined;
      const stale = item && kept.baseRevision !== null && (await contentChangedSince(item, kept.baseRevision));
      const savedSince = stale ? { name: await savedByName(adminViewContext(request), item), at: item.updatedAt } : undefined;
      return { offer: { savedAt: kept.savedAt, savedSince }, fields: kept.fields, baseRevision: kept.baseRevision };
    }

    /**
     * The edit page's part about unsaved changes: the notice offering them
     * back, or with `?autosave=restore` the form filled from them (at the
     * revision they started from, so that a save over someone else's later
     * one shows both versions) and a notice that they are not saved yet.
     */
    async function autosavePart(request: FastifyRequest, item: Editable<S> | undefined): Promise<EditExtra> {
      const url = `${item ? path(item.id) : `${kind.basePath}/new`}/autosave`;
      const found = await unsavedChanges(request, item);
      const restoring = (request.query as Record<string, unknown> | undefined)?.autosave === 'restore';
      if (!restoring) return { autosave: { url, restored: false }, unsaved: found ? { offer: found.offer, restored: false } : undefined };
      if (!found) return { autosave: { url, restored: false }, nothingToRestore: true };
      const values = { ...form.read(found.fields), revision: found.baseRevision === null ? '' : String(found.baseRevision) };
      return { autosave: { url, restored: true }, unsaved: { offer: found.offer, restored: true }, values };
    }

    /** "2026-11-24T09:00" in the office's zone, as a datetime-local input shows it. */
    function localDateTime(instant: string): string {
      const local = instantToZonedTime(instant, zone);
      return local ? `${local.date}T${local.time}` : '';
    }

    /** The list as the address asks, with the bulk bar's choice and why it was refused. */
    async function sendList(request: FastifyRequest, reply: FastifyReply, listQuery: unknown, choice: BulkChoice, problem?: string, status = 200) {
      const query = parseListQuery(listQuery);
      const now = deps.now();
      const narrow: ContentListNarrowing = {};
      if (query.q) narrow.search = query.q;
      if (query.vi !== 'any') narrow.vi = query.vi;
      const { rows, info } = await service.list(deps.db, query.status === 'all' ? undefined : query.status, query.page, now, narrow);
      const ctx = adminViewContext(request);
      const bulk = { topics: await listTopics(deps.db, ctx.lang), choice, problem };
      return sendPage(
        reply,
        h(ContentListPage, { kind, ctx, query, rows, info, now, zone, canCreate: can(ctx.user, 'content.create'), done: doneOf(request.query), bulk }),
        status,
      );
    }

    app.get('/', async (request, reply) => sendList(request, reply, request.query, { ids: [], action: '', topic: '' }));

    /**
     * A change to many items: without `confirmed`, the page naming every item
     * chosen; with it, each item changed through the service on its own
     * (its own revision and audit entry), and a page naming those changed and
     * those refused. A choice missing or unknown shows the list again (422).
     */
    app.post('/bulk', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const choice = readBulkChoice(body);
      const back = listBackHref(formString(body, 'back'));
      const backQuery = Object.fromEntries(new URL(back, 'http://x').searchParams);
      const ctx = adminViewContext(request);
      const topics = await listTopics(deps.db, ctx.lang);
      const refuse = (key: MessageKey) => sendList(request, reply, backQuery, choice, ctx.t(key), 422);
      if (choice.ids.length === 0) return refuse('editing.bulk.noItems');
      if (!(BULK_ACTIONS as readonly string[]).includes(choice.action)) return refuse('editing.bulk.unknownAction');
      const action = choice.action as BulkAction;
      const topic = action === 'add_topic' ? topics.find((x) => String(x.id) === choice.topic) : undefined;
      if (action === 'add_topic' && !topic) return refuse('editing.bulk.unknownTopic');
      const items = await Promise.all(choice.ids.map(async (id) => service.get(deps.db, id).catch(() => undefined)));
      if (formString(body, 'confirmed') !== 'yes') {
        const found = items.filter((x): x is Editable<S> => x !== undefined);
        if (found.length === 0) return refuse('editing.bulk.noItems');
        return sendPage(
          reply,
          h(BulkConfirmPage, {
            ctx,
            title: ctx.t(kind.messages.title),
            action: `${kind.basePath}/bulk`,
            listHref: back,
            choice: { ids: found.map((x) => x.id), action, topic: choice.topic },
            topicName: topic?.name,
            items: found.map((x) => ({ id: x.id, title: x.snapshot.en.title })),
          }),
        );
      }
      const changed: string[] = [];
      const refused: { title: string; reason: string }[] = [];
      for (const [n, id] of choice.ids.entries()) {
        const item = items[n];
        if (!item) {
          refused.push({ title: `#${id}`, reason: ctx.t('editing.bulk.gone') });
          continue;
        }
        try {
          await bulkChange(editContext(request), item, action, topic?.id);
          changed.push(item.snapshot.en.title);
        } catch (error) {
          const reason = bulkRefusal(error);
          if (reason === undefined) throw error;
          refused.push({ title: item.snapshot.en.title, reason: ctx.t(reason) });
        }
      }
      return sendPage(reply, h(BulkDonePage, { ctx, title: ctx.t(kind.messages.title), listHref: back, changed, refused }));
    });

    /** One item's part of a bulk change, through the same service steps as its own page. */
    async function bulkChange(ctx: EditContext, item: Editable<S>, action: BulkAction, topicId: number | undefined): Promise<void> {
      if (action === 'publish') {
        await service.publish(deps.db, ctx, item.id, item.revision);
        return;
      }
      if (action === 'unpublish') {
        await service.unpublish(deps.db, ctx, item.id, item.revision);
        return;
      }
      const values = form.fromSnapshot(item.snapshot, item.revision);
      if (topicId === undefined || values.topics.includes(String(topicId))) return;
      const result = form.validate({ ...values, topics: [...values.topics, String(topicId)] }, zone);
      if (!result.ok) throw new ValidationError('The item does not pass its own form.');
      await service.update(deps.db, ctx, item.id, result.input, item.revision);
    }

    app.get('/new', async (request, reply) => {
      assertCan(request.user, 'content.create');
      const ctx = adminViewContext(request);
      const { values = form.blank(deps.today(), zone), ...part } = await autosavePart(request, undefined);
      return sendNewPage(reply, ctx, values, NO_ERRORS, 200, undefined, { ...part, done: doneOf(request.query) });
    });

    async function sendNewPage(
      reply: FastifyReply,
      ctx: AdminViewContext,
      values: Values,
      errors: FieldErrors,
      status: number,
      problem?: string,
      extra: Partial<ContentEditPageProps> = {},
    ) {
      const props: ContentEditPageProps = {
        ctx,
        problem,
        action: kind.basePath,
        values,
        errors,
        ...(await formSupport(ctx, undefined, values)),
        steps: [],
        now: deps.now(),
        autosave: { url: `${kind.basePath}/new/autosave`, restored: false },
        ...extra,
      };
      return sendPage(reply, h(ContentEditPage, props), status);
    }

    app.post('/', async (request, reply) => {
      assertCan(request.user, 'content.create');
      const ctx = adminViewContext(request);
      const values = form.read(request.body);
      const result = form.validate(values, zone);
      if (!result.ok) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, result.errors as Record<string, string>), 422);
      if (kind.showOnly?.(values)) return sendNewPage(reply, ctx, values, NO_ERRORS, 200);
      try {
        const item = await service.create(deps.db, editContext(request), result.input);
        await clearAutosave(deps.db, request.user!.id, kind.type.kind, 'new');
        return reply.redirect(`${path(item.id)}?done=created`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, error.fields), 422);
        const unsaved = unsavedForm(request, reply, ctx, error);
        if (unsaved) return sendNewPage(reply, ctx, values, NO_ERRORS, unsaved.status, unsaved.problem);
        throw error;
      }
    });

    app.get('/:id', async (request, reply) => {
      const item = await service.get(deps.db, idParam(request.params));
      return sendEditPage(request, reply, item, await autosavePart(request, item));
    });

    app.post('/:id', async (request, reply) => {
      const id = idParam(request.params);
      const current = await service.get(deps.db, id);
      const ctx = adminViewContext(request);
      const values = form.read(request.body);
      const typedIntent = formString(request.body as Record<string, unknown>, 'intent');
      const result = form.validate(values, zone);
      if (!result.ok) {
        return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, result.errors as Record<string, string>), status: 422 });
      }
      if (kind.showOnly?.(values)) return sendEditPage(request, reply, current, { values });
      if (result.revision === null) throw new ValidationError('The form did not say which version it was loaded from; reload the page.');
      try {
        const intent = kind.saveIntents?.find((x) => x.intent === typedIntent);
        const save = intent?.save ?? service.update;
        const saved = await save(deps.db, editContext(request), id, result.input, result.revision);
        await clearAutosave(deps.db, request.user!.id, kind.type.kind, id);
        const done: Done = saved.revision === current.revision ? 'unchanged' : (intent?.done ?? 'saved');
        return reply.redirect(`${path(id)}?done=${done}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, error.fields), status: 422 });
        }
        if (error instanceof StaleEditError) {
          const stored = await service.get(deps.db, id);
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

    /** Who saved the newest version when no account did: a command (the importer…), else the scheduler. */
    async function savedByNoAccount(ctx: AdminViewContext, id: number): Promise<string> {
      const actor = (await service.listRevisions(deps.db, id))[0]?.actor ?? null;
      return actor === null ? ctx.t('editing.history.system') : ctx.t(`editing.history.actor.${actor}`);
    }

    /** Who saved the item's newest version: an account's name, a command's, or the scheduler. */
    async function savedByName(ctx: AdminViewContext, stored: Editable<S>): Promise<string> {
      if (stored.updatedBy === null) return savedByNoAccount(ctx, stored.id);
      return (await listUserNames(deps.db, [stored.updatedBy])).get(stored.updatedBy) ?? ctx.t('editing.history.formerUser');
    }

    /** Both versions of what the form edits, tags named, for the conflict page. */
    async function conflictInfo(ctx: AdminViewContext, stored: Editable<S>, input: Input): Promise<ConflictInfo> {
      const [topics, programmes] = await Promise.all([listTopics(deps.db, ctx.lang), listProgrammes(deps.db, ctx.lang)]);
      const names = (ids: number[], terms: { id: number; name: string }[]) => ids.map((id) => terms.find((x) => x.id === id)?.name ?? `#${id}`);
      const storedContent = pick(stored.snapshot, kind.type.contentFields) as { topics: number[]; programmes: number[] };
      const yours = {
        ...(pick(input as unknown as S, kind.type.contentFields) as { topics: number[]; programmes: number[] }),
        slug: input.slug ?? '',
        vi: input.vi ? { ...input.vi, slug: input.vi.slug ?? '', status: input.vi.status ?? stored.snapshot.vi?.status ?? 'draft' } : null,
      };
      const named = (c: { topics: number[]; programmes: number[] }) => ({ ...c, topics: names(c.topics, topics), programmes: names(c.programmes, programmes) });
      const savedBy = await savedByName(ctx, stored);
      return { stored: named(storedContent), yours: named(yours), fieldOrder: kind.type.fieldOrder, savedBy, savedAt: stored.updatedAt };
    }

    /** A workflow step: taken, then back to the edit page; refused steps explain why on the same page. */
    function stepRoute(stepPath: string, step: StepName, done: Done, run: (ctx: EditContext, id: number, revision: number | undefined) => Promise<unknown>) {
      app.post(stepPath, async (request, reply) => {
        const id = idParam(request.params);
        const revision = revisionOf(request);
        try {
          await run(editContext(request), id, revision);
          return reply.redirect(`${path(id)}?done=${done}`, 303);
        } catch (error) {
          return stepFailed(request, reply, id, error, step);
        }
      });
    }

    async function stepFailed(request: FastifyRequest, reply: FastifyReply, id: number, error: unknown, step: StepName, typed?: string) {
      const ctx = adminViewContext(request);
      if (error instanceof WorkflowError) {
        return sendEditPage(request, reply, await service.get(deps.db, id), { problem: ctx.t(error.messageKey), status: 409 });
      }
      if (error instanceof StaleEditError) {
        return sendEditPage(request, reply, await service.get(deps.db, id), { problem: ctx.t('editing.conflict.stepStale'), status: 409 });
      }
      if (error instanceof ValidationError && step === 'schedule') {
        const message = translateFieldErrors(ctx.t, error.fields).publish_at;
        return sendEditPage(request, reply, await service.get(deps.db, id), { schedule: { value: typed ?? '', error: message }, status: 422 });
      }
      throw error;
    }

    stepRoute('/:id/submit', 'submit', 'submitted', (c, id, r) => service.submit(deps.db, c, id, r));
    stepRoute('/:id/return', 'return_to_draft', 'returned', (c, id, r) => service.returnToDraft(deps.db, c, id, r));

    /**
     * Publishing now: when the Vietnamese text is filled in but a draft, and
     * the form did not say what to do with it (`vietnamese`), the page asking
     * first; `both` publishes it too, `english` leaves it a draft.
     */
    app.post('/:id/publish', async (request, reply) => {
      const id = idParam(request.params);
      const choice = vietnameseChoice(request.body);
      try {
        if (choice === undefined && (await askedAboutVietnamese(request, reply, id))) return reply;
        await service.publish(deps.db, editContext(request), id, revisionOf(request), { withVietnamese: choice === 'both' });
        return reply.redirect(`${path(id)}?done=published`, 303);
      } catch (error) {
        return stepFailed(request, reply, id, error, 'publish');
      }
    });

    /** Sends the page asking whether to publish the Vietnamese text too when the item would leave it a draft; false when there is nothing to ask. */
    async function askedAboutVietnamese(request: FastifyRequest, reply: FastifyReply, id: number, schedule?: { typed: string; at: Date }): Promise<boolean> {
      const item = await service.get(deps.db, id);
      const now = deps.now();
      if (!leavesVietnameseDraft(item.snapshot, now) || !can(request.user!, 'content.publish', { createdBy: item.createdBy, status: item.snapshot.status })) return false;
      // A time already past is refused by the step itself, with its message on the edit page.
      if (schedule && schedule.at.getTime() <= now.getTime()) return false;
      const revision = formString(request.body as Record<string, unknown>, 'revision');
      sendPage(reply, h(PublishBothPage, { kind, ctx: adminViewContext(request), item, revision, schedule, zone }));
      return true;
    }

    async function sendConfirmPage(request: FastifyRequest, reply: FastifyReply, item: Editable<S>, confirm: ConfirmStep, typed: StepReasons, errors: FieldErrors, status: number) {
      const ctx = adminViewContext(request);
      const labels = { reason_en: ctx.t('editing.confirm.reasonEn'), reason_vi: ctx.t('editing.confirm.reasonVi') };
      return sendPage(reply, h(ConfirmStepPage, { kind, ctx, item, step: confirm.step, asksReasons: confirm.asksReasons, typed, errors, labels }), status);
    }

    /**
     * A step taken only from its confirmation page (GET `/:id/<step>`): what it
     * will do, and for a step visitors are told of, why, in each language. A
     * POST without the page's `confirmed` field (a bare button, an old form)
     * goes to the page and changes nothing.
     */
    function confirmedStepRoute(confirm: ConfirmStep, run: (ctx: EditContext, id: number, reasons: StepReasons, revision: number | undefined) => Promise<unknown>) {
      const stepAddress = (id: number) => stepPath(path(id), confirm.step);
      app.get(`/:id/${stepPathName(confirm.step)}`, async (request, reply) => {
        const item = await service.get(deps.db, idParam(request.params));
        assertCan(request.user, confirm.permission, { createdBy: item.createdBy, status: item.snapshot.status });
        return sendConfirmPage(request, reply, item, confirm, { en: '', vi: '' }, NO_ERRORS, 200);
      });
      app.post(`/:id/${stepPathName(confirm.step)}`, async (request, reply) => {
        const id = idParam(request.params);
        const body = request.body as Record<string, unknown>;
        if (formString(body, 'confirmed') !== 'yes') return reply.redirect(stepAddress(id), 303);
        const reasons = { en: formString(body, 'reason_en'), vi: formString(body, 'reason_vi') };
        try {
          await run(editContext(request), id, reasons, revisionOf(request));
          return reply.redirect(`${path(id)}?done=${confirm.done}`, 303);
        } catch (error) {
          if (error instanceof ValidationError && error.fields && confirm.asksReasons) {
            const ctx = adminViewContext(request);
            return sendConfirmPage(request, reply, await service.get(deps.db, id), confirm, reasons, translateFieldErrors(ctx.t, error.fields), 422);
          }
          return stepFailed(request, reply, id, error, confirm.step);
        }
      });
    }

    confirmedStepRoute({ step: 'unpublish', done: 'unpublished', permission: 'content.publish', asksReasons: false }, (c, id, _reasons, r) =>
      service.unpublish(deps.db, c, id, r),
    );
    for (const extra of kind.extraSteps ?? []) {
      confirmedStepRoute({ step: extra.step, done: extra.done, permission: 'content.edit', asksReasons: true }, (c, id, reasons, r) => extra.run(deps.db, c, id, reasons, r));
    }

    app.post('/:id/schedule', async (request, reply) => {
      const id = idParam(request.params);
      const typed = formString(request.body as Record<string, unknown>, 'publish_at');
      try {
        const at = parseScheduleInput(typed, zone);
        const choice = vietnameseChoice(request.body);
        if (choice === undefined && (await askedAboutVietnamese(request, reply, id, { typed, at }))) return reply;
        await service.schedule(deps.db, editContext(request), id, at, revisionOf(request), { withVietnamese: choice === 'both' });
        return reply.redirect(`${path(id)}?done=scheduled`, 303);
      } catch (error) {
        return stepFailed(request, reply, id, error, 'schedule', typed);
      }
    });

    app.get('/:id/delete', async (request, reply) => {
      const item = await service.get(deps.db, idParam(request.params));
      assertCan(request.user, 'content.delete', { createdBy: item.createdBy, status: item.snapshot.status });
      return sendPage(reply, h(DeleteContentPage, { kind, ctx: adminViewContext(request), item }));
    });

    app.post('/:id/delete', async (request, reply) => {
      const id = idParam(request.params);
      try {
        await service.delete(deps.db, editContext(request), id, revisionOf(request));
        await clearItemAutosaves(deps.db, kind.type.kind, id);
        return reply.redirect(`${kind.basePath}?done=deleted`, 303);
      } catch (error) {
        return stepFailed(request, reply, id, error, 'delete');
      }
    });

    app.get('/:id/preview', async (request, reply) => {
      const item = await service.get(deps.db, idParam(request.params));
      const { lang } = previewQuery(request.query);
      const admin = adminViewContext(request);
      const banner = h(PreviewBanner, { ctx: admin, editHref: path(item.id), lang, live: isLiveAt(item.snapshot, deps.now()) });
      const page = await kind.preview(deps.db, item, lang, viewContext(request, lang), banner);
      reply.header('x-robots-tag', 'noindex');
      return sendPage(reply, page);
    });

    app.get('/:id/history', async (request, reply) => {
      const item = await service.get(deps.db, idParam(request.params));
      return sendHistory(request, reply, item);
    });

    async function sendHistory(request: FastifyRequest, reply: FastifyReply, item: Editable<S>, notice?: { kind: 'success' | 'error'; text: string }, status = 200) {
      const ctx = adminViewContext(request);
      const revisions = await service.listRevisions(deps.db, item.id);
      const query = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() }).safeParse(request.query);
      const chosen = query.success ? query.data : {};
      // By default, the latest change: the newest revision against the one before it.
      const to = chosen.to ?? revisions[0]?.revision;
      const from = chosen.from ?? revisions.find((r) => to !== undefined && r.revision < to)?.revision;
      const comparison = from !== undefined && to !== undefined && from !== to ? await service.diffRevisions(deps.db, item.id, from, to, ctx.lang) : undefined;
      const names = await listUserNames(deps.db, revisions.map((r) => r.userId).filter((u): u is number => u !== null));
      return sendPage(
        reply,
        h(HistoryPage, {
          ctx,
          title: ctx.t('editing.history.title', { title: item.snapshot.en.title }),
          basePath: path(item.id),
          revisions,
          names,
          currentRevision: item.revision,
          comparison,
          canRestore: can(ctx.user, 'content.edit', { createdBy: item.createdBy, status: item.snapshot.status }),
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
        await service.restore(deps.db, editContext(request), id, revision, revisionOf(request));
        return reply.redirect(`${path(id)}?done=restored`, 303);
      } catch (error) {
        const ctx = adminViewContext(request);
        const text =
          error instanceof WorkflowError ? ctx.t(error.messageKey) : error instanceof StaleEditError ? ctx.t('editing.conflict.stepStale') : undefined;
        if (text === undefined) throw error;
        return sendHistory(request, reply, await service.get(deps.db, id), { kind: 'error', text }, 409);
      }
    });
  };
}

/** The revision a page was loaded at (hidden field `revision`); undefined when absent. */
function revisionOf(request: FastifyRequest): number | undefined {
  const value = formString(request.body as Record<string, unknown>, 'revision');
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

/** What the question about the Vietnamese text was answered with: `both`, `english`, or undefined when it was not asked. */
function vietnameseChoice(body: unknown): 'both' | 'english' | undefined {
  const value = formString(body as Record<string, unknown>, 'vietnamese');
  return value === 'both' || value === 'english' ? value : undefined;
}

/** The items, action and topic chosen on a list (ids as whole numbers, at most a page's worth twice over). */
function readBulkChoice(body: Record<string, unknown>): BulkChoice {
  const raw = body.ids;
  const typed = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
  const ids = [...new Set(typed.filter((x) => /^[1-9]\d{0,9}$/.test(x)).map(Number))].slice(0, 100);
  return { ids, action: formString(body, 'action'), topic: formString(body, 'topic') };
}

/** The list address a bulk form came from, if it is one of the admin's own; else the admin. */
function listBackHref(value: string): string {
  return /^\/admin\/[a-z-]+(\?[^\s]*)?$/.test(value) ? value : '/admin';
}

/** Why one item of a bulk change was refused, as a message; undefined for a failure that is no one item's. */
function bulkRefusal(error: unknown): MessageKey | undefined {
  if (error instanceof ForbiddenError) return 'editing.bulk.notAllowed';
  if (error instanceof WorkflowError) return error.messageKey;
  if (error instanceof StaleEditError) return 'editing.bulk.stale';
  if (error instanceof NotFoundError) return 'editing.bulk.gone';
  if (error instanceof ValidationError) return 'editing.bulk.invalid';
  return undefined;
}
