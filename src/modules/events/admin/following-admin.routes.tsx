/**
 * /admin/events/:id/sessions/:date/following: changing a session of a
 * recurring event and every later one (sessions.split.ts), taken from a page
 * that says what will happen: the sessions moved to another time (a new
 * event holds them) or cancelled (the rule ends before them).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { formatDate } from '../../../shared/dates/format.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/http/html.js';
import { AdminLayout, adminViewContext, CsrfField, ErrorSummary, Notice, TextInput, translateFieldErrors, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { StaleEditError, type EditContext } from '../../content/index.js';
import { getEventForEditing } from '../events.editing.js';
import { followingSplit, splitFollowing, type FollowingSplit } from '../sessions.split.js';

const params = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const body = z.object({
  action: z.enum(['time', 'cancel']).catch('time'),
  confirmed: z.string().catch(''),
  new_time: z.string().trim().catch(''),
  revision: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).optional().catch(undefined),
});

interface FollowingPageProps {
  ctx: AdminViewContext;
  split: FollowingSplit;
  errors: FieldErrors;
  typedTime: string;
  /** Why nothing can be done from this session (it is the first). */
  problem?: string | undefined;
}

function FollowingPage({ ctx, split, errors, typedTime, problem }: FollowingPageProps) {
  const { t, lang } = ctx;
  const { event, date, time } = split;
  const id = event.id;
  const action = `/admin/events/${id}/sessions/${date}/following`;
  const title = event.snapshot.en.title;
  const when = formatDate(date, lang);
  return (
    <AdminLayout ctx={ctx} title={t('series.split.title')}>
      <p>
        <a href={`/admin/events/${id}/sessions`}>{t('series.split.back')}</a>
      </p>
      <h1>{t('series.split.title')}</h1>
      <p>
        <strong>{title}</strong> — {t('series.split.from', { date: when })}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={{ new_time: t('series.split.newTime') }} />
      {problem ? (
        <Notice kind="error">{problem}</Notice>
      ) : (
        <>
          {time !== null ? (
            <section class="form-section" aria-labelledby="split-time">
              <h2 id="split-time">{t('series.split.changeTime')}</h2>
              <p>{t('series.split.changeEffect', { title, date: when })}</p>
              <form method="post" action={action} class="confirm-form split-form" novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="confirmed" value="yes" />
                <input type="hidden" name="revision" value={String(event.revision)} />
                <TextInput name="new_time" type="time" label={t('series.split.newTime')} hint={t('series.split.newTimeHint')} value={typedTime || time} error={errors.new_time} required />
                <button type="submit" name="action" value="time" class="button">
                  {t('series.split.confirmChange')}
                </button>
              </form>
            </section>
          ) : (
            <p>{t('series.split.allDay')}</p>
          )}
          <section class="form-section" aria-labelledby="split-cancel">
            <h2 id="split-cancel">{t('series.split.cancel')}</h2>
            <p>{t('series.split.cancelEffect', { title, date: when })}</p>
            <form method="post" action={action} class="confirm-form split-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="confirmed" value="yes" />
              <input type="hidden" name="revision" value={String(event.revision)} />
              <button type="submit" name="action" value="cancel" class="button button--danger">
                {t('series.split.confirmCancel')}
              </button>
            </form>
          </section>
        </>
      )}
    </AdminLayout>
  );
}

export const followingAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const paramsOf = (request: FastifyRequest) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };
  const editContext = (request: FastifyRequest): EditContext => ({ user: request.user!, now: deps.now(), ip: request.ip });

  /** The page, or with the split refused at this session (the first), the page saying why. */
  async function show(request: FastifyRequest, reply: FastifyReply, id: number, date: string, errors: FieldErrors, typedTime: string, status: number) {
    const ctx = adminViewContext(request);
    try {
      const split = await followingSplit(deps.db, editContext(request), id, date);
      return sendPage(reply, <FollowingPage ctx={ctx} split={split} errors={errors} typedTime={typedTime} />, status);
    } catch (error) {
      if (!(error instanceof ValidationError) || !error.fields?.date) throw error;
      const event = await getEventForEditing(deps.db, id);
      const problem = translateFieldErrors(ctx.t, error.fields).date;
      return sendPage(reply, <FollowingPage ctx={ctx} split={{ event, date, time: null }} errors={{}} typedTime="" problem={problem} />, 422);
    }
  }

  app.get('/:id/sessions/:date/following', async (request, reply) => {
    const { id, date } = paramsOf(request);
    return show(request, reply, id, date, {}, '', 200);
  });

  app.post('/:id/sessions/:date/following', async (request, reply) => {
    const { id, date } = paramsOf(request);
    const sent = body.parse(request.body ?? {});
    if (sent.confirmed !== 'yes') return reply.redirect(`/admin/events/${id}/sessions/${date}/following`, 303);
    try {
      const change = sent.action === 'cancel' ? ({ action: 'cancel' } as const) : ({ action: 'time', time: sent.new_time } as const);
      const { newEventId } = await splitFollowing(deps.db, editContext(request), id, date, change, sent.revision);
      return reply.redirect(newEventId === null ? `/admin/events/${id}/sessions?saved=1` : `/admin/events/${newEventId}/sessions?saved=1`, 303);
    } catch (error) {
      const ctx = adminViewContext(request);
      if (error instanceof StaleEditError) return show(request, reply, id, date, { new_time: ctx.t('editing.conflict.stepStale') }, sent.new_time, 409);
      if (!(error instanceof ValidationError) || !error.fields) throw error;
      const messages = translateFieldErrors(ctx.t, error.fields);
      return show(request, reply, id, date, messages, sent.new_time, 422);
    }
  });
};
