import { AdminLayout } from './AdminLayout.js';
import { CsrfField, ErrorSummary, Notice, TextInput, type FieldErrors } from './components.js';
import type { AdminViewContext } from './view-context.js';
import { NewPasswordFields } from './password-fields.js';

/** The link to this page in the other language (the forms before sign-in choose their language from the address). */
function LanguageSwitch({ ctx, path }: { ctx: AdminViewContext; path: string }) {
  const other = ctx.t('admin.languageLinkLang');
  const join = path.includes('?') ? '&' : '?';
  return (
    <p class="language-switch">
      <a href={`${path}${join}lang=${other}`} lang={other} hrefLang={other}>
        {ctx.t('admin.languageLink')}
      </a>
    </p>
  );
}

export interface ForgotFormState {
  email: string;
  errors: FieldErrors;
  /** About the whole form: too many requests. */
  problem?: string | undefined;
}

/** "Forgot your password?": the address to send a reset link to. */
export function ForgotPage({ ctx, form }: { ctx: AdminViewContext; form: ForgotFormState }) {
  const { t } = ctx;
  const labels = { email: t('admin.forgot.email') };
  return (
    <AdminLayout ctx={ctx} title={t('admin.forgot.title')}>
      <div class="narrow">
        <LanguageSwitch ctx={ctx} path="/admin/forgot" />
        <h1>{t('admin.forgot.title')}</h1>
        {form.problem ? <Notice kind="error">{form.problem}</Notice> : null}
        <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
        <p>{t('admin.forgot.intro')}</p>
        <form method="post" action="/admin/forgot" class="form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="lang" value={ctx.lang} />
          <TextInput name="email" type="email" label={labels.email} value={form.email} error={form.errors.email} autocomplete="username" required autofocus />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('admin.forgot.submit')}
            </button>
            <a href={`/admin/login?lang=${ctx.lang}`}>{t('admin.forgot.backToSignIn')}</a>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}

/** The answer to a reset request: the same whether or not an account has the address. */
export function ForgotSentPage({ ctx, email }: { ctx: AdminViewContext; email: string }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.forgot.sentTitle')}>
      <div class="narrow">
        <h1>{t('admin.forgot.sentTitle')}</h1>
        <Notice>
          <p>{t('admin.forgot.sent', { email })}</p>
        </Notice>
        <p>
          <a href={`/admin/login?lang=${ctx.lang}`}>{t('admin.forgot.backToSignIn')}</a>
        </p>
      </div>
    </AdminLayout>
  );
}

export interface NewPasswordFormState {
  token: string;
  errors: FieldErrors;
}

interface NewPasswordPageProps {
  ctx: AdminViewContext;
  form: NewPasswordFormState;
  /** Where the form posts: /admin/reset or /admin/invitation. */
  action: string;
  title: string;
  intro: string;
  submit: string;
  /** The invitee's name, editable (invitations only). */
  name?: string | undefined;
  /** The account's address, for password managers. */
  email: string;
}

/** Choosing a password from a link sent by email: a reset, or an invitation (which asks for the name too). */
export function NewPasswordPage({ ctx, form, action, title, intro, submit, name, email }: NewPasswordPageProps) {
  const { t } = ctx;
  const labels = {
    ...(name === undefined ? {} : { name: t('admin.setup.name') }),
    password: t('admin.reset.password'),
    confirm: t('admin.reset.confirm'),
  };
  return (
    <AdminLayout ctx={ctx} title={title}>
      <div class="narrow">
        <LanguageSwitch ctx={ctx} path={`${action}?token=${encodeURIComponent(form.token)}`} />
        <h1>{title}</h1>
        <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
        <p>{intro}</p>
        <form method="post" action={action} class="form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="token" value={form.token} />
          <input type="hidden" name="lang" value={ctx.lang} />
          <input type="hidden" name="username" value={email} autoComplete="username" />
          {name === undefined ? null : (
            <TextInput name="name" label={t('admin.setup.name')} value={name} error={form.errors.name} autocomplete="name" required maxLength={100} />
          )}
          <NewPasswordFields labels={labels} hint={t('admin.account.newHint')} errors={form.errors} />
          <div class="form-actions">
            <button type="submit" class="button">
              {submit}
            </button>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}

/** A reset or invitation link that cannot be used (used, expired, withdrawn, incomplete). */
export function LinkClosedPage({ ctx, title, body, next }: { ctx: AdminViewContext; title: string; body: string; next?: { href: string; label: string } | undefined }) {
  return (
    <AdminLayout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{body}</p>
        {next ? (
          <p>
            <a class="button" href={next.href}>
              {next.label}
            </a>
          </p>
        ) : null}
      </div>
    </AdminLayout>
  );
}
