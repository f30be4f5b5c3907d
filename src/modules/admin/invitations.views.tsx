import type { InvitationRow } from '../../db/schema.js';
import { ROLES } from '../auth/index.js';
import { AdminLayout } from './AdminLayout.js';
import { CsrfField, ErrorSummary, Notice, Select, TextInput, type FieldErrors } from './components.js';
import { formatInstant } from '../../shared/dates/format.js';
import type { AdminViewContext } from './view-context.js';

export interface InviteFormState {
  name: string;
  email: string;
  role: string;
  lang: string;
  errors: FieldErrors;
}

export type InvitationNotice = 'sent' | 'resent' | 'withdrawn';

interface InvitationsPageProps {
  ctx: AdminViewContext;
  form: InviteFormState;
  invitations: (InvitationRow & { invited_by_name: string | null })[];
  now: Date;
  timeZone: string;
  notice?: InvitationNotice | undefined;
}

/** Inviting someone by email, and the invitations still waiting (to resend or withdraw). */
export function InvitationsPage({ ctx, form, invitations, now, timeZone, notice }: InvitationsPageProps) {
  const { t } = ctx;
  const labels = { name: t('admin.users.name'), email: t('admin.users.email'), role: t('admin.users.role'), lang: t('admin.invite.lang') };
  const notices: Record<InvitationNotice, string> = {
    sent: t('admin.invite.sent', { email: invitations[0]?.email ?? '' }),
    resent: t('admin.invitations.resent'),
    withdrawn: t('admin.invitations.withdrawn'),
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.invite.title')}>
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.backToList')}</a>
      </p>
      <h1>{t('admin.invite.title')}</h1>
      {notice ? <Notice>{notices[notice]}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
      <p class="intro">{t('admin.invite.intro')}</p>
      <form method="post" action="/admin/users/invitations" class="form" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput name="name" label={labels.name} value={form.name} error={form.errors.name} required maxLength={100} autocomplete="off" />
        <TextInput name="email" type="email" label={labels.email} value={form.email} error={form.errors.email} required autocomplete="off" />
        <Select
          name="role"
          label={labels.role}
          value={form.role}
          options={ROLES.map((role) => ({ value: role, label: t(`admin.roleName.${role}`) }))}
          error={form.errors.role}
          hint={t('admin.users.rolesHelp')}
        />
        <Select
          name="lang"
          label={labels.lang}
          value={form.lang}
          error={form.errors.lang}
          options={[
            { value: 'en', label: 'English' },
            { value: 'vi', label: 'Tiếng Việt' },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('admin.invite.submit')}
          </button>
        </div>
      </form>

      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-section">
          <h2 id="invitations-section">{t('admin.invitations.title')}</h2>
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.name')}</th>
                  <th scope="col">{t('admin.users.email')}</th>
                  <th scope="col">{t('admin.users.role')}</th>
                  <th scope="col">{t('admin.invitations.invitedBy')}</th>
                  <th scope="col">{t('admin.invitations.expires')}</th>
                  <th scope="col">{t('admin.invitations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((row) => (
                  <tr data-invitation-id={String(row.id)}>
                    <td data-label={t('admin.users.name')}>{row.name}</td>
                    <td data-label={t('admin.users.email')}>{row.email}</td>
                    <td data-label={t('admin.users.role')}>{t(`admin.roleName.${row.role}`)}</td>
                    <td data-label={t('admin.invitations.invitedBy')}>{row.invited_by_name ?? '—'}</td>
                    <td class="nowrap" data-label={t('admin.invitations.expires')}>
                      {row.expires_at <= now.toISOString() ? (
                        <span class="tag tag--disabled">{t('admin.invitations.expired')}</span>
                      ) : (
                        <time dateTime={row.expires_at}>{formatInstant(row.expires_at, timeZone, ctx.lang)}</time>
                      )}
                    </td>
                    <td data-label={t('admin.invitations.actions')}>
                      <form method="post" action={`/admin/users/invitations/${row.id}/resend`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="button button--secondary" aria-label={t('admin.invitations.resendLabel', { email: row.email })}>
                          {t('admin.invitations.resend')}
                        </button>
                      </form>{' '}
                      <form method="post" action={`/admin/users/invitations/${row.id}/withdraw`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="button button--danger" aria-label={t('admin.invitations.withdrawLabel', { email: row.email })}>
                          {t('admin.invitations.withdraw')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </AdminLayout>
  );
}
