import type { UserRow } from '../../db/schema.js';
import { ROLES, type Role } from '../auth/index.js';
import { formatInstant } from '../../shared/dates/format.js';
import { AdminLayout } from './AdminLayout.js';
import { CsrfField, DataTable, ErrorSummary, Notice, Select, TextInput, type FieldErrors } from './components.js';
import type { AdminViewContext } from './view-context.js';

function roleOptions(ctx: AdminViewContext) {
  return ROLES.map((role) => ({ value: role, label: ctx.t(`admin.roleName.${role}`) }));
}

function StatusTag({ ctx, row }: { ctx: AdminViewContext; row: UserRow }) {
  return row.disabled_at ? <span class="tag tag--disabled">{ctx.t('admin.users.disabled')}</span> : <span class="tag">{ctx.t('admin.users.active')}</span>;
}

/** Every account: name, email, role, status, with a link to manage each. */
export function UsersPage({ ctx, users, timeZone }: { ctx: AdminViewContext; users: UserRow[]; timeZone: string }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.title')}>
      <h1>{t('admin.users.title')}</h1>
      <p class="intro">{t('admin.users.intro')}</p>
      <p class="intro muted">{t('admin.users.rolesHelp')}</p>
      <p>
        <a class="button" href="/admin/users/new">
          {t('admin.users.add')}
        </a>
      </p>
      <DataTable
        headings={[
          t('admin.users.name'),
          t('admin.users.email'),
          t('admin.users.role'),
          t('admin.users.status'),
          t('admin.users.created'),
          <span class="visually-hidden">{t('admin.users.edit')}</span>,
        ]}
      >
        {users.map((row) => (
          <tr class={row.disabled_at ? 'row--disabled' : undefined} data-user-id={String(row.id)}>
            <td data-label={t('admin.users.name')}>
              {row.name} {row.id === ctx.user?.id ? <span class="muted">{t('admin.users.you')}</span> : null}
            </td>
            <td data-label={t('admin.users.email')}>{row.email}</td>
            <td data-label={t('admin.users.role')}>{t(`admin.roleName.${row.role}`)}</td>
            <td data-label={t('admin.users.status')}>
              <StatusTag ctx={ctx} row={row} />
            </td>
            <td class="nowrap" data-label={t('admin.users.created')}>
              <time dateTime={row.created_at}>{formatInstant(row.created_at, timeZone, ctx.lang)}</time>
            </td>
            <td>
              <a href={`/admin/users/${row.id}`} aria-label={t('admin.users.editLabel', { name: row.name })}>
                {t('admin.users.edit')}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

export interface NewUserFormState {
  name: string;
  email: string;
  role: string;
  errors: FieldErrors;
}

/** The form that adds an account. */
export function NewUserPage({ ctx, form }: { ctx: AdminViewContext; form: NewUserFormState }) {
  const { t } = ctx;
  const labels = { name: t('admin.users.name'), email: t('admin.users.email'), role: t('admin.users.role'), password: t('admin.users.password') };
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.add')}>
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.backToList')}</a>
      </p>
      <h1>{t('admin.users.add')}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
      <form method="post" action="/admin/users" class="form" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput name="name" label={labels.name} value={form.name} error={form.errors.name} required maxLength={100} autocomplete="off" />
        <TextInput name="email" type="email" label={labels.email} value={form.email} error={form.errors.email} required autocomplete="off" />
        <Select name="role" label={labels.role} value={form.role} options={roleOptions(ctx)} error={form.errors.role} hint={t('admin.users.rolesHelp')} />
        <TextInput
          name="password"
          type="password"
          label={`${labels.password} ${t('admin.field.optional')}`}
          hint={t('admin.users.passwordHint')}
          error={form.errors.password}
          autocomplete="new-password"
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('admin.users.create')}
          </button>
          <a href="/admin/users">{t('admin.users.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

interface PasswordShownProps {
  ctx: AdminViewContext;
  title: string;
  body: string;
  user: { id: number; name: string };
  /** A generated password, shown once; undefined when the admin typed it. */
  password: string | undefined;
}

/** After creating an account or resetting a password: what was done, and a generated password once. */
export function PasswordShownPage({ ctx, title, body, user, password }: PasswordShownProps) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Notice>
        <p>{body}</p>
      </Notice>
      {password ? (
        <div class="shown-once">
          <p>
            {t('admin.users.password')}: <code class="secret">{password}</code>
          </p>
          <p>{t('admin.password.shownOnce', { name: user.name })}</p>
        </div>
      ) : null}
      <p class="actions">
        <a href={`/admin/users/${user.id}`}>{t('admin.users.editLabel', { name: user.name })}</a>
        <a href="/admin/users">{t('admin.users.backToList')}</a>
      </p>
    </AdminLayout>
  );
}

export type UserNotice = 'role' | 'disabled' | 'enabled';

interface ManageUserProps {
  ctx: AdminViewContext;
  row: UserRow;
  timeZone: string;
  /** The role shown in the role form (the one just chosen, after a refusal). */
  role: Role | string;
  errors: FieldErrors;
  notice?: UserNotice | undefined;
}

/** One account: its details, its role, disabling or enabling it, resetting its password. */
export function ManageUserPage({ ctx, row, timeZone, role, errors, notice }: ManageUserProps) {
  const { t } = ctx;
  const self = ctx.user?.id === row.id;
  const notices: Record<UserNotice, string> = {
    role: t('admin.users.roleSaved'),
    disabled: t('admin.users.disabledDone'),
    enabled: t('admin.users.enabledDone'),
  };
  const labels = { role: t('admin.users.role'), account: t('admin.users.accessSection'), password: t('admin.users.newPassword') };
  return (
    <AdminLayout ctx={ctx} title={row.name}>
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.backToList')}</a>
      </p>
      <h1>
        {row.name} {self ? <span class="muted">{t('admin.users.you')}</span> : null}
      </h1>
      {notice ? <Notice>{notices[notice]}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <dl class="facts">
        <dt>{t('admin.users.email')}</dt>
        <dd>{row.email}</dd>
        <dt>{t('admin.users.role')}</dt>
        <dd>{t(`admin.roleName.${row.role}`)}</dd>
        <dt>{t('admin.users.status')}</dt>
        <dd>
          <StatusTag ctx={ctx} row={row} />
        </dd>
        <dt>{t('admin.users.created')}</dt>
        <dd>
          <time dateTime={row.created_at}>{formatInstant(row.created_at, timeZone, ctx.lang)}</time>
        </dd>
      </dl>

      {errors.account ? (
        <p class="field-error" id="field-account">
          {errors.account}
        </p>
      ) : null}

      <div class="stack">
        <section aria-labelledby="role-section">
          <h2 id="role-section">{t('admin.users.roleSection')}</h2>
          <form method="post" action={`/admin/users/${row.id}/role`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <Select name="role" label={labels.role} value={role} options={roleOptions(ctx)} error={errors.role} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('admin.users.saveRole')}
              </button>
            </div>
          </form>
        </section>

        {self ? null : (
          <section aria-labelledby="access-section">
            <h2 id="access-section">{t('admin.users.accessSection')}</h2>
            <form method="post" action={`/admin/users/${row.id}/${row.disabled_at ? 'enable' : 'disable'}`} class="form">
              <CsrfField ctx={ctx} />
              <p>{row.disabled_at ? t('admin.users.enableHelp') : t('admin.users.disableHelp')}</p>
              <button type="submit" class={row.disabled_at ? 'button' : 'button button--danger'}>
                {row.disabled_at ? t('admin.users.enable') : t('admin.users.disable')}
              </button>
            </form>
          </section>
        )}

        <section aria-labelledby="password-section">
          <h2 id="password-section">{t('admin.users.passwordSection')}</h2>
          {self ? (
            <p>
              <a href="/admin/account">{t('admin.users.useAccountPage')}</a>
            </p>
          ) : (
            <form method="post" action={`/admin/users/${row.id}/password`} class="form" novalidate>
              <CsrfField ctx={ctx} />
              <p>{t('admin.users.resetHelp')}</p>
              <TextInput
                name="password"
                type="password"
                label={`${labels.password} ${t('admin.field.optional')}`}
                error={errors.password}
                autocomplete="new-password"
              />
              <div class="form-actions">
                <button type="submit" class="button">
                  {t('admin.users.reset')}
                </button>
              </div>
            </form>
          )}
        </section>
      </div>
    </AdminLayout>
  );
}
