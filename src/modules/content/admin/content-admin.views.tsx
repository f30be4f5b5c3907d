/**
 * The admin's pages for any kind of content: the list, the form (new, edit,
 * and again after a refused save or a conflict), and the delete confirmation.
 * What differs between kinds comes from the kind's description (its fields,
 * its list's date, its extra tags and buttons); every text comes from the
 * message files, every control has its label, hint and message.
 */
import type { Kysely } from 'kysely';
import { h, type JSX } from 'preact';
import { NotFoundError } from '../../../shared/errors.js';
import type { Database, LangCode } from '../../../db/schema.js';
import type { PageInfo } from '../../../shared/pagination.js';
import type { ViewContext } from '../../../shared/views/view-context.js';
import { Pager } from '../../../shared/views/Pager.js';
import { scriptUrl } from '../../../shared/http/assets.js';
import { AdminLayout, CsrfField, ErrorSummary, Notice, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import type { MessageKey, TranslationStatusReport } from '../../i18n/index.js';
import type { TermRow } from '../../taxonomy/index.js';
import type { StepReasons } from './confirm.views.js';
import type { EditContext } from '../workflow.js';
import type { ContentSave, ContentSummaryRow, ContentType, ContentTypeFormValues, ContentTypeInput } from '../content-type.js';
import type { BaseSnapshot, Editable } from '../editing.js';
import { wordsIn, type TextFields } from '../translated-texts.js';
import { workflowState } from '../workflow.js';
import { CheckboxField, CheckboxGroup, InputField, LanguageFieldset, SelectField, TextAreaField } from './fields.js';
import { formatInstant, fieldLabel } from './format.js';
import { ConflictIntro, DoneNotice, ItemLinks, TranslationState, type ConflictInfo, type Done } from './page-parts.js';
import { StateTag, WorkflowPanel, type StepName } from './workflow.views.js';
import { BulkBar, type BulkChoice } from './bulk.views.js';
import { AutosaveNotice, AutosaveRestored, AutosaveStatus, NothingToRestore, type AutosaveForm, type AutosaveOffer } from './autosave.views.js';

/** What a kind's own fields are drawn with: the values as typed, the messages, and what the kind loaded for its form. */
export interface KindFieldsProps<Values, Extras> {
  ctx: AdminViewContext;
  values: Values;
  errors: FieldErrors;
  extras: Extras;
  officeZone: string;
}

/** What a kind's translated fields are drawn with, in one language's column. */
interface TextFieldsProps {
  ctx: AdminViewContext;
  lang: LangCode;
  texts: TextFields;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
}

/**
 * A kind's translated fields after the title, one control each as the
 * description declares it: a text area for a long one, else a line, with the
 * label and hint declared, in the admin's language.
 */
export function DeclaredTextFields({ ctx, lang, texts, values, errors }: TextFieldsProps) {
  return (
    <>
      {Object.entries(texts).map(([field, declared]) => {
        const name = `${lang}_${field}`;
        const label = wordsIn(ctx, declared.label);
        const hint = declared.hint ? wordsIn(ctx, declared.hint) : undefined;
        const value = String(values[name] ?? '');
        return declared.long || declared.markdown ? (
          <TextAreaField name={name} label={label} hint={hint} value={value} error={errors[name]} lang={lang} rows={declared.rows} />
        ) : (
          <InputField name={name} label={label} hint={hint} value={value} error={errors[name]} lang={lang} />
        );
      })}
    </>
  );
}

/** A save besides the plain one, offered by its own button (an event's "save and put back on"). */
export interface SaveIntent<S, Input> {
  intent: string;
  label: MessageKey;
  done: Done;
  save: ContentSave<S, Input>;
  /** Whether the stored item offers it. */
  offered(item: Editable<S>): boolean;
}

/**
 * A workflow step beyond the publication ones (an event's postpone and
 * cancel), taken from its confirmation page, which asks why in each
 * language: what visitors are told.
 */
export interface ExtraStep<S> {
  step: StepName;
  done: Done;
  run(db: Kysely<Database>, ctx: EditContext, id: number, reasons: StepReasons, loadedRevision?: number): Promise<Editable<S>>;
}

/** One kind of content as the admin shows it. */
export interface ContentAdmin<
  S extends BaseSnapshot,
  Input extends ContentTypeInput,
  Values extends ContentTypeFormValues,
  Row extends ContentSummaryRow,
  Extras extends object,
> {
  type: ContentType<S, Input, Values, Row>;
  /** Where the admin shell mounts the kind, e.g. /admin/events. */
  basePath: string;
  messages: { title: MessageKey; new: MessageKey; editTitle: MessageKey; backToList: MessageKey };
  /** The date the list shows beside the title, and its heading. */
  dateColumn: { label: MessageKey; value(row: Row): string };
  /** A tag after a title in the list (an event cancelled or postponed). */
  titleTag?(ctx: AdminViewContext, row: Row): JSX.Element | null;
  /** A tag after the workflow state on the edit page. */
  statusTag?(ctx: AdminViewContext, item: Editable<S>): JSX.Element | null;
  /** The kind's untranslated fields, between the languages and the tags. */
  DetailFields(props: KindFieldsProps<Values, Extras>): JSX.Element;
  extraSteps?: readonly ExtraStep<S>[];
  saveIntents?: readonly SaveIntent<S, Input>[];
  /** The public address of the item in a language. */
  publicPath(lang: LangCode, slug: string): string;
  /** The public page as it would show now, text not yet published included, with `banner` on top. NotFoundError when gone. */
  preview(db: Kysely<Database>, item: Editable<S>, lang: LangCode, ctx: ViewContext, banner: JSX.Element): Promise<JSX.Element>;
  /** Whatever the kind's fields need loaded (choices of images…), for the values shown. */
  extras(db: Kysely<Database>, values: Values): Promise<Extras>;
  /** Whether the form was sent to be shown again unsaved, with what it would make (an event's "Show sessions"). */
  showOnly?(values: Values): boolean;
}

/**
 * A kind's preview from its public pieces: its row by id (NotFoundError when
 * gone), its page's details with the text not yet published, and its page.
 */
export function previewFrom<Row, Detail>(
  find: (db: Kysely<Database>, id: number) => Promise<Row | undefined>,
  detail: (db: Kysely<Database>, row: Row, lang: LangCode, options: { draftText: boolean }) => Promise<Detail>,
  Page: (props: { ctx: ViewContext; detail: Detail; banner: JSX.Element }) => JSX.Element,
) {
  return async (db: Kysely<Database>, item: { id: number }, lang: LangCode, ctx: ViewContext, banner: JSX.Element): Promise<JSX.Element> => {
    const row = await find(db, item.id);
    if (!row) throw new NotFoundError();
    return h(Page, { ctx, detail: await detail(db, row, lang, { draftText: true }), banner });
  };
}

// The description's parameters, when only the shape of the pages matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContentAdmin = ContentAdmin<any, any, any, any, any>;

export function itemAdminPath(kind: AnyContentAdmin, id: number): string {
  return `${kind.basePath}/${id}`;
}

/** The list filters, in the order of their links. */
export const LIST_FILTERS = ['all', 'draft', 'in_review', 'scheduled', 'published'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

const FILTER_KEYS: Record<ListFilter, MessageKey> = {
  all: 'editing.list.all',
  draft: 'editing.list.drafts',
  in_review: 'editing.list.inReview',
  scheduled: 'editing.list.scheduled',
  published: 'editing.list.published',
};

/** What the list shows: its state filter, words searched for, Vietnamese text or not, and page. */
export interface ListView {
  status: ListFilter;
  q: string;
  vi: 'any' | 'with' | 'without';
  page: number;
}

/** The list's address for `view`: what narrows it kept, so it can be shared and paged. */
export function listHref(basePath: string, view: Omit<ListView, 'page'>, page = 1): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.status !== 'all') params.set('status', view.status);
  if (view.vi !== 'any') params.set('vi', view.vi);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The search form: a GET form, so the address holds what was asked and works without scripts. */
function ListSearch({ kind, ctx, query }: { kind: AnyContentAdmin; ctx: AdminViewContext; query: ListView }) {
  const { t } = ctx;
  return (
    <form method="get" action={kind.basePath} class="list-search" role="search">
      <InputField name="q" type="search" label={t('editing.list.search')} hint={t('editing.list.searchHint')} value={query.q} maxLength={200} />
      <SelectField
        name="status"
        label={t('editing.field.status')}
        value={query.status}
        options={LIST_FILTERS.map((f) => ({ value: f, label: t(FILTER_KEYS[f]) }))}
      />
      <SelectField
        name="vi"
        label={t('editing.list.viFilter')}
        value={query.vi}
        options={[
          { value: 'any', label: t('editing.list.viAny') },
          { value: 'with', label: t('editing.list.viWith') },
          { value: 'without', label: t('editing.list.viWithout') },
        ]}
      />
      <p>
        <button type="submit" class="button">
          {t('editing.list.searchButton')}
        </button>
      </p>
    </form>
  );
}

export interface ContentListProps {
  kind: AnyContentAdmin;
  ctx: AdminViewContext;
  query: ListView;
  rows: readonly ContentSummaryRow[];
  info: PageInfo;
  now: Date;
  zone: string;
  canCreate: boolean;
  done?: Done | undefined;
  /** The topics a bulk change may add, what was chosen, and why a choice was refused. */
  bulk: { topics: readonly TermRow[]; choice: BulkChoice; problem?: string | undefined };
}

/** Every item of a kind, newest first, filtered by where it stands. */
export function ContentListPage({ kind, ctx, query, rows, info, now, zone, canCreate, done, bulk }: ContentListProps) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t(kind.messages.title)}>
      <h1>{t(kind.messages.title)}</h1>
      <DoneNotice ctx={ctx} done={done} />
      {canCreate ? (
        <p>
          <a class="button" href={`${kind.basePath}/new`}>
            {t(kind.messages.new)}
          </a>
        </p>
      ) : null}
      <ListSearch kind={kind} ctx={ctx} query={query} />
      <nav aria-label={t('editing.list.filterLabel')} class="filter-links">
        <ul>
          {LIST_FILTERS.map((f) => (
            <li>
              <a href={listHref(kind.basePath, { ...query, status: f })} aria-current={f === query.status ? 'page' : undefined}>
                {t(FILTER_KEYS[f])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p class="empty">{t('editing.list.empty')}</p>
      ) : (
        <form method="post" action={`${kind.basePath}/bulk`} class="bulk-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="back" value={listHref(kind.basePath, query, query.page)} />
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('editing.bulk.choose')}</th>
                <th scope="col">{t('editing.field.title')}</th>
                <th scope="col">{t(kind.dateColumn.label)}</th>
                <th scope="col">{t('editing.field.status')}</th>
                <th scope="col">{t('editing.field.vi')}</th>
                <th scope="col">{t('editing.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td data-label={t('editing.bulk.choose')}>
                    <input type="checkbox" name="ids" value={String(row.id)} id={`bulk-${row.id}`} checked={bulk.choice.ids.includes(row.id)} />
                    <label for={`bulk-${row.id}`} class="visually-hidden">
                      {t('editing.bulk.chooseItem', { title: row.title })}
                    </label>
                  </td>
                  <td data-label={t('editing.field.title')}>
                    <a href={itemAdminPath(kind, row.id)}>{row.title}</a>
                    {kind.titleTag ? kind.titleTag(ctx, row) : null}
                  </td>
                  <td class="nowrap" data-label={t(kind.dateColumn.label)}>
                    <time dateTime={kind.dateColumn.value(row)}>{kind.dateColumn.value(row)}</time>
                  </td>
                  <td data-label={t('editing.field.status')}>
                    <StateTag ctx={ctx} state={workflowState(row.status, row.publish_at, now)} />
                  </td>
                  <td data-label={t('editing.field.vi')}>{row.has_vi ? t('editing.list.yes') : t('editing.list.no')}</td>
                  <td class="nowrap" data-label={t('editing.list.updated')}>
                    <time dateTime={row.updated_at}>{formatInstant(row.updated_at, zone, ctx.lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <BulkBar ctx={ctx} choice={bulk.choice} topics={bulk.topics} problem={bulk.problem} />
        </form>
      )}
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => listHref(kind.basePath, query, p)} />
    </AdminLayout>
  );
}

export interface ContentFormProps {
  kind: AnyContentAdmin;
  ctx: AdminViewContext;
  /** Where the form posts. */
  action: string;
  values: ContentTypeFormValues;
  errors: FieldErrors;
  topics: readonly TermRow[];
  programmes: readonly TermRow[];
  /** Whether this person may publish or withdraw the Vietnamese text (editors and admins). */
  canPublishTranslation: boolean;
  /** How the Vietnamese text stands against the English, for an existing item. */
  translation?: TranslationStatusReport | undefined;
  officeZone: string;
  /** What the kind loaded for its own fields. */
  extras: object;
  /** The saves besides the plain one this item offers now, by their buttons. */
  intents: readonly { intent: string; label: MessageKey }[];
  /** Where the edit script keeps the form as it is typed, and whether it shows unsaved changes restored. */
  autosave?: AutosaveForm | undefined;
}

/** The form: the writing column (both languages, side by side or one at a time), then the kind's details and tags, then the action bar. */
export function ContentForm(props: ContentFormProps & { bar: JSX.Element }) {
  const { kind, ctx, action, values, errors, topics, programmes, canPublishTranslation, translation, officeZone, extras, bar } = props;
  const { t } = ctx;
  const e = (name: string) => errors[name];
  const v = (name: string) => (values as unknown as Record<string, string>)[name] ?? '';
  const text = (lang: LangCode, field: string) => v(`${lang}_${field}`);
  const labels = Object.fromEntries(Object.keys(errors).map((name) => [name, fieldLabel(ctx, name.replace(/^(en|vi)_/, '$1.'))]));
  const { DetailFields } = kind;
  const viOnSite = v('vi_status') === 'published';
  const autosave = props.autosave;
  return (
    <form
      method="post"
      action={action}
      class="edit-form"
      id="edit-form"
      data-edit-form
      data-autosave={autosave?.url}
      data-autosave-restored={autosave?.restored ? '' : undefined}
      novalidate
    >
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="revision" value={values.revision} />

      <div class="edit-writing">
        {/* Shown by the edit script: both languages side by side, or one at a time (remembered). */}
        <div class="language-view" data-language-view hidden>
          <span class="language-view__label">{t('editing.view.label')}</span>
          <button type="button" class="language-view__choice" data-view="both" aria-pressed="true">
            {t('editing.view.both')}
          </button>
          <button type="button" class="language-view__choice" data-view="en" aria-pressed="false">
            {t('editing.form.english')}
          </button>
          <button type="button" class="language-view__choice" data-view="vi" aria-pressed="false">
            {t('editing.form.vietnamese')}
          </button>
        </div>
        <div class="language-columns">
          {(['en', 'vi'] as const).map((lang) => (
            <LanguageFieldset
              lang={lang}
              legend={t(lang === 'en' ? 'editing.form.english' : 'editing.form.vietnamese')}
              status={
                lang === 'vi' && text('vi', 'title') !== '' ? (
                  <span class={`tag tag--${viOnSite ? 'published' : 'draft'}`}>{t(viOnSite ? 'editing.translation.published' : 'editing.translation.draft')}</span>
                ) : null
              }
            >
              {lang === 'vi' ? <p class="field-hint">{t('editing.form.vietnameseHint')}</p> : null}
              {lang === 'vi' && translation ? <TranslationState ctx={ctx} report={translation} /> : null}
              <InputField name={`${lang}_title`} label={t('editing.field.title')} value={text(lang, 'title')} error={e(`${lang}_title`)} lang={lang} required={lang === 'en'} maxLength={300} />
              <DeclaredTextFields ctx={ctx} lang={lang} texts={kind.type.texts} values={values as unknown as Record<string, unknown>} errors={errors} />
              {lang === 'en' ? (
                <InputField name="slug" label={t('editing.field.slug')} hint={t('editing.hint.slug')} value={v('slug')} error={e('slug')} maxLength={80} />
              ) : (
                <>
                  <InputField name="vi_slug" label={t('editing.field.slug')} hint={t('editing.hint.viSlug')} value={v('vi_slug')} error={e('vi_slug')} maxLength={80} />
                  {canPublishTranslation ? (
                    <SelectField
                      name="vi_status"
                      label={t('editing.field.translationStatus')}
                      hint={t('editing.hint.translationStatus')}
                      value={v('vi_status') || 'draft'}
                      error={e('vi_status')}
                      options={[
                        { value: 'draft', label: t('editing.translation.draft') },
                        { value: 'published', label: t('editing.translation.published') },
                      ]}
                    />
                  ) : null}
                  <CheckboxField name="vi_current" label={t('editing.field.translationCurrent')} hint={t('editing.hint.translationCurrent')} checked={v('vi_current') !== ''} />
                </>
              )}
            </LanguageFieldset>
          ))}
        </div>
      </div>

      <div class="edit-details">
        <DetailFields ctx={ctx} values={values} errors={errors} extras={extras} officeZone={officeZone} />
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
      </div>

      {bar}
    </form>
  );
}

/**
 * The bar at the foot of the form that stays in view while the page scrolls:
 * where the item stands, Save (and the kind's other saves), Publish now when
 * it may be (the panel's form, by its id), a way to the schedule field, and
 * the save status the edit script fills in.
 */
function ActionBar({
  ctx,
  kind,
  item,
  steps,
  now,
  officeZone,
  intents,
  autosave,
}: Pick<ContentEditPageProps, 'ctx' | 'kind' | 'item' | 'steps' | 'now' | 'officeZone' | 'intents' | 'autosave'>) {
  const { t } = ctx;
  // A form with more than one way to save names the plain one too.
  const named = (kind.saveIntents?.length ?? 0) > 0;
  return (
    <div class="action-bar" role="group" aria-label={t('editing.bar.label')}>
      {item ? (
        <p class="action-bar__status">
          <StateTag ctx={ctx} state={workflowState(item.snapshot.status, item.snapshot.publish_at, now)} />
          {kind.statusTag ? kind.statusTag(ctx, item) : null}{' '}
          <span class="action-bar__saved" data-save-status>
            {t('editing.bar.savedAt', { when: formatInstant(item.updatedAt, officeZone, ctx.lang) })}
          </span>
        </p>
      ) : null}
      <div class="action-bar__buttons">
        <button type="submit" class="button" data-save name={named ? 'intent' : undefined} value={named ? 'save' : undefined}>
          {t('editing.form.save')}
        </button>
        {intents.map((x) => (
          <button type="submit" class="button button--secondary" name="intent" value={x.intent}>
            {t(x.label)}
          </button>
        ))}
        {steps.includes('publish') ? (
          <button type="submit" class="button button--secondary" form="step-publish">
            {t('editing.step.publish')}
          </button>
        ) : null}
        {steps.includes('schedule') ? <a href="#field-publish_at">{t('editing.bar.schedule')}</a> : null}
      </div>
      {autosave ? <AutosaveStatus ctx={ctx} zone={officeZone} /> : null}
    </div>
  );
}

export interface ContentEditPageProps extends ContentFormProps {
  /** Undefined for a new item. */
  item?: Editable<BaseSnapshot> | undefined;
  steps: readonly StepName[];
  now: Date;
  done?: Done | undefined;
  /** A workflow step that could not be taken, with the reason. */
  problem?: string | undefined;
  schedule?: { value: string; error?: string | undefined } | undefined;
  /** Links to the public page when live. */
  publicLinks?: { en: string; vi: string } | undefined;
  /** The conflict: what is stored now, and who saved it. */
  conflict?: ConflictInfo | undefined;
  /** This person's changes kept but not saved: offered back, or restored in the form. */
  unsaved?: { offer: AutosaveOffer; restored: boolean } | undefined;
  /** A restore was asked for and there was nothing to restore. */
  nothingToRestore?: boolean | undefined;
}

/**
 * The edit page: the writing column, the details beside it on wide screens
 * (below on narrow ones) with the publishing panel, and the action bar in
 * view throughout. The edit script adds the language view, the warning before
 * leaving unsaved changes and Ctrl/⌘+S; without it every form works the same.
 */
export function ContentEditPage(props: ContentEditPageProps) {
  const { kind, ctx, item, steps, now, done, problem, schedule, publicLinks, conflict, officeZone } = props;
  const { t } = ctx;
  const title = item ? t(kind.messages.editTitle, { title: item.snapshot.en.title || props.values.en_title }) : t(kind.messages.new);
  const shownItem = item && !conflict ? item : undefined;
  return (
    <AdminLayout ctx={ctx} title={conflict ? t('editing.conflict.title') : title}>
      <p class="breadcrumb">
        <a href={kind.basePath}>{t(kind.messages.backToList)}</a>
      </p>
      {conflict ? <ConflictIntro ctx={ctx} conflict={conflict} zone={officeZone} /> : <h1>{title}</h1>}
      <DoneNotice ctx={ctx} done={done} />
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {props.nothingToRestore ? <NothingToRestore ctx={ctx} /> : null}
      {props.unsaved && props.autosave ? (
        props.unsaved.restored ? (
          <AutosaveRestored ctx={ctx} offer={props.unsaved.offer} zone={officeZone} />
        ) : (
          <AutosaveNotice ctx={ctx} offer={props.unsaved.offer} formHref={item ? itemAdminPath(kind, item.id) : `${kind.basePath}/new`} url={props.autosave.url} zone={officeZone} />
        )
      ) : null}
      {shownItem ? (
        <div class="item-status">
          <ItemLinks ctx={ctx} basePath={itemAdminPath(kind, shownItem.id)} publicLinks={publicLinks} />
        </div>
      ) : null}
      <div class="edit-layout">
        <ContentForm {...props} bar={<ActionBar ctx={ctx} kind={kind} item={shownItem} steps={shownItem ? steps : []} now={now} officeZone={officeZone} intents={props.intents} autosave={props.autosave} />} />
        {shownItem ? (
          <aside class="edit-aside">
            <WorkflowPanel ctx={ctx} basePath={itemAdminPath(kind, shownItem.id)} item={shownItem} steps={steps} now={now} zone={officeZone} schedule={schedule} />
          </aside>
        ) : null}
      </div>
      <script type="module" src={scriptUrl('edit-form.js')} />
    </AdminLayout>
  );
}

/** "Delete this item?" with the button that does it. */
export function DeleteContentPage({ kind, ctx, item }: { kind: AnyContentAdmin; ctx: AdminViewContext; item: Editable<BaseSnapshot> }) {
  const { t } = ctx;
  const title = t('editing.delete.title', { title: item.snapshot.en.title });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('editing.delete.explanation')}</p>
      <form method="post" action={`${itemAdminPath(kind, item.id)}/delete`} class="form-actions">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(item.revision)} />
        <button type="submit" class="button button--danger">
          {t('editing.delete.confirm')}
        </button>
        <a href={itemAdminPath(kind, item.id)}>{t('editing.delete.cancel')}</a>
      </form>
    </AdminLayout>
  );
}
