/**
 * The admin's article pages: the list, the form (new, edit, and again after
 * a refused save or a conflict), and the delete confirmation.
 */
import { AdminLayout, CsrfField, ErrorSummary, Notice, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  ConflictIntro,
  DoneNotice,
  InputField,
  ItemLinks,
  LanguageFieldset,
  SelectField,
  StateTag,
  TextAreaField,
  TranslationState,
  WorkflowPanel,
  fieldLabel,
  formatInstant,
  type ConflictInfo,
  type Done,
  type StepName,
} from '../../content/admin/index.js';
import { workflowState } from '../../content/index.js';
import type { MessageKey, TranslationStatusReport } from '../../i18n/index.js';
import type { TermRow } from '../../taxonomy/index.js';
import { MediaPickerField, type PictureImage } from '../../media/index.js';
import { Pager } from '../../../shared/views/Pager.js';
import type { PageInfo } from '../../../shared/pagination.js';
import type { EditableArticle } from '../articles.editing.js';
import type { ArticleSummaryRow } from '../articles.editing.repository.js';
import { BYLINE_KINDS, type ArticleFormValues } from '../articles.schemas.js';

export const ARTICLES_ADMIN_PATH = '/admin/articles';

export function articleAdminPath(id: number): string {
  return `${ARTICLES_ADMIN_PATH}/${id}`;
}

const LIST_FILTERS = ['all', 'draft', 'in_review', 'scheduled', 'published'] as const;
type ListFilter = (typeof LIST_FILTERS)[number];

const FILTER_KEYS: Record<ListFilter, MessageKey> = {
  all: 'editing.list.all',
  draft: 'editing.list.drafts',
  in_review: 'editing.list.inReview',
  scheduled: 'editing.list.scheduled',
  published: 'editing.list.published',
};

