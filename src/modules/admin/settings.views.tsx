import type { Settings } from '../settings/index.js';
import type { MessageKey } from '../i18n/index.js';
import { AdminLayout } from './AdminLayout.js';
import { CsrfField, ErrorSummary, Notice, RadioGroup, type FieldErrors } from './components.js';
import { EDITABLE_SETTINGS } from './settings.service.js';
import type { AdminViewContext } from './view-context.js';

interface SettingsPageProps {
  ctx: AdminViewContext;
  /** The values shown: the saved ones, or those just sent when they were refused. */
  values: Record<string, string>;
  errors: FieldErrors;
  saved?: boolean;
}

/** Texts of a setting: `admin.settings.<key>.label`, `.hint`, and one per choice `.<value>`. */
function settingText(ctx: AdminViewContext, key: keyof Settings, part: string): string {
  return ctx.t(`admin.settings.${key}.${part}` as MessageKey);
}

/** The site settings, one group of choices each. */
export function SettingsPage({ ctx, values, errors, saved }: SettingsPageProps) {
  const { t } = ctx;
  const labels = Object.fromEntries(EDITABLE_SETTINGS.map((s) => [s.key, settingText(ctx, s.key, 'label')]));
  return (
    <AdminLayout ctx={ctx} title={t('admin.settings.title')}>
      <h1>{t('admin.settings.title')}</h1>
      {saved ? <Notice>{t('admin.settings.saved')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <p class="intro">{t('admin.settings.intro')}</p>
      <form method="post" action="/admin/settings" class="form" novalidate>
        <CsrfField ctx={ctx} />
        {EDITABLE_SETTINGS.map((setting) => (
          <RadioGroup
            name={setting.key}
            legend={labels[setting.key] ?? setting.key}
            hint={settingText(ctx, setting.key, 'hint')}
            value={values[setting.key] ?? ''}
            error={errors[setting.key]}
            options={setting.options.map((option) => ({ value: option, label: settingText(ctx, setting.key, option) }))}
          />
        ))}
        <div class="form-actions">
          <button type="submit" class="button">
            {t('admin.settings.save')}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
