/**
 * The media library in the admin (/admin/media): browsing and searching,
 * uploading, alt text and credit, deleting what is unused, and the documents
 * attached to an event. Mounted by the admin shell, so every route here is
 * behind the session and CSRF checks.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/http/html.js';
import { parseQuery } from '../../../shared/http/query.js';
import { adminViewContext, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { assertCan, can, type AdminUser } from '../../auth/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { MediaInputError, issueText, parseAttachmentLabels, type MediaIssue } from '../media.schemas.js';
import {
  attachDocument,
  deleteMedia,
  detachDocument,
  getEventForAttachments,
  getMedia,
  getMediaUsage,
  listDocumentChoices,
  listEventAttachments,
  listMediaPage,
  loadPicture,
  loadPictures,
  moveAttachment,
  relabelAttachment,
  updateMediaDetails,
  uploadMedia,
  type MediaActor,
  type MediaUsage,
} from '../media.service.js';
import {
  AttachmentsPage,
  detailsValues,
  eventAttachmentsPath,
  LibraryPage,
  MediaItemPage,
  mediaItemPath,
  UploadPage,
  type AttachmentFormValues,
  type DetailsFormValues,
  type LibraryFilter,
} from './media-admin.views.js';
import { readUploadForm, registerUploadParsing, type UploadForm } from './upload-form.js';

const libraryQuery = z.object({
  q: z.string().max(200, { message: 'The search is too long.' }).optional().default(''),
  kind: z.enum(['', 'image', 'document']).catch('').default(''),
  page: z.coerce
    .number({ message: 'page must be a number' })
    .int({ message: 'page must be a whole number' })
    .min(1, { message: 'page must be 1 or more' })
    .max(100000, { message: 'page is too large' })
    .default(1),
  deleted: z.string().optional(),
});

/** Notices shown after a redirect, named in the query string (`?notice=saved`). */
const NOTICES = {
  uploaded: 'media.notice.uploaded',
  existing: 'media.notice.existing',
  saved: 'media.notice.saved',
  deleted: 'media.notice.deleted',
  attached: 'media.notice.attached',
  detached: 'media.notice.detached',
  labels: 'media.notice.labelsSaved',
  moved: 'media.notice.moved',
} as const satisfies Record<string, MessageKey>;
type NoticeName = keyof typeof NOTICES;

function noticeText(ctx: AdminViewContext, query: unknown): string | undefined {
  const name = (query as { notice?: unknown } | undefined)?.notice;
  return typeof name === 'string' && name in NOTICES ? ctx.t(NOTICES[name as NoticeName]) : undefined;
}

/** An id in a path: a positive whole number, else the page does not exist. */
function pathId(value: unknown): number {
  const id = typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError();
  return id;
}

/** A "back" link given to the attachments page: only a plain path inside the admin. */
function safeBack(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 300 && /^\/admin\/[A-Za-z0-9_\-/]*$/.test(value) && !value.includes('//') ? value : undefined;
}

function user(request: FastifyRequest): AdminUser {
  // The admin shell sends anyone not signed in away before a feature route runs.
  return request.user as AdminUser;
}

/**
 * Whether someone may change an item's alt text and credit: whoever may edit
 * every article and event that uses it. Editors and admins always may; a
 * contributor only while it is unused or used by their own drafts alone, since
 * on anything published, scheduled, in review or someone else's the change
 * would reach the public with nobody reviewing it.
 */
function mayDescribe(who: AdminUser, usage: MediaUsage): boolean {
  if (!can(who, 'media.upload')) return false;
  return [...usage.articles, ...usage.events].every((item) => can(who, 'content.edit', { createdBy: item.createdBy, status: item.status }));
}

function actor(request: FastifyRequest): MediaActor {
  return { userId: user(request).id, ip: request.ip };
}

/** Issues of the media service as texts for the form, in the reader's language. */
function issueErrors(ctx: AdminViewContext, issues: Readonly<Record<string, MediaIssue>>): FieldErrors {
  return Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, issueText(issue, ctx.lang)]));
}

function text(fields: Record<string, string>, name: string): string {
  return fields[name] ?? '';
}

function typedDetails(fields: Record<string, string>): DetailsFormValues {
  return { altEn: text(fields, 'altEn'), altVi: text(fields, 'altVi'), credit: text(fields, 'credit') };
}

function typedLabels(fields: Record<string, string>): AttachmentFormValues {
  return { labelEn: text(fields, 'labelEn'), labelVi: text(fields, 'labelVi'), mediaId: text(fields, 'mediaId') };
}

/** A urlencoded body as strings (the shell has parsed it; anything else counts as empty). */
function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') out[name] = value;
  }
  return out;
}

async function readUpload(request: FastifyRequest): Promise<UploadForm> {
  // A form sent without its multipart encoding has no file to read.
  return request.isMultipart() ? readUploadForm(request) : { fields: formFields(request.body), file: undefined };
}

