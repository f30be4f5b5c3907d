import { AdminLayout } from './AdminLayout.js';
import { CsrfField, ErrorSummary, TextInput, type FieldErrors } from './components.js';
import type { AdminViewContext } from './view-context.js';
import { NewPasswordFields } from './password-fields.js';

export interface SetupFormState {
  token: string;
  name: string;
  email: string;
  errors: FieldErrors;
}

/** The form that creates the first administrator from a setup link. */
export function SetupPage({ ctx, form }: { ctx: AdminViewContext; form: SetupFormState }) {
  const { t } = ctx;
  const labels = {
    name: t('admin.setup.name'),
    email: t('admin.setup.email'),
    password: t('admin.setup.password'),
    confirm: t('admin.setup.confirm'),
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.setup.title')}>
      <div class="narrow">
        <h1>{t('admin.setup.title')}</h1>
        <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
        <p>{t('admin.setup.intro')}</p>
        <form method="post" action="/admin/setup" class="form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="token" value={form.token} />
          <input type="hidden" name="lang" value={ctx.lang} />
          <TextInput name="name" label={labels.name} value={form.name} error={form.errors.name} autocomplete="name" required maxLength={100} />
          <TextInput name="email" type="email" label={labels.email} value={form.email} error={form.errors.email} autocomplete="username" required />
          <NewPasswordFields labels={labels} hint={t('admin.setup.passwordHint')} errors={form.errors} />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('admin.setup.submit')}
            </button>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}

/** What a setup link shows when it cannot be used. */
export function SetupClosedPage({ ctx, state }: { ctx: AdminViewContext; state: 'done' | 'invalid' }) {
  const { t } = ctx;
  const title = state === 'done' ? t('admin.setup.doneTitle') : t('admin.setup.invalidTitle');
  return (
    <AdminLayout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{state === 'done' ? t('admin.setup.doneBody') : t('admin.setup.invalidBody')}</p>
        {state === 'done' ? (
          <p>
            <a class="button" href="/admin/login">
              {t('admin.error.signIn')}
            </a>
          </p>
        ) : null}
      </div>
    </AdminLayout>
  );
}
