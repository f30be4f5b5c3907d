/**
 * /admin/events/:id/sessions: a recurring event's next sessions, each with a
 * small form that moves it, cancels it, or puts it back as the rule plans it.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { compareDates, todayInZone } from '../../../shared/dates/calendar-date.js';
import { formatDate } from '../../../shared/dates/format.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/http/html.js';
import { assertCan } from '../../auth/index.js';
import { AdminLayout, adminViewContext, CsrfField, DataTable, ErrorSummary, Notice, translateFieldErrors, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { listSessionChanges } from '../calendar.repository.js';
import { getEventForEditing } from '../events.editing.js';
import type { SessionChange } from '../sessions.js';
import { changeSession, plannedSessionDates, type SessionChangeInput } from '../sessions.editing.js';

/** How many of the next sessions the page lists. */
export const SESSIONS_LISTED = 20;

const params = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number), date: z.string().optional() });
const body = z.object({
  action: z.enum(['move', 'cancel', 'restore']).catch('move'),
  new_date: z.string().trim().catch(''),
  new_time: z.string().trim().catch(''),
});
const savedQuery = z.object({ saved: z.literal('1').optional().catch(undefined) });

interface SessionsPageProps {
  ctx: AdminViewContext;
  id: number;
  title: string;
  dates: readonly string[];
  changes: ReadonlyMap<string, SessionChange>;
  errors: FieldErrors;
  /** The session whose form was refused, with what was typed. */
  typed?: { date: string; new_date: string; new_time: string } | undefined;
  saved?: boolean;
}

function SessionsPage({ ctx, id, title, dates, changes, errors, typed, saved }: SessionsPageProps) {
  const { t, lang } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('series.sessions.title')}>
      <p>
        <a href={`/admin/events/${id}`}>{title}</a>
      </p>
      <h1>{t('series.sessions.title')}</h1>
      {saved ? <Notice>{t('series.sessions.saved')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {dates.length === 0 ? (
        <p>{t('series.sessions.none')}</p>
      ) : (
        <DataTable caption={t('series.sessions.title')} headings={[t('series.sessions.planned'), t('series.sessions.state'), t('series.sessions.change')]}>
          {dates.map((date) => {
            const change = changes.get(date);
            const mine = typed?.date === date ? typed : undefined;
            const stem = `session-${date}`;
            return (
              <tr>
                <td data-label={t('series.sessions.planned')}>
                  <time dateTime={date}>{formatDate(date, lang)}</time>
                </td>
                <td class="session-state" data-label={t('series.sessions.state')}>
                  {change?.status === 'cancelled'
                    ? t('series.sessionCancelled')
                    : change?.status === 'moved' && change.start_date
                      ? t('series.sessions.movedTo', { date: formatDate(change.start_date, lang) })
                      : t('series.sessions.asPlanned')}
                </td>
                <td data-label={t('series.sessions.change')}>
                  <form method="post" action={`/admin/events/${id}/sessions/${date}`} class="session-form">
                    <CsrfField ctx={ctx} />
                    <label for={`${stem}-date`}>{t('series.sessions.newDate')}</label>
                    <input id={`${stem}-date`} name="new_date" type="date" value={mine?.new_date ?? ''} />
                    <label for={`${stem}-time`}>{t('series.sessions.newTime')}</label>
                    <input id={`${stem}-time`} name="new_time" type="time" value={mine?.new_time ?? ''} />
                    <button type="submit" name="action" value="move" class="button button--secondary">
                      {t('series.sessions.move')}
                    </button>
                    {change?.status === 'cancelled' ? null : (
                      <button type="submit" name="action" value="cancel" class="button button--secondary">
                        {t('series.sessions.cancel')}
                      </button>
                    )}
                    {change ? (
                      <button type="submit" name="action" value="restore" class="button button--secondary">
                        {t('series.sessions.restore')}
                      </button>
                    ) : null}
                  </form>
                  <a href={`/admin/events/${id}/sessions/${date}/following`}>{t('series.split.link')}</a>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </AdminLayout>
  );
}

export const sessionsAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const idOf = (request: FastifyRequest) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<SessionsPageProps>, status = 200) {
    const { snapshot, createdBy } = await getEventForEditing(deps.db, id);
    assertCan(request.user, 'content.edit', { createdBy, status: snapshot.status });
    if (!snapshot.recurrence_rule) throw new NotFoundError();
    const today = todayInZone(snapshot.time_zone, deps.now());
    const dates = (await plannedSessionDates(deps.db, id, deps.now())).filter((d) => compareDates(d, today) >= 0).slice(0, SESSIONS_LISTED);
    const changes = new Map(((await listSessionChanges(deps.db, [id])).get(id) ?? []).map((c) => [c.recurrence_date, c]));
    const ctx = adminViewContext(request);
    const title = snapshot.en.title;
    return sendPage(reply, <SessionsPage ctx={ctx} id={id} title={title} dates={dates} changes={changes} errors={{}} {...extra} />, status);
  }

  app.get('/:id/sessions', async (request, reply) => {
    const { saved } = savedQuery.parse(request.query ?? {});
    return show(request, reply, idOf(request).id, { saved: saved === '1' });
  });

  app.post('/:id/sessions/:date', async (request, reply) => {
    const { id, date } = idOf(request);
    const sent = body.parse(request.body ?? {});
    const change: SessionChangeInput =
      sent.action === 'cancel'
        ? { status: 'cancelled' }
        : sent.action === 'restore'
          ? { status: 'planned' }
          : { status: 'moved', date: sent.new_date, ...(sent.new_time ? { time: sent.new_time } : {}) };
    try {
      if (change.status === 'moved' && !/^\d{4}-\d{2}-\d{2}$/.test(change.date)) throw new ValidationError('A moved session needs a date.', { new_date: 'series.sessions.dateRequired' });
      if (change.status === 'moved' && change.time !== undefined && !/^\d{2}:\d{2}$/.test(change.time)) throw new ValidationError('The time is not valid.', { new_time: 'series.sessions.timeInvalid' });
      await changeSession(deps.db, { user: request.user!, now: deps.now(), ip: request.ip }, id, date ?? '', change);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const ctx = adminViewContext(request);
      return show(request, reply, id, { errors: translateFieldErrors(ctx.t, error.fields), typed: { date: date ?? '', new_date: sent.new_date, new_time: sent.new_time } }, 422);
    }
    return reply.redirect(`/admin/events/${id}/sessions?saved=1`, 303);
  });
};