export const mediaAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await registerUploadParsing(app, deps.config.MEDIA_MAX_BYTES);

  // The library.
  app.get('/', async (request, reply) => {
    assertCan(user(request), 'media.upload');
    const query = parseQuery(libraryQuery, request.query);
    const filter: LibraryFilter = { q: query.q.trim(), kind: query.kind };
    const ctx = adminViewContext(request);
    const listing = await listMediaPage(deps.db, { search: filter.q, kind: filter.kind || undefined }, query.page);
    const pictures = await loadPictures(deps.db, listing.rows.map((r) => r.id));
    return sendPage(reply, h(LibraryPage, { ctx, listing, filter, pictures, notice: noticeText(ctx, request.query) }));
  });

  app.get('/new', async (request, reply) => {
    assertCan(user(request), 'media.upload');
    const ctx = adminViewContext(request);
    return sendPage(reply, h(UploadPage, { ctx, values: { altEn: '', altVi: '', credit: '' }, errors: {}, maxBytes: deps.config.MEDIA_MAX_BYTES }));
  });

  app.post('/', async (request, reply) => {
    assertCan(user(request), 'media.upload');
    const form = await readUpload(request);
    const values = typedDetails(form.fields);
    try {
      const result = await uploadMedia(deps, {
        data: form.file?.data ?? Buffer.alloc(0),
        truncated: form.file?.truncated ?? false,
        originalName: form.file?.filename ?? '',
        ...values,
        accept: 'any',
        ...actor(request),
      });
      return reply.redirect(`${mediaItemPath(result.media.id)}?notice=${result.existing ? 'existing' : 'uploaded'}`, 303);
    } catch (error) {
      if (!(error instanceof MediaInputError)) throw error;
      const ctx = adminViewContext(request);
      return sendPage(reply, h(UploadPage, { ctx, values, errors: issueErrors(ctx, error.issues), maxBytes: deps.config.MEDIA_MAX_BYTES }), 422);
    }
  });

  // One item.
  async function showItem(
    request: FastifyRequest,
    id: number,
    state: { values?: DetailsFormValues; errors?: FieldErrors; problem?: string; notice?: string | undefined } = {},
  ) {
    const ctx = adminViewContext(request);
    const media = await getMedia(deps.db, id);
    const [picture, usage] = await Promise.all([loadPicture(deps.db, id), getMediaUsage(deps.db, id)]);
    const canEdit = mayDescribe(user(request), usage);
    return h(MediaItemPage, {
      ctx,
      media,
      picture,
      usage,
      values: state.values ?? detailsValues(media),
      errors: state.errors ?? {},
      notice: state.notice,
      problem: state.problem,
      canDelete: can(user(request), 'media.delete'),
      canEdit,
    });
  }

  app.get('/:id', async (request, reply) => {
    assertCan(user(request), 'media.upload');
    const id = pathId((request.params as { id: string }).id);
    const ctx = adminViewContext(request);
    return sendPage(reply, await showItem(request, id, { notice: noticeText(ctx, request.query) }));
  });

  app.post('/:id', async (request, reply) => {
    assertCan(user(request), 'media.upload');
    const id = pathId((request.params as { id: string }).id);
    const values = typedDetails(formFields(request.body));
    if (!mayDescribe(user(request), await getMediaUsage(deps.db, id))) {
      // Refused, with the reason and what was typed shown so it can be passed to an editor.
      const ctx = adminViewContext(request);
      return sendPage(reply, await showItem(request, id, { values, problem: ctx.t('media.edit.refused') }), 403);
    }
    try {
      await updateMediaDetails(deps, id, values, actor(request));
      return reply.redirect(`${mediaItemPath(id)}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof MediaInputError)) throw error;
      const ctx = adminViewContext(request);
      return sendPage(reply, await showItem(request, id, { values, errors: issueErrors(ctx, error.issues) }), 422);
    }
  });

  app.post('/:id/delete', async (request, reply) => {
    assertCan(user(request), 'media.delete');
    const id = pathId((request.params as { id: string }).id);
    try {
      await deleteMedia(deps, id, actor(request));
      return reply.redirect('/admin/media?notice=deleted', 303);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const ctx = adminViewContext(request);
      return sendPage(reply, await showItem(request, id, { problem: ctx.t('media.delete.refused') }), 409);
    }
  });

  // An event's documents.
  async function eventFor(request: FastifyRequest) {
    const eventId = pathId((request.params as { eventId: string }).eventId);
    const event = await getEventForAttachments(deps.db, eventId);
    // Attaching documents is editing the event: a contributor may do it to their own drafts only.
    assertCan(user(request), 'content.edit', { createdBy: event.created_by, status: event.status });
    return event;
  }

  async function attachmentsPage(
    request: FastifyRequest,
    event: { id: number; title: string },
    state: Pick<Parameters<typeof AttachmentsPage>[0], 'form' | 'labelErrors' | 'problem' | 'notice'> = {},
  ) {
    const ctx = adminViewContext(request);
    const [attachments, documents] = await Promise.all([listEventAttachments(deps.db, event.id), listDocumentChoices(deps.db)]);
    return h(AttachmentsPage, {
      ctx,
      event,
      attachments,
      documents,
      ...state,
      canUpload: can(user(request), 'media.upload'),
      maxBytes: deps.config.MEDIA_MAX_BYTES,
      back: safeBack((request.query as { back?: unknown } | undefined)?.back),
    });
  }

  function backTo(request: FastifyRequest, eventId: number, notice: NoticeName): string {
    const back = safeBack((request.query as { back?: unknown } | undefined)?.back);
    return `${eventAttachmentsPath(eventId)}?notice=${notice}${back ? `&back=${encodeURIComponent(back)}` : ''}`;
  }

  app.get('/events/:eventId/attachments', async (request, reply) => {
    const event = await eventFor(request);
    const ctx = adminViewContext(request);
    return sendPage(reply, await attachmentsPage(request, event, { notice: noticeText(ctx, request.query) }));
  });

  // Attaching a document that is already in the library.
  app.post('/events/:eventId/attachments', async (request, reply) => {
    const event = await eventFor(request);
    const fields = formFields(request.body);
    const values = typedLabels(fields);
    const ctx = adminViewContext(request);
    const mediaId = /^[1-9][0-9]{0,15}$/.test(values.mediaId) ? Number(values.mediaId) : undefined;
    try {
      if (mediaId === undefined) throw new MediaInputError({ ...parseAttachmentLabels(values).issues, mediaId: { key: 'media.error.documentRequired' } });
      await attachDocument(deps, event.id, mediaId, values, actor(request));
      return reply.redirect(backTo(request, event.id, 'attached'), 303);
    } catch (error) {
      if (error instanceof MediaInputError) {
        const form = { which: 'attach' as const, values, errors: issueErrors(ctx, error.issues) };
        return sendPage(reply, await attachmentsPage(request, event, { form }), 422);
      }
      if (error instanceof ConflictError || error instanceof NotFoundError) {
        const form = { which: 'attach' as const, values, errors: { mediaId: ctx.t('media.error.notAttachable') } };
        return sendPage(reply, await attachmentsPage(request, event, { form }), 422);
      }
      throw error;
    }
  });

  // Uploading a new PDF and attaching it.
  app.post('/events/:eventId/attachments/upload', async (request, reply) => {
    const event = await eventFor(request);
    assertCan(user(request), 'media.upload');
    const upload = await readUpload(request);
    const values = typedLabels(upload.fields);
    const ctx = adminViewContext(request);
    try {
      const { media } = await uploadMedia(deps, {
        data: upload.file?.data ?? Buffer.alloc(0),
        truncated: upload.file?.truncated ?? false,
        originalName: upload.file?.filename ?? '',
        accept: 'document',
        // Checked with the file, so that a missing label stores nothing.
        otherIssues: parseAttachmentLabels(values).issues,
        ...actor(request),
      });
      const mediaId = media.id;
      await attachDocument(deps, event.id, mediaId, values, actor(request));
      return reply.redirect(backTo(request, event.id, 'attached'), 303);
    } catch (error) {
      if (error instanceof MediaInputError) {
        const form = { which: 'upload' as const, values, errors: issueErrors(ctx, error.issues) };
        return sendPage(reply, await attachmentsPage(request, event, { form }), 422);
      }
      if (error instanceof ConflictError) {
        return sendPage(reply, await attachmentsPage(request, event, { problem: ctx.t('media.error.alreadyAttached') }), 409);
      }
      throw error;
    }
  });

  app.post('/events/:eventId/attachments/:mediaId', async (request, reply) => {
    const event = await eventFor(request);
    const mediaId = pathId((request.params as { mediaId: string }).mediaId);
    const values = typedLabels(formFields(request.body));
    try {
      await relabelAttachment(deps, event.id, mediaId, values, actor(request));
      return reply.redirect(backTo(request, event.id, 'labels'), 303);
    } catch (error) {
      if (!(error instanceof MediaInputError)) throw error;
      const ctx = adminViewContext(request);
      const labelErrors = { mediaId, values, errors: issueErrors(ctx, error.issues) };
      return sendPage(reply, await attachmentsPage(request, event, { labelErrors }), 422);
    }
  });

  app.post('/events/:eventId/attachments/:mediaId/move', async (request, reply) => {
    const event = await eventFor(request);
    const mediaId = pathId((request.params as { mediaId: string }).mediaId);
    const direction = formFields(request.body).direction;
    if (direction !== 'up' && direction !== 'down') throw new NotFoundError();
    await moveAttachment(deps, event.id, mediaId, direction, actor(request));
    return reply.redirect(backTo(request, event.id, 'moved'), 303);
  });

  app.post('/events/:eventId/attachments/:mediaId/remove', async (request, reply) => {
    const event = await eventFor(request);
    const mediaId = pathId((request.params as { mediaId: string }).mediaId);
    await detachDocument(deps, event.id, mediaId, actor(request));
    return reply.redirect(backTo(request, event.id, 'detached'), 303);
  });
};
