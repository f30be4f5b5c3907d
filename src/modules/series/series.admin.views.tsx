/** The admin's pages of series: the list, and the form that writes one. */
import { AdminLayout, CsrfField, DataTable, ErrorSummary, Notice, RadioGroup, TextInput, type AdminViewContext, type FieldErrors } from '../admin/index.js';
import { TextAreaField } from '../content/index.js';
import type { AdminSeriesRow } from './series.repository.js';

/** The form's fields as typed (or as saved), every one a string. */
export type SeriesFormValues = Record<(typeof SERIES_FORM_FIELDS)[number], string>;

/** The series form's fields, in the order they are shown. */
export const SERIES_FORM_FIELDS = ['en_title', 'slug', 'en_description', 'vi_title', 'vi_slug', 'vi_description', 'status'] as const;

export function SeriesListPage({ ctx, series }: { ctx: AdminViewContext; series: readonly AdminSeriesRow[] }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('series.admin.title')}>
      <h1>{t('series.admin.title')}</h1>
      <p>
        <a class="button" href="/admin/series/new">
          {t('series.admin.new')}
        </a>
      </p>
      {series.length === 0 ? (
        <p>{t('series.admin.empty')}</p>
      ) : (
        <DataTable caption={t('series.admin.title')} headings={[t('series.admin.field.title'), t('series.admin.field.slug'), t('series.admin.field.status')]}>
          {series.map((s) => (
            <tr>
              <td data-label={t('series.admin.field.title')}>
                <a href={`/admin/series/${s.id}`}>{s.title}</a>
              </td>
              <td data-label={t('series.admin.field.slug')}>
                <code>{s.slug}</code>
              </td>
              <td data-label={t('series.admin.field.status')}>{t(s.status === 'published' ? 'series.admin.status.published' : 'series.admin.status.draft')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}

interface SeriesFormPageProps {
  ctx: AdminViewContext;
  /** The series' id when it exists. */
  id: number | null;
  values: SeriesFormValues;
  errors: FieldErrors;
  saved?: boolean;
}

export function SeriesFormPage({ ctx, id, values, errors, saved }: SeriesFormPageProps) {
  const { t } = ctx;
  const title = id === null ? t('series.admin.new') : t('series.admin.edit');
  const labels: Record<string, string> = {
    en_title: t('series.admin.field.enTitle'),
    slug: t('series.admin.field.slug'),
    en_description: t('series.admin.field.enDescription'),
    vi_title: t('series.admin.field.viTitle'),
    vi_slug: t('series.admin.field.viSlug'),
    vi_description: t('series.admin.field.viDescription'),
    status: t('series.admin.field.status'),
  };
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/series">{t('series.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {saved ? <Notice>{t('series.admin.saved')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={id === null ? '/admin/series/new' : `/admin/series/${id}`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset lang="en">
          <legend>{t('series.admin.english')}</legend>
          <TextInput name="en_title" label={labels.en_title!} value={values.en_title} error={errors.en_title} required maxLength={300} />
          <TextInput name="slug" label={labels.slug!} value={values.slug} error={errors.slug} hint={t('series.admin.hint.slug')} maxLength={200} />
          <TextAreaField name="en_description" label={labels.en_description!} value={values.en_description} error={errors.en_description} hint={t('series.admin.hint.markdown')} rows={8} />
        </fieldset>
        <fieldset lang="vi">
          <legend>{t('series.admin.vietnamese')}</legend>
          <TextInput name="vi_title" label={labels.vi_title!} value={values.vi_title} error={errors.vi_title} hint={t('series.admin.hint.viTitle')} lang="vi" maxLength={300} />
          <TextInput name="vi_slug" label={labels.vi_slug!} value={values.vi_slug} error={errors.vi_slug} hint={t('series.admin.hint.slug')} maxLength={200} />
          <TextAreaField name="vi_description" label={labels.vi_description!} value={values.vi_description} error={errors.vi_description} hint={t('series.admin.hint.markdown')} lang="vi" rows={8} />
        </fieldset>
        <RadioGroup
          name="status"
          legend={labels.status!}
          value={values.status}
          error={errors.status}
          options={[
            { value: 'draft', label: t('series.admin.status.draft') },
            { value: 'published', label: t('series.admin.status.published') },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('series.admin.save')}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
