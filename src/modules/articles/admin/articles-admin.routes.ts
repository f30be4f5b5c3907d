/**
 * The admin's article pages, mounted by the admin shell at /admin/articles
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
import { articlePath } from '../../../shared/http/paths.js';
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
import { loadImageChoices } from '../../media/index.js';
import {
  createArticle,
  deleteArticle,
  diffArticleRevisions,
  ARTICLE_CONTENT_FIELDS,
  ARTICLE_FIELD_ORDER,
  getArticleForEditing,
  listArticleRevisions,
  listArticlesForEditing,
  publishArticle,
  restoreArticleRevision,
  returnArticleToDraft,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
  updateArticle,
  type EditableArticle,
} from '../articles.editing.js';
import { articleFormValues, newArticleFormValues, readArticleForm, validateArticleForm, type ArticleFormValues, type ArticleInput } from '../articles.schemas.js';
import { findArticleById } from '../articles.repository.js';
import { articleDetail } from '../articles.service.js';
import { ArticlePage } from '../articles.views.js';
import {
  DeleteArticlePage,
  ARTICLES_ADMIN_PATH,
  ArticleEditPage,
  ArticlesListPage,
  articleAdminPath,
  type ArticleEditPageProps,
} from './articles-admin.views.js';

const NO_ERRORS: FieldErrors = {};

/** The admin's article pages: list, new, edit, workflow steps, preview, history, restore, delete. */
export const articlesAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const zone = deps.config.OFFICE_TIME_ZONE;

  const editContext = (request: FastifyRequest): EditContext => ({ user: request.user!, now: deps.now(), ip: request.ip });

  /** The library images offered as the hero: the newest, and the one chosen in `values` (typed or stored) even when older. */
  async function heroChoicesFor(values: ArticleFormValues) {
    const chosen = /^[1-9]\d{0,9}$/.test(values.hero_media_id) ? Number(values.hero_media_id) : null;
    return loadImageChoices(deps.db, chosen);
  }

  /** Everything the form needs besides the values. */
  async function formSupport(ctx: AdminViewContext, article: EditableArticle | undefined) {
    const [topics, programmes, translation] = await Promise.all([
      listTopics(deps.db, ctx.lang),
      listProgrammes(deps.db, ctx.lang),
      article?.snapshot.vi && article.snapshot.en.title ? translationStatus(deps.db, 'article', article.id) : Promise.resolve(undefined),
    ]);
    return {
      topics,
      programmes,
      translation,
      canPublishTranslation: can(ctx.user, 'content.publish'),
      officeZone: zone,
    };
  }

  /** The edit page of a stored article, with whatever the route adds (values typed, errors, a conflict…). */
  async function sendEditPage(
    request: FastifyRequest,
    reply: FastifyReply,
    article: EditableArticle,
    extra: Partial<ArticleEditPageProps> & { status?: number } = {},
  ): Promise<FastifyReply> {
    const ctx = adminViewContext(request);
    const now = deps.now();
    const { status = 200, ...rest } = extra;
    const s = article.snapshot;
    const live = isLiveAt(s, now);
    const props: ArticleEditPageProps = {
      ctx,
      action: articleAdminPath(article.id),
      values: articleFormValues(s, article.revision),
      errors: NO_ERRORS,
      ...(await formSupport(ctx, article)),
      article,
      steps: availableSteps(ctx.user, article, now, false),
      now,
      schedule: { value: s.publish_at ? localDateTime(s.publish_at) : '' },
      publicLinks: live ? { en: articlePath('en', s.slug), vi: articlePath('vi', s.vi?.status === 'published' && s.vi.slug ? s.vi.slug : s.slug) } : undefined,
      done: doneOf(request.query),
      heroChoices: [],
      ...rest,
    };
    props.heroChoices = await heroChoicesFor(props.values);
    return sendPage(reply, h(ArticleEditPage, props), status);
  }

  /** "2026-11-24T09:00" in the office's zone, as a datetime-local input shows it. */
  function localDateTime(instant: string): string {
    const local = instantToZonedTime(instant, zone);
    return local ? `${local.date}T${local.time}` : '';
  }

  app.get('/', async (request, reply) => {
    const { status, page } = parseListQuery(request.query);
    const now = deps.now();
    const { rows, info } = await listArticlesForEditing(deps.db, status === 'all' ? undefined : status, page, now);
    const ctx = adminViewContext(request);
    return sendPage(
      reply,
      h(ArticlesListPage, { ctx, filter: status, rows, info, now, zone, canCreate: can(ctx.user, 'content.create'), done: doneOf(request.query) }),
    );
  });

  app.get('/new', async (request, reply) => {
    assertCan(request.user, 'content.create');
    const ctx = adminViewContext(request);
    return sendNewPage(reply, ctx, newArticleFormValues(deps.today()), NO_ERRORS, 200);
  });

  async function sendNewPage(reply: FastifyReply, ctx: AdminViewContext, values: ArticleFormValues, errors: FieldErrors, status: number, problem?: string) {
    const props: ArticleEditPageProps = {
      ctx,
      problem,
      action: ARTICLES_ADMIN_PATH,
      values,
      errors,
      ...(await formSupport(ctx, undefined)),
      steps: [],
      now: deps.now(),
      heroChoices: await heroChoicesFor(values),
    };
    return sendPage(reply, h(ArticleEditPage, props), status);
  }

  app.post('/', async (request, reply) => {
    assertCan(request.user, 'content.create');
    const ctx = adminViewContext(request);
    const values = readArticleForm(request.body);
    const result = validateArticleForm(values);
    if (!result.ok) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, result.errors as Record<string, string>), 422);
    try {
      const article = await createArticle(deps.db, editContext(request), result.input);
      return reply.redirect(`${articleAdminPath(article.id)}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return sendNewPage(reply, ctx, values, translateFieldErrors(ctx.t, error.fields), 422);
      const unsaved = unsavedForm(request, reply, ctx, error);
      if (unsaved) return sendNewPage(reply, ctx, values, NO_ERRORS, unsaved.status, unsaved.problem);
      throw error;
    }
  });

  app.get('/:id', async (request, reply) => {
    const article = await getArticleForEditing(deps.db, idParam(request.params));
    return sendEditPage(request, reply, article);
  });

  app.post('/:id', async (request, reply) => {
    const id = idParam(request.params);
    const current = await getArticleForEditing(deps.db, id);
    const ctx = adminViewContext(request);
    const values = readArticleForm(request.body);
    const result = validateArticleForm(values);
    if (!result.ok) {
      return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, result.errors as Record<string, string>), status: 422 });
    }
    if (result.revision === null) throw new ValidationError('The form did not say which version it was loaded from; reload the page.');
    try {
      const saved = await updateArticle(deps.db, editContext(request), id, result.input, result.revision);
      const done: Done = saved.revision === current.revision ? 'unchanged' : 'saved';
      return reply.redirect(`${articleAdminPath(id)}?done=${done}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        return sendEditPage(request, reply, current, { values, errors: translateFieldErrors(ctx.t, error.fields), status: 422 });
      }
      if (error instanceof StaleEditError) {
        const stored = await getArticleForEditing(deps.db, id);
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
  async function conflictInfo(ctx: AdminViewContext, stored: EditableArticle, input: ArticleInput): Promise<ConflictInfo> {
    const [topics, programmes] = await Promise.all([listTopics(deps.db, ctx.lang), listProgrammes(deps.db, ctx.lang)]);
    const names = (ids: number[], terms: { id: number; name: string }[]) => ids.map((id) => terms.find((x) => x.id === id)?.name ?? `#${id}`);
    const storedContent = pick(stored.snapshot, ARTICLE_CONTENT_FIELDS);
    const yours = {
      ...pick(input, ARTICLE_CONTENT_FIELDS),
      slug: input.slug ?? '',
      vi: input.vi ? { ...input.vi, slug: input.vi.slug ?? '', status: input.vi.status ?? stored.snapshot.vi?.status ?? 'draft' } : null,
    };
    const named = (c: { topics: number[]; programmes: number[] }) => ({ ...c, topics: names(c.topics, topics), programmes: names(c.programmes, programmes) });
    const savedBy = stored.updatedBy === null ? ctx.t('editing.history.system') : ((await listUserNames(deps.db, [stored.updatedBy])).get(stored.updatedBy) ?? ctx.t('editing.history.formerUser'));
    return { stored: named(storedContent), yours: named(yours), fieldOrder: ARTICLE_FIELD_ORDER, savedBy, savedAt: stored.updatedAt };
  }

  /** A workflow step: taken, then back to the edit page; refused steps explain why on the same page. */
  function stepRoute(path: string, step: StepName, done: Done, run: (ctx: EditContext, id: number, revision: number | undefined) => Promise<unknown>) {
    app.post(path, async (request, reply) => {
      const id = idParam(request.params);
      const revision = revisionOf(request);
      try {
        await run(editContext(request), id, revision);
        return reply.redirect(`${articleAdminPath(id)}?done=${done}`, 303);
      } catch (error) {
        return stepFailed(request, reply, id, error, step);
      }
    });
  }

  async function stepFailed(request: FastifyRequest, reply: FastifyReply, id: number, error: unknown, step: StepName, typed?: string) {
    const ctx = adminViewContext(request);
    if (error instanceof WorkflowError) {
      return sendEditPage(request, reply, await getArticleForEditing(deps.db, id), { problem: ctx.t(error.messageKey), status: 409 });
    }
    if (error instanceof StaleEditError) {
      return sendEditPage(request, reply, await getArticleForEditing(deps.db, id), { problem: ctx.t('editing.conflict.stepStale'), status: 409 });
    }
    if (error instanceof ValidationError && step === 'schedule') {
      const message = translateFieldErrors(ctx.t, error.fields).publish_at;
      return sendEditPage(request, reply, await getArticleForEditing(deps.db, id), { schedule: { value: typed ?? '', error: message }, status: 422 });
    }
    throw error;
  }

  stepRoute('/:id/submit', 'submit', 'submitted', (c, id, r) => submitArticle(deps.db, c, id, r));
  stepRoute('/:id/return', 'return_to_draft', 'returned', (c, id, r) => returnArticleToDraft(deps.db, c, id, r));
  stepRoute('/:id/publish', 'publish', 'published', (c, id, r) => publishArticle(deps.db, c, id, r));
  stepRoute('/:id/unpublish', 'unpublish', 'unpublished', (c, id, r) => unpublishArticle(deps.db, c, id, r));

  app.post('/:id/schedule', async (request, reply) => {
    const id = idParam(request.params);
    const typed = formString(request.body as Record<string, unknown>, 'publish_at');
    try {
      const at = parseScheduleInput(typed, zone);
      await scheduleArticle(deps.db, editContext(request), id, at, revisionOf(request));
      return reply.redirect(`${articleAdminPath(id)}?done=scheduled`, 303);
    } catch (error) {
      return stepFailed(request, reply, id, error, 'schedule', typed);
    }
  });

  app.get('/:id/delete', async (request, reply) => {
    const article = await getArticleForEditing(deps.db, idParam(request.params));
    assertCan(request.user, 'content.delete', { createdBy: article.createdBy, status: article.snapshot.status });
    return sendPage(reply, h(DeleteArticlePage, { ctx: adminViewContext(request), article }));
  });

  app.post('/:id/delete', async (request, reply) => {
    const id = idParam(request.params);
    try {
      await deleteArticle(deps.db, editContext(request), id, revisionOf(request));
      return reply.redirect(`${ARTICLES_ADMIN_PATH}?done=deleted`, 303);
    } catch (error) {
      return stepFailed(request, reply, id, error, 'delete');
    }
  });

  app.get('/:id/preview', async (request, reply) => {
    const article = await getArticleForEditing(deps.db, idParam(request.params));
    const { lang } = previewQuery(request.query);
    const row = await findArticleById(deps.db, article.id);
    if (!row) throw new NotFoundError();
    const detail = await articleDetail(deps.db, row, lang, { draftText: true });
    const admin = adminViewContext(request);
    const ctx = viewContext(request, lang);
    reply.header('x-robots-tag', 'noindex');
    const banner = h(PreviewBanner, { ctx: admin, editHref: articleAdminPath(article.id), lang: lang as LangCode, live: isLiveAt(article.snapshot, deps.now()) });
    return sendPage(reply, h(ArticlePage, { ctx, detail, banner }));
  });

  app.get('/:id/history', async (request, reply) => {
    const id = idParam(request.params);
    const article = await getArticleForEditing(deps.db, id);
    return sendHistory(request, reply, article);
  });

  async function sendHistory(request: FastifyRequest, reply: FastifyReply, article: EditableArticle, notice?: { kind: 'success' | 'error'; text: string }, status = 200) {
    const ctx = adminViewContext(request);
    const revisions = await listArticleRevisions(deps.db, article.id);
    const query = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() }).safeParse(request.query);
    const chosen = query.success ? query.data : {};
    // By default, the latest change: the newest revision against the one before it.
    const to = chosen.to ?? revisions[0]?.revision;
    const from = chosen.from ?? revisions.find((r) => to !== undefined && r.revision < to)?.revision;
    const comparison = from !== undefined && to !== undefined && from !== to ? await diffArticleRevisions(deps.db, article.id, from, to, ctx.lang) : undefined;
    const names = await listUserNames(deps.db, revisions.map((r) => r.userId).filter((u): u is number => u !== null));
    return sendPage(
      reply,
      h(HistoryPage, {
        ctx,
        title: ctx.t('editing.history.title', { title: article.snapshot.en.title }),
        basePath: articleAdminPath(article.id),
        revisions,
        names,
        currentRevision: article.revision,
        comparison,
        canRestore: can(ctx.user, 'content.edit', { createdBy: article.createdBy, status: article.snapshot.status }),
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
      await restoreArticleRevision(deps.db, editContext(request), id, revision, revisionOf(request));
      return reply.redirect(`${articleAdminPath(id)}?done=restored`, 303);
    } catch (error) {
      const ctx = adminViewContext(request);
      const text =
        error instanceof WorkflowError ? ctx.t(error.messageKey) : error instanceof StaleEditError ? ctx.t('editing.conflict.stepStale') : undefined;
      if (text === undefined) throw error;
      return sendHistory(request, reply, await getArticleForEditing(deps.db, id), { kind: 'error', text }, 409);
    }
  });
};

/** The revision a page was loaded at (hidden field `revision`); undefined when absent. */
function revisionOf(request: FastifyRequest): number | undefined {
  const value = formString(request.body as Record<string, unknown>, 'revision');
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

