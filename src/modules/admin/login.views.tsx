import { CsrfField, ErrorSummary, Notice, TextInput, type FieldErrors } from './components.js';
import { AdminLayout } from './AdminLayout.js';
import type { AdminViewContext } from './view-context.js';

export interface LoginFormState {
  email: string;
  next: string;
  errors: FieldErrors;
  /** A message about the whole form: wrong credentials, disabled account, too many attempts. */
  problem?: string | undefined;
  /** A notice after signing out. */
  notice?: string | undefined;
}

/** The sign-in form. The password is never sent back into the page. */
export function LoginPage({ ctx, form }: { ctx: AdminViewContext; form: LoginFormState }) {
  const { t } = ctx;
  const other = t('admin.languageLinkLang');
  const switchHref = `/admin/login?lang=${other}${form.next !== '/admin' ? `&next=${encodeURIComponent(form.next)}` : ''}`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.login.title')}>
      <div class="narrow">
        <p class="language-switch">
          <a href={switchHref} lang={other} hrefLang={other}>
            {t('admin.languageLink')}
          </a>
        </p>
        <h1>{t('admin.login.title')}</h1>
        {form.notice ? <Notice>{form.notice}</Notice> : null}
        {form.problem ? <Notice kind="error">{form.problem}</Notice> : null}
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <p>{t('admin.login.intro')}</p>
        <form method="post" action="/admin/login" class="form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={form.next} />
          <input type="hidden" name="lang" value={ctx.lang} />
          <TextInput
            name="email"
            type="email"
            label={t('admin.login.email')}
            value={form.email}
            error={form.errors.email}
            autocomplete="username"
            required
            autofocus={!form.email}
          />
          <TextInput
            name="password"
            type="password"
            label={t('admin.login.password')}
            error={form.errors.password}
            autocomplete="current-password"
            required
            autofocus={Boolean(form.email)}
          />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('admin.login.submit')}
            </button>
            <a href={`/admin/forgot?lang=${ctx.lang}`}>{t('admin.login.forgot')}</a>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}
