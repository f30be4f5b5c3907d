/** /admin/subscribers: how many follow each list, the addresses as CSV, and removing one; each export and removal is in the audit log. */
import type { FastifyPluginAsync } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app-deps.js';
import { sendPage } from '../../shared/http/html.js';
import { normalizeLine } from '../../shared/text/normalize.js';
import { AdminLayout, CsrfField, DataTable, TextInput, adminViewContext, type AdminViewContext } from '../admin/index.js';
import { recordAudit } from '../audit/index.js';
import { assertCan } from '../auth/index.js';
import { listProgrammes, listTopics } from '../taxonomy/index.js';
import { allSubscribers, choicesOf, deleteSubscriber, findByEmail, type SubscriberRow } from './subscriptions.repository.js';

/** Confirmed and unconfirmed subscribers of each list: all events, all articles, each topic and programme. */
export function listCounts(rows: SubscriberRow[]): { list: string; confirmed: number; pending: number }[] {
  const counts = new Map<string, { confirmed: number; pending: number }>();
  const add = (list: string, confirmed: boolean) => {
    const c = counts.get(list) ?? { confirmed: 0, pending: 0 };
    if (confirmed) c.confirmed += 1;
    else c.pending += 1;
    counts.set(list, c);
  };
  for (const row of rows) {
    const choices = choicesOf(row);
    const confirmed = row.confirmed_at !== null;
    if (choices.allEvents) add('events', confirmed);
    if (choices.allArticles) add('articles', confirmed);
    for (const slug of choices.topics) add(`topic:${slug}`, confirmed);
    for (const slug of choices.programmes) add(`programme:${slug}`, confirmed);
  }
  return [...counts].map(([list, c]) => ({ list, ...c }));
}

function csvCell(value: string): string {
  // A leading = + - @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A list's name as people know it: all events, all articles, or the topic's or programme's name in the page's language (its slug once it no longer exists). */
function listName(ctx: AdminViewContext, list: string, names: ReadonlyMap<string, string>): string {
  const { t } = ctx;
  if (list === 'events') return t('subs.form.allEvents');
  if (list === 'articles') return t('subs.form.allArticles');
  const [kind, slug = ''] = list.split(':');
  const name = names.get(list) ?? slug;
  return t(kind === 'programme' ? 'subs.admin.programmeList' : 'subs.admin.topicList', { name });
}

/** The topics' and programmes' names by list (`topic:slug`, `programme:slug`). */
async function termNames(db: AppDeps['db'], lang: AdminViewContext['lang']): Promise<Map<string, string>> {
  const [topics, programmes] = await Promise.all([listTopics(db, lang), listProgrammes(db, lang)]);
  return new Map([...topics.map((r) => [`topic:${r.slug}`, r.name] as const), ...programmes.map((r) => [`programme:${r.slug}`, r.name] as const)]);
}

function SubscribersPage({ ctx, rows, names, notice }: { ctx: AdminViewContext; rows: SubscriberRow[]; names: ReadonlyMap<string, string>; notice?: string }) {
  const { t } = ctx;
  const counts = listCounts(rows);
  return (
    <AdminLayout ctx={ctx} title={t('subs.admin.title')}>
      <h1>{t('subs.admin.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {counts.length === 0 ? (
        <p class="empty">{t('subs.admin.empty')}</p>
      ) : (
        <DataTable caption={t('subs.admin.lists')} headings={[t('subs.admin.list'), t('subs.admin.count'), t('subs.admin.pending')]}>
          {counts.map((c) => (
            <tr>
              <th scope="row">{listName(ctx, c.list, names)}</th>
              <td data-label={t('subs.admin.count')}>{c.confirmed}</td>
              <td data-label={t('subs.admin.pending')}>{c.pending}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        <a href="/admin/subscribers/export.csv">{t('subs.admin.export')}</a>
      </p>
      <form method="post" action="/admin/subscribers/remove" class="form">
        <CsrfField ctx={ctx} />
        <TextInput name="email" id="remove-email" type="email" label={t('subs.admin.remove')} autocomplete="off" required />
        <div class="form-actions">
          <button type="submit" class="button button--danger">
            {t('subs.admin.removeSubmit')}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}

export const subscribersAdminRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get('/', async (request, reply) => {
    assertCan(request.user, 'users.manage');
    const ctx = adminViewContext(request);
    return sendPage(reply, h(SubscribersPage, { ctx, rows: await allSubscribers(deps.db), names: await termNames(deps.db, ctx.lang) }));
  });

  app.get('/export.csv', async (request, reply) => {
    assertCan(request.user, 'users.manage');
    const rows = await allSubscribers(deps.db);
    await recordAudit(deps.db, { userId: request.user!.id, action: 'subscribers.export', summary: `${rows.length}`, ip: request.ip, at: deps.now() });
    const lines = [['email', 'lang', 'events', 'articles', 'topics', 'programmes', 'frequency', 'digest_day', 'confirmed_at'].join(',')];
    for (const row of rows) {
      const c = choicesOf(row);
      lines.push(
        [row.email, c.lang, c.allEvents ? '1' : '0', c.allArticles ? '1' : '0', c.topics.join(' '), c.programmes.join(' '), c.frequency, c.digestDay === null ? '' : String(c.digestDay), row.confirmed_at ?? '']
          .map(csvCell)
          .join(','),
      );
    }
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="subscribers.csv"').header('cache-control', 'no-store').send(`${lines.join('\r\n')}\r\n`);
  });

  app.post('/remove', async (request, reply) => {
    assertCan(request.user, 'users.manage');
    const ctx = adminViewContext(request);
    const email = normalizeLine(String((request.body as Record<string, unknown> | undefined)?.email ?? '')).toLowerCase().slice(0, 320);
    const row = email ? await findByEmail(deps.db, email) : undefined;
    if (!row) return sendPage(reply, h(SubscribersPage, { ctx, rows: await allSubscribers(deps.db), names: await termNames(deps.db, ctx.lang), notice: ctx.t('subs.admin.notFound', { email }) }), 422);
    await deps.db.transaction().execute(async (trx) => {
      await deleteSubscriber(trx, Number(row.id));
      await recordAudit(trx, { userId: request.user!.id, action: 'subscribers.remove', summary: email, ip: request.ip, at: deps.now() });
    });
    return sendPage(reply, h(SubscribersPage, { ctx, rows: await allSubscribers(deps.db), names: await termNames(deps.db, ctx.lang), notice: ctx.t('subs.admin.removed', { email }) }));
  });
};