function listHref(filter: ListFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('status', filter);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${ARTICLES_ADMIN_PATH}?${query}` : ARTICLES_ADMIN_PATH;
}

interface ListProps {
  ctx: AdminViewContext;
  filter: ListFilter;
  rows: readonly ArticleSummaryRow[];
  info: PageInfo;
  now: Date;
  zone: string;
  canCreate: boolean;
  done?: Done | undefined;
}

/** Every article, newest first, filtered by where it stands. */
export function ArticlesListPage({ ctx, filter, rows, info, now, zone, canCreate, done }: ListProps) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('editing.articles.title')}>
      <h1>{t('editing.articles.title')}</h1>
      <DoneNotice ctx={ctx} done={done} />
      {canCreate ? (
        <p>
          <a class="button" href={`${ARTICLES_ADMIN_PATH}/new`}>
            {t('editing.articles.new')}
          </a>
        </p>
      ) : null}
      <nav aria-label={t('editing.list.filterLabel')} class="filter-links">
        <ul>
          {LIST_FILTERS.map((f) => (
            <li>
              <a href={listHref(f)} aria-current={f === filter ? 'page' : undefined}>
                {t(FILTER_KEYS[f])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p class="empty">{t('editing.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('editing.field.title')}</th>
                <th scope="col">{t('editing.field.published_on')}</th>
                <th scope="col">{t('editing.field.status')}</th>
                <th scope="col">{t('editing.field.vi')}</th>
                <th scope="col">{t('editing.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={articleAdminPath(row.id)}>{row.title}</a>
                  </td>
                  <td class="nowrap">
                    <time dateTime={row.published_on}>{row.published_on}</time>
                  </td>
                  <td>
                    <StateTag ctx={ctx} state={workflowState(row.status, row.publish_at, now)} />
                  </td>
                  <td>{row.has_vi ? t('editing.list.yes') : t('editing.list.no')}</td>
                  <td class="nowrap">
                    <time dateTime={row.updated_at}>{formatInstant(row.updated_at, zone, ctx.lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => listHref(filter, p)} />
    </AdminLayout>
  );
}

export interface ArticleFormProps {
  ctx: AdminViewContext;
  action: string;
  values: ArticleFormValues;
  errors: FieldErrors;
  topics: readonly TermRow[];
  programmes: readonly TermRow[];
  canPublishTranslation: boolean;
  translation?: TranslationStatusReport | undefined;
  /** The library images the hero may be chosen from (the newest, and the chosen one). */
  heroChoices: readonly PictureImage[];
}

type TextField = 'title' | 'summary' | 'body' | 'hero_alt' | 'byline_role' | 'byline_organisation';

/** The article form: the two languages side by side, the image, credit and byline, topics and programmes. */
export function ArticleForm({ ctx, action, values, errors, topics, programmes, canPublishTranslation, translation, heroChoices }: ArticleFormProps) {
  const { t } = ctx;
  const e = (name: string) => errors[name];
  const text = (lang: 'en' | 'vi', field: TextField) => values[`${lang}_${field}`];
  const labels = Object.fromEntries(Object.keys(errors).map((name) => [name, fieldLabel(t, name.replace(/^(en|vi)_/, '$1.'))]));
  return (
    <form method="post" action={action} class="edit-form" novalidate>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="revision" value={values.revision} />

      <div class="language-columns">
        {(['en', 'vi'] as const).map((lang) => (
          <LanguageFieldset lang={lang} legend={t(lang === 'en' ? 'editing.form.english' : 'editing.form.vietnamese')}>
            {lang === 'vi' ? <p class="field-hint">{t('editing.form.vietnameseHint')}</p> : null}
            {lang === 'vi' && translation ? <TranslationState ctx={ctx} report={translation} /> : null}
            <InputField name={`${lang}_title`} label={t('editing.field.title')} value={text(lang, 'title')} error={e(`${lang}_title`)} lang={lang} required={lang === 'en'} maxLength={300} />
            <TextAreaField name={`${lang}_summary`} label={t('editing.field.summary')} hint={t('editing.hint.summary')} value={text(lang, 'summary')} error={e(`${lang}_summary`)} lang={lang} rows={3} />
            <TextAreaField name={`${lang}_body`} label={t('editing.field.body')} hint={t('editing.hint.body')} value={text(lang, 'body')} error={e(`${lang}_body`)} lang={lang} rows={16} />
            <InputField name={`${lang}_hero_alt`} label={t('editing.field.hero_alt')} value={text(lang, 'hero_alt')} error={e(`${lang}_hero_alt`)} lang={lang} />
            <InputField name={`${lang}_byline_role`} label={t('editing.field.byline_role')} value={text(lang, 'byline_role')} error={e(`${lang}_byline_role`)} lang={lang} />
            <InputField
              name={`${lang}_byline_organisation`}
              label={t('editing.field.byline_organisation')}
              value={text(lang, 'byline_organisation')}
              error={e(`${lang}_byline_organisation`)}
              lang={lang}
            />
            {lang === 'en' ? (
              <InputField name="slug" label={t('editing.field.slug')} hint={t('editing.hint.slug')} value={values.slug} error={e('slug')} maxLength={80} />
            ) : (
              <>
                <InputField name="vi_slug" label={t('editing.field.slug')} hint={t('editing.hint.viSlug')} value={values.vi_slug} error={e('vi_slug')} maxLength={80} />
                {canPublishTranslation ? (
                  <SelectField
                    name="vi_status"
                    label={t('editing.field.translationStatus')}
                    hint={t('editing.hint.translationStatus')}
                    value={values.vi_status || 'draft'}
                    error={e('vi_status')}
                    options={[
                      { value: 'draft', label: t('editing.translation.draft') },
                      { value: 'published', label: t('editing.translation.published') },
                    ]}
                  />
                ) : null}
                <CheckboxField name="vi_current" label={t('editing.field.translationCurrent')} hint={t('editing.hint.translationCurrent')} checked={values.vi_current !== ''} />
              </>
            )}
          </LanguageFieldset>
        ))}
      </div>

      <fieldset class="form-section">
        <legend>{t('editing.form.details')}</legend>
        <InputField name="published_on" type="date" label={t('editing.field.published_on')} hint={t('editing.hint.date')} value={values.published_on} error={e('published_on')} required />
        <MediaPickerField
          ctx={ctx}
          name="hero_media_id"
          label={t('editing.field.hero_media_id')}
          hint={t('editing.hint.heroMedia')}
          value={values.hero_media_id}
          choices={heroChoices}
          error={e('hero_media_id')}
        />
        <InputField name="hero_image_path" label={t('editing.field.hero_image_path')} hint={t('editing.hint.heroImage')} value={values.hero_image_path} error={e('hero_image_path')} />
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('editing.form.attribution')}</legend>
        <div class="field-row">
          <InputField name="credit_holder" label={t('editing.field.credit_holder')} value={values.credit_holder} error={e('credit_holder')} />
          <InputField name="credit_photographer" label={t('editing.field.credit_photographer')} value={values.credit_photographer} error={e('credit_photographer')} />
          <InputField name="credit_year" label={t('editing.field.credit_year')} hint={t('editing.hint.creditYear')} value={values.credit_year} error={e('credit_year')} maxLength={4} />
        </div>
        <SelectField
          name="byline_kind"
          label={t('editing.field.byline_kind')}
          value={values.byline_kind}
          error={e('byline_kind')}
          options={[{ value: '', label: t('editing.byline.none') }, ...BYLINE_KINDS.map((kind) => ({ value: kind, label: t(`editing.byline.${kind}`) }))]}
        />
        <InputField name="byline_name" label={t('editing.field.byline_name')} value={values.byline_name} error={e('byline_name')} />
      </fieldset>

      <div class="form-section tag-columns">
        <CheckboxGroup name="topics" legend={t('editing.field.topics')} error={e('topics')} options={topics.map((x) => ({ value: String(x.id), label: x.name }))} chosen={values.topics} />
        <CheckboxGroup
          name="programmes"
          legend={t('editing.field.programmes')}
          error={e('programmes')}
          options={programmes.map((x) => ({ value: String(x.id), label: x.name }))}
          chosen={values.programmes}
        />
      </div>

      <div class="form-actions">
        <button type="submit" class="button">
          {t('editing.form.save')}
        </button>
      </div>
    </form>
  );
}

export interface ArticleEditPageProps extends ArticleFormProps {
  article?: EditableArticle | undefined;
  steps: readonly StepName[];
  now: Date;
  officeZone: string;
  done?: Done | undefined;
  problem?: string | undefined;
  schedule?: { value: string; error?: string | undefined } | undefined;
  publicLinks?: { en: string; vi: string } | undefined;
  conflict?: ConflictInfo | undefined;
}

/** The edit page: the form, and beside it the publishing panel and links (preview, history). */
export function ArticleEditPage(props: ArticleEditPageProps) {
  const { ctx, article, steps, now, done, problem, schedule, publicLinks, conflict, officeZone } = props;
  const { t } = ctx;
  const title = article ? t('editing.articles.editTitle', { title: article.snapshot.en.title || props.values.en_title }) : t('editing.articles.new');
  return (
    <AdminLayout ctx={ctx} title={conflict ? t('editing.conflict.title') : title}>
      <p class="breadcrumb">
        <a href={ARTICLES_ADMIN_PATH}>{t('editing.articles.backToList')}</a>
      </p>
      {conflict ? <ConflictIntro ctx={ctx} conflict={conflict} zone={officeZone} /> : <h1>{title}</h1>}
      <DoneNotice ctx={ctx} done={done} />
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {article && !conflict ? (
        <div class="item-status">
          <StateTag ctx={ctx} state={workflowState(article.snapshot.status, article.snapshot.publish_at, now)} />
          <ItemLinks ctx={ctx} basePath={articleAdminPath(article.id)} publicLinks={publicLinks} />
        </div>
      ) : null}
      <div class={article && !conflict ? 'edit-layout' : undefined}>
        <ArticleForm {...props} />
        {article && !conflict ? (
          <aside>
            <WorkflowPanel ctx={ctx} basePath={articleAdminPath(article.id)} item={article} steps={steps} now={now} zone={officeZone} schedule={schedule} />
          </aside>
        ) : null}
      </div>
    </AdminLayout>
  );
}

/** "Delete this article?" with the button that does it. */
export function DeleteArticlePage({ ctx, article }: { ctx: AdminViewContext; article: EditableArticle }) {
  const { t } = ctx;
  const title = t('editing.delete.title', { title: article.snapshot.en.title });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('editing.delete.explanation')}</p>
      <form method="post" action={`${articleAdminPath(article.id)}/delete`} class="form-actions">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(article.revision)} />
        <button type="submit" class="button button--danger">
          {t('editing.delete.confirm')}
        </button>
        <a href={articleAdminPath(article.id)}>{t('editing.delete.cancel')}</a>
      </form>
    </AdminLayout>
  );
}
