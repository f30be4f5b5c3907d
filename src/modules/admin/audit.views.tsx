import type { UserRow } from '../../db/schema.js';
import { Pager } from '../../shared/views/Pager.js';
import type { AuditPage } from '../audit/index.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { formatInstant } from '../../shared/dates/format.js';
import { AdminLayout } from './AdminLayout.js';
import { DataTable } from './components.js';
import type { AdminViewContext } from './view-context.js';

export interface AuditFilterState {
  userId: number | undefined;
  action: string | undefined;
}

/**
 * A person-readable name for an action: the text under
 * `admin.audit.action.<action>` in any message file, or the action itself.
 */
export function actionLabel(t: Translate, action: string): string {
  const label = t(`admin.audit.action.${action}` as MessageKey);
  return typeof label === 'string' ? label : action;
}

/** Builds a URL of the log with the filter kept. */
export function auditHref(filter: AuditFilterState, page: number): string {
  const params = new URLSearchParams();
  if (filter.userId !== undefined) params.set('user', String(filter.userId));
  if (filter.action !== undefined) params.set('action', filter.action);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}

interface AuditLogPageProps {
  ctx: AdminViewContext;
  log: AuditPage;
  users: UserRow[];
  filter: AuditFilterState;
  timeZone: string;
}

/** The audit log, newest first, with a filter by person and action. */
export function AuditLogPage({ ctx, log, users, filter, timeZone }: AuditLogPageProps) {
  const { t } = ctx;
  const title = log.info.page > 1 ? t('admin.audit.pageTitle', { page: log.info.page }) : t('admin.audit.title');
  const filtered = filter.userId !== undefined || filter.action !== undefined;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{t('admin.audit.title')}</h1>
      <p class="intro">{t('admin.audit.intro')}</p>
      <form method="get" action="/admin/audit" class="filters" role="search">
        <div class="field">
          <label for="field-user">{t('admin.audit.filterUser')}</label>
          <select id="field-user" name="user">
            <option value="">{t('admin.audit.anyone')}</option>
            {users.map((u) => (
              <option value={String(u.id)} selected={u.id === filter.userId}>
                {`${u.name} (${u.email})`}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-action">{t('admin.audit.filterAction')}</label>
          <select id="field-action" name="action">
            <option value="">{t('admin.audit.anyAction')}</option>
            {log.actions.map((action) => (
              <option value={action} selected={action === filter.action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('admin.audit.filter')}
          </button>
          {filtered ? <a href="/admin/audit">{t('admin.audit.clear')}</a> : null}
        </div>
      </form>
      <p class="muted">
        {t('admin.audit.count', { count: log.info.total })} {t('admin.audit.timesIn', { zone: timeZone })}
      </p>
      {log.rows.length === 0 ? (
        <p class="empty">{t('admin.audit.empty')}</p>
      ) : (
        <DataTable kind="audit-table" headings={[t('admin.audit.when'), t('admin.audit.who'), t('admin.audit.action'), t('admin.audit.summary'), t('admin.audit.ip')]}>
          {log.rows.map((row) => (
            <tr data-action={row.action}>
              <td class="nowrap" data-label={t('admin.audit.when')}>
                <time dateTime={row.at}>{formatInstant(row.at, timeZone, ctx.lang)}</time>
              </td>
              <td data-label={t('admin.audit.who')}>{row.user_name ?? <span class="muted">{t('admin.audit.nobody')}</span>}</td>
              <td data-label={t('admin.audit.action')}>{actionLabel(t, row.action)}</td>
              <td data-label={t('admin.audit.summary')}>{row.summary}</td>
              <td class="nowrap" data-label={t('admin.audit.ip')}>
                {row.ip ?? null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager ctx={ctx} page={log.info.page} pages={log.info.pages} href={(page) => auditHref(filter, page)} />
    </AdminLayout>
  );
}
