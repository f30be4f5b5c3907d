/** /admin/series: the list of series, and the form that writes a new one or changes one. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { sendPage } from '../../shared/http/html.js';
import { adminViewContext, translateFieldErrors } from '../admin/index.js';
import { assertCan } from '../auth/index.js';
import type { EditContext } from '../content/index.js';
import { SERIES_FORM_FIELDS, SeriesFormPage, SeriesListPage, type SeriesFormValues } from './series.admin.views.js';
import { createSeries, listSeriesForAdmin, seriesInputOf, updateSeries, type SeriesInput } from './series.service.js';

const formBody = z.record(z.string(), z.unknown()).catch({});
const idParams = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number) });

/** The series' id in the address; 404 for anything else. */
function idParam(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.id;
}

const savedQuery = z.object({ saved: z.literal('1').optional().catch(undefined) });

/** The form's values from what was sent: every field a string, anything else empty. */
function valuesOf(body: unknown): SeriesFormValues {
  const sent = formBody.parse(body ?? {});
  const values = {} as SeriesFormValues;
  for (const field of SERIES_FORM_FIELDS) {
    const value = sent[field];
    values[field] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** The series input the values describe; its status is checked here, the rest by the service. */
function inputOf(values: SeriesFormValues, publishAt: string | null): SeriesInput {
  if (values.status !== 'draft' && values.status !== 'published') throw new ValidationError('The status is not valid.', { status: 'series.admin.error.status' });
  const hasVi = values.vi_title !== '' || values.vi_slug !== '' || values.vi_description !== '';
  return {
    slug: values.slug || null,
    status: values.status,
    publish_at: publishAt,
    en: { title: values.en_title, description: values.en_description || null },
    vi: hasVi ? { title: values.vi_title, description: values.vi_description || null, slug: values.vi_slug || null } : null,
  };
}

function valuesFromInput(input: SeriesInput): SeriesFormValues {
  return {
    en_title: input.en.title,
    slug: input.slug ?? '',
    en_description: input.en.description ?? '',
    vi_title: input.vi?.title ?? '',
    vi_slug: input.vi?.slug ?? '',
    vi_description: input.vi?.description ?? '',
    status: input.status,
  };
}

export const seriesAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', async (request) => assertCan(request.user, 'content.publish'));
  const editContext = (request: FastifyRequest): EditContext => ({ user: request.user!, now: deps.now(), ip: request.ip });

  app.get('/', async (request, reply) => {
    const series = await listSeriesForAdmin(deps.db);
    return sendPage(reply, h(SeriesListPage, { ctx: adminViewContext(request), series }));
  });

  app.get('/new', async (request, reply) => {
    const values = valuesFromInput({ slug: null, status: 'draft', publish_at: null, en: { title: '', description: null }, vi: null });
    return sendPage(reply, h(SeriesFormPage, { ctx: adminViewContext(request), id: null, values, errors: {} }));
  });

  app.get('/:id', async (request, reply) => {
    const id = idParam(request.params);
    const { saved } = savedQuery.parse(request.query ?? {});
    const values = valuesFromInput(await seriesInputOf(deps.db, id));
    return sendPage(reply, h(SeriesFormPage, { ctx: adminViewContext(request), id, values, errors: {}, saved: saved === '1' }));
  });

  /** Writes the series; on bad input, the form again with everything typed and what to fix. */
  const save = async (request: FastifyRequest, id: number | null): Promise<{ saved: number } | { values: SeriesFormValues; fields: Readonly<Record<string, string>> }> => {
    const values = valuesOf(request.body);
    try {
      const publishAt = id === null ? null : (await seriesInputOf(deps.db, id)).publish_at;
      const input = inputOf(values, publishAt);
      if (id === null) return { saved: await createSeries(deps.db, editContext(request), input) };
      await updateSeries(deps.db, editContext(request), id, input);
      return { saved: id };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return { values, fields: error.fields };
    }
  };

  const respond = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const result = await save(request, id);
    if (!('saved' in result)) {
      const ctx = adminViewContext(request);
      return sendPage(reply, h(SeriesFormPage, { ctx, id, values: result.values, errors: translateFieldErrors(ctx.t, result.fields) }), 422);
    }
    return reply.redirect(`/admin/series/${result.saved}?saved=1`, 303);
  };

  app.post('/new', async (request, reply) => respond(request, reply, null));
  app.post('/:id', async (request, reply) => respond(request, reply, idParam(request.params)));
};
