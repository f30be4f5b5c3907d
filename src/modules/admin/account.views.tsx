import { AdminLayout } from './AdminLayout.js';
import { CsrfField, ErrorSummary, Notice, Select, TextInput, type FieldErrors } from './components.js';
import type { AdminViewContext } from './view-context.js';
import { NewPasswordFields } from './password-fields.js';

export type AccountNotice = 'password' | 'email' | 'lang' | 'notices';

/** What was typed in the email form, shown again when it is refused (never the password). */
export interface EmailFormValues {
  email: string;
}

interface AccountPageProps {
  ctx: AdminViewContext;
  /** How many sessions the person has, this one included. */
  sessions: number;
  errors: FieldErrors;
  notice?: AccountNotice | undefined;
  /** Whether the editorial notices are sent to this account. */
  editorialNotices: boolean;
  emailForm?: EmailFormValues | undefined;
}

/** One's own account: details, password, interface language, signing out everywhere. */
export function AccountPage({ ctx, sessions, errors, notice, editorialNotices, emailForm }: AccountPageProps) {
  const { t, user } = ctx;
  if (!user) return null;
  const notices: Record<AccountNotice, string> = {
    password: t('admin.account.passwordChanged'),
    email: t('admin.account.emailChanged'),
    lang: t('admin.account.langSaved'),
    notices: t('admin.account.noticesSaved'),
  };
  const labels = {
    current: t('admin.account.current'),
    password: t('admin.account.new'),
    confirm: t('admin.account.confirm'),
    email: t('admin.account.emailNew'),
    email_current: t('admin.account.emailCurrent'),
    ui_lang: t('admin.account.lang'),
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.account.title')}>
      <h1>{t('admin.account.title')}</h1>
      {notice ? <Notice>{notices[notice]}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <dl class="facts">
        <dt>{t('admin.users.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('admin.users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('admin.users.role')}</dt>
        <dd>{t(`admin.roleName.${user.role}`)}</dd>
      </dl>

      <div class="stack">
        <section aria-labelledby="password-section">
          <h2 id="password-section">{t('admin.account.passwordSection')}</h2>
          <p>{t('admin.account.passwordHelp')}</p>
          <form method="post" action="/admin/account/password" class="form" novalidate>
            <CsrfField ctx={ctx} />
            {/* Lets password managers attach the new password to the right account. */}
            <input type="hidden" name="username" value={user.email} autoComplete="username" />
            <TextInput name="current" type="password" label={labels.current} error={errors.current} autocomplete="current-password" required />
            <NewPasswordFields labels={labels} hint={t('admin.account.newHint')} errors={errors} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('admin.account.changePassword')}
              </button>
            </div>
          </form>
        </section>

        <section aria-labelledby="email-section">
          <h2 id="email-section">{t('admin.account.emailSection')}</h2>
          <p>{t('admin.account.emailHelp')}</p>
          <form method="post" action="/admin/account/email" class="form" novalidate>
            <CsrfField ctx={ctx} />
            <TextInput name="email" type="email" label={labels.email} value={emailForm?.email ?? ''} error={errors.email} autocomplete="email" required />
            <TextInput name="email_current" type="password" label={labels.email_current} error={errors.email_current} autocomplete="current-password" required />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('admin.account.changeEmail')}
              </button>
            </div>
          </form>
        </section>

        <section aria-labelledby="lang-section">
          <h2 id="lang-section">{t('admin.account.langSection')}</h2>
          <form method="post" action="/admin/account/language" class="form" novalidate>
            <CsrfField ctx={ctx} />
            <Select
              name="ui_lang"
              label={labels.ui_lang}
              value={user.uiLang}
              error={errors.ui_lang}
              options={[
                { value: 'en', label: 'English' },
                { value: 'vi', label: 'Tiếng Việt' },
              ]}
            />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('admin.account.saveLang')}
              </button>
            </div>
          </form>
        </section>

        <section aria-labelledby="notices-section">
          <h2 id="notices-section">{t('admin.account.noticesSection')}</h2>
          <form method="post" action="/admin/account/notices" class="form">
            <CsrfField ctx={ctx} />
            <p class="field-hint" id="hint-editorial_notices">
              {t('admin.account.noticesHelp')}
            </p>
            <label class="radio">
              <input type="checkbox" name="editorial_notices" value="on" checked={editorialNotices} aria-describedby="hint-editorial_notices" />
              <span>{t('admin.account.noticesOn')}</span>
            </label>
            <div class="form-actions">
              <button type="submit" class="button">
                {t('admin.account.noticesSave')}
              </button>
            </div>
          </form>
        </section>

        <section aria-labelledby="sessions-section">
          <h2 id="sessions-section">{t('admin.account.sessionsSection')}</h2>
          <p>{sessions === 1 ? t('admin.account.sessionsCountOne') : t('admin.account.sessionsCount', { count: sessions })}</p>
          <p>{t('admin.account.signOutEverywhereHelp')}</p>
          <form method="post" action="/admin/account/sign-out-everywhere" class="form">
            <CsrfField ctx={ctx} />
            <button type="submit" class="button button--secondary">
              {t('admin.account.signOutEverywhere')}
            </button>
          </form>
        </section>
      </div>
    </AdminLayout>
  );
}
