/** The media library's admin pages: the library, upload, one item, an event's documents, the Markdown preview. */
import { AdminLayout, CsrfField, ErrorSummary, Field, Notice, Select, TextInput, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import type { MediaRow } from '../../../db/schema.js';
import { Pager } from '../../../shared/views/Pager.js';
import { formatCredit } from '../photo-credit.js';
import type { Lang } from '../../i18n/index.js';
import type { AttachmentListRow, MediaListing, MediaUsage, PictureImage } from '../media.service.js';
import { creditInputValue, formatBytes } from '../media.schemas.js';
import { mediaUrl } from '../media.storage.js';
import { Picture } from '../Picture.js';

/** The file types the upload forms offer in the browser's file picker (the server checks the bytes anyway). */
const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif';
const PDF_TYPES = 'application/pdf';

export function mediaItemPath(id: number): string {
  return `/admin/media/${id}`;
}

/** The page where an event's documents are managed; the event's edit page links here. */
export function eventAttachmentsPath(eventId: number): string {
  return `/admin/media/events/${eventId}/attachments`;
}

/** Form actions of multipart forms carry the CSRF token in the query string (their body is read only by the route). */
function withCsrf(path: string, ctx: AdminViewContext): string {
  return `${path}${path.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(ctx.csrfToken)}`;
}

function creditText(row: MediaRow): string | null {
  return row.credit_holder ? formatCredit({ holder: row.credit_holder, photographer: row.credit_photographer, year: row.credit_year }) : null;
}

function altText(row: Pick<MediaRow, 'alt_en' | 'alt_vi'>, lang: Lang): string {
  return (lang === 'vi' && row.alt_vi ? row.alt_vi : row.alt_en) ?? '';
}

export interface LibraryFilter {
  q: string;
  kind: '' | 'image' | 'document';
}

interface LibraryPageProps {
  ctx: AdminViewContext;
  listing: MediaListing;
  filter: LibraryFilter;
  pictures: Map<number, PictureImage>;
  notice?: string | undefined;
}

function libraryHref(filter: LibraryFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.kind) params.set('kind', filter.kind);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/media?${query}` : '/admin/media';
}

/** The library: search, the newest files first as a grid, paging. */
export function LibraryPage({ ctx, listing, filter, pictures, notice }: LibraryPageProps) {
  const { t } = ctx;
  const { info } = listing;
  const searching = filter.q !== '' || filter.kind !== '';
  return (
    <AdminLayout ctx={ctx} title={t('media.library.title')}>
      <div class="page-heading">
        <h1>{t('media.library.title')}</h1>
        <a class="button" href="/admin/media/new">
          {t('media.library.upload')}
        </a>
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <form method="get" action="/admin/media" class="media-search" role="search">
        <TextInput name="q" type="search" label={t('media.library.search')} value={filter.q} maxLength={200} />
        <Select
          name="kind"
          label={t('media.library.kind')}
          value={filter.kind}
          options={[
            { value: '', label: t('media.library.kindAll') },
            { value: 'image', label: t('media.library.kindImage') },
            { value: 'document', label: t('media.library.kindDocument') },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button button--secondary">
            {t('media.library.searchButton')}
          </button>
        </div>
      </form>
      <p class="muted" role="status">
        {info.total === 0 ? (searching ? t('media.library.noMatch') : t('media.library.empty')) : t('media.library.count', { count: info.total })}
      </p>
      <ul class="media-grid">
        {listing.rows.map((row) => {
          const picture = pictures.get(row.id);
          const thumb = picture?.fallback[0];
          const credit = creditText(row);
          return (
            <li class="media-card">
              <a class="media-card__link" href={mediaItemPath(row.id)}>
                {thumb ? (
                  <img class="media-card__thumb" src={thumb.url} width={thumb.width} height={thumb.height} alt="" loading="lazy" />
                ) : (
                  <span class="media-card__thumb media-card__thumb--document" aria-hidden="true">
                    {ctx.t('media.card.documentBadge')}
                  </span>
                )}
                <span class="media-card__name">{row.original_name}</span>
              </a>
              {row.kind === 'image' ? <p class="media-card__alt">{altText(row, ctx.lang)}</p> : null}
              <p class="media-card__meta">
                {row.kind === 'image' && row.width && row.height ? `${t('media.facts.pixels', { width: row.width, height: row.height })} · ` : null}
                {formatBytes(row.bytes, ctx.lang)}
              </p>
              {credit ? <p class="media-card__meta credit">{credit}</p> : null}
            </li>
          );
        })}
      </ul>
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => libraryHref(filter, p)} />
    </AdminLayout>
  );
}

/** What the upload and details forms show again after a problem. */
export interface DetailsFormValues {
  altEn: string;
  altVi: string;
  credit: string;
}

function DetailsFields({ ctx, values, errors, requireAlt }: { ctx: AdminViewContext; values: DetailsFormValues; errors: FieldErrors; requireAlt: boolean }) {
  const { t } = ctx;
  return (
    <>
      <TextInput
        name="altEn"
        label={t('media.field.altEn')}
        hint={requireAlt ? t('media.field.altHint') : t('media.field.altHintAny')}
        value={values.altEn}
        error={errors.altEn}
        maxLength={500}
      />
      <TextInput name="altVi" label={t('media.field.altVi')} value={values.altVi} error={errors.altVi} maxLength={500} />
      <TextInput name="credit" label={t('media.field.credit')} hint={t('media.field.creditHint')} value={values.credit} error={errors.credit} maxLength={200} />
    </>
  );
}

function FileInput({ ctx, errors, accept, label, chooseAgain }: { ctx: AdminViewContext; errors: FieldErrors; accept: string; label: string; chooseAgain: boolean }) {
  const hint = chooseAgain ? ctx.t('media.upload.chooseAgain') : undefined;
  return (
    <Field name="file" label={label} error={errors.file} hint={hint}>
      <input
        id="field-file"
        type="file"
        name="file"
        accept={accept}
        required
        aria-invalid={errors.file ? 'true' : undefined}
        aria-describedby={[hint ? 'hint-file' : '', errors.file ? 'error-file' : ''].filter(Boolean).join(' ') || undefined}
      />
    </Field>
  );
}

const FIELD_ORDER = ['file', 'altEn', 'altVi', 'credit', 'labelEn', 'labelVi', 'mediaId'];

function orderedErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));
}

interface UploadPageProps {
  ctx: AdminViewContext;
  values: DetailsFormValues;
  errors: FieldErrors;
  maxBytes: number;
}

/** The upload form: a file (image or PDF), its descriptions and credit. */
export function UploadPage({ ctx, values, errors, maxBytes }: UploadPageProps) {
  const { t } = ctx;
  const failed = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={t('media.upload.title')}>
      <h1>{t('media.upload.title')}</h1>
      <ErrorSummary ctx={ctx} errors={orderedErrors(errors)} />
      <p class="lead">{t('media.upload.intro', { max: formatBytes(maxBytes, ctx.lang) })}</p>
      <form method="post" action={withCsrf('/admin/media', ctx)} enctype="multipart/form-data" class="form" novalidate>
        <FileInput ctx={ctx} errors={errors} accept={`${IMAGE_TYPES},${PDF_TYPES}`} label={t('media.field.file')} chooseAgain={failed} />
        <DetailsFields ctx={ctx} values={values} errors={errors} requireAlt={false} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('media.upload.submit')}
          </button>
          <a href="/admin/media">{t('media.action.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

interface MediaItemPageProps {
  ctx: AdminViewContext;
  media: MediaRow;
  picture: PictureImage | null;
  usage: MediaUsage;
  values: DetailsFormValues;
  errors: FieldErrors;
  notice?: string | undefined;
  /** Why deleting was refused, shown at the top. */
  problem?: string | undefined;
  canDelete: boolean;
  /** False for a contributor when the item is used by anything but their own drafts: the details are shown, not a form. */
  canEdit: boolean;
}

/** One item: the picture or the document, its facts, where it is used, its alt text and credit, and deleting it. */
export function MediaItemPage({ ctx, media, picture, usage, values, errors, notice, problem, canDelete, canEdit }: MediaItemPageProps) {
  const { t } = ctx;
  const inUse = usage.articles.length > 0 || usage.events.length > 0;
  const largest = picture?.fallback[picture.fallback.length - 1];
  const fileHref = media.path ? mediaUrl(media.path) : largest?.url;
  return (
    <AdminLayout ctx={ctx} title={media.original_name}>
      <p class="breadcrumb">
        <a href="/admin/media">{t('media.library.title')}</a>
      </p>
      <h1>{media.original_name}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={orderedErrors(errors)} />
      <div class="media-item">
        <div class="media-item__preview">
          {picture ? (
            <Picture image={picture} lang={ctx.lang} sizes="(min-width: 60rem) 30rem, 100vw" eager />
          ) : (
            <p class="media-card__thumb media-card__thumb--document" aria-hidden="true">
              {ctx.t('media.card.documentBadge')}
            </p>
          )}
        </div>
        <dl class="facts media-item__facts">
          <dt>{t('media.facts.type')}</dt>
          <dd>{media.mime}</dd>
          <dt>{t('media.facts.size')}</dt>
          <dd>{formatBytes(media.bytes, ctx.lang)}</dd>
          {media.width && media.height ? (
            <>
              <dt>{t('media.facts.dimensions')}</dt>
              <dd>{t('media.facts.pixels', { width: media.width, height: media.height })}</dd>
            </>
          ) : null}
          {picture ? (
            <>
              <dt>{t('media.facts.variants')}</dt>
              <dd>{t('media.facts.variantList', { widths: picture.fallback.map((s) => s.width).join(', '), formats: `AVIF, WebP, ${picture.fallbackType === 'image/png' ? 'PNG' : 'JPEG'}` })}</dd>
            </>
          ) : null}
          <dt>{t('media.facts.uploaded')}</dt>
          <dd>
            <time dateTime={media.created_at}>{media.created_at.slice(0, 10)}</time>
          </dd>
          {fileHref ? (
            <>
              <dt>{t('media.facts.file')}</dt>
              <dd>
                <a href={fileHref}>{t('media.facts.open')}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>

      <section aria-labelledby="usage-heading">
        <h2 id="usage-heading">{t('media.usage.title')}</h2>
        {inUse ? (
          <ul class="media-usage">
            {usage.articles.map((a) => (
              <li>{t('media.usage.article', { title: a.title })}</li>
            ))}
            {usage.events.map((e) => (
              <li>
                {t('media.usage.event', { title: e.title })} · <a href={eventAttachmentsPath(e.id)}>{t('media.usage.eventDocuments')}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('media.usage.none')}</p>
        )}
      </section>

      {media.kind === 'image' && canEdit ? (
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t('media.edit.title')}</h2>
          <form method="post" action={mediaItemPath(media.id)} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <DetailsFields ctx={ctx} values={values} errors={errors} requireAlt />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('media.edit.save')}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {media.kind === 'image' && !canEdit ? (
        <section aria-labelledby="details-heading" class="media-details-locked">
          <h2 id="details-heading">{t('media.edit.title')}</h2>
          <p>{t('media.edit.locked')}</p>
          <dl class="facts">
            <dt>{t('media.field.altEn')}</dt>
            <dd>{values.altEn}</dd>
            <dt>{t('media.field.altVi')}</dt>
            <dd>{values.altVi}</dd>
            <dt>{t('media.field.credit')}</dt>
            <dd>{values.credit}</dd>
          </dl>
        </section>
      ) : null}

      {canDelete ? (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('media.delete.title')}</h2>
          {inUse ? (
            <p>{t('media.delete.inUse')}</p>
          ) : (
            <form method="post" action={`${mediaItemPath(media.id)}/delete`} class="form">
              <CsrfField ctx={ctx} />
              <p>{t('media.delete.explain')}</p>
              <button type="submit" class="button button--danger">
                {t('media.delete.submit')}
              </button>
            </form>
          )}
        </section>
      ) : null}
    </AdminLayout>
  );
}

/** The values of the details form for an item as stored. */
export function detailsValues(media: MediaRow): DetailsFormValues {
  return { altEn: media.alt_en ?? '', altVi: media.alt_vi ?? '', credit: creditInputValue(media) };
}

export interface AttachmentFormValues {
  labelEn: string;
  labelVi: string;
  mediaId: string;
}

/** A form of one button acting on an attachment; the button names the attachment to screen readers. */
function AttachmentButton({ ctx, action, direction, text, name }: { ctx: AdminViewContext; action: string; direction?: 'up' | 'down'; text: string; name: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" class="link-button">
        {text}
        <span class="visually-hidden">: {name}</span>
      </button>
    </form>
  );
}

interface AttachmentsPageProps {
  ctx: AdminViewContext;
  event: { id: number; title: string };
  attachments: AttachmentListRow[];
  documents: MediaRow[];
  /** Values and problems of the form that was sent ('upload' or 'attach'), to show again. */
  form?: { which: 'upload' | 'attach'; values: AttachmentFormValues; errors: FieldErrors } | undefined;
  /** Problems with one attachment's labels, by media id. */
  labelErrors?: { mediaId: number; values: AttachmentFormValues; errors: FieldErrors } | undefined;
  notice?: string | undefined;
  problem?: string | undefined;
  canUpload: boolean;
  maxBytes: number;
  /** Where "back" leads (the event's edit page), when the link that led here said. */
  back?: string | undefined;
}

/** An event's documents: their order and labels, removing one, uploading a new PDF or attaching one from the library. */
export function AttachmentsPage(props: AttachmentsPageProps) {
  const { ctx, event, attachments, documents, form, labelErrors, notice, problem, canUpload, maxBytes, back } = props;
  const { t } = ctx;
  const path = eventAttachmentsPath(event.id);
  const query = back ? `?back=${encodeURIComponent(back)}` : '';
  const attached = new Set(attachments.map((a) => a.media_id));
  const available = documents.filter((d) => !attached.has(d.id));
  const uploadForm = form?.which === 'upload' ? form : undefined;
  const attachForm = form?.which === 'attach' ? form : undefined;
  const empty: AttachmentFormValues = { labelEn: '', labelVi: '', mediaId: '' };
  return (
    <AdminLayout ctx={ctx} title={t('media.attachments.adminTitle', { title: event.title })}>
      {back ? (
        <p class="breadcrumb">
          <a href={back}>{t('media.attachments.back')}</a>
        </p>
      ) : null}
      <h1>{t('media.attachments.adminTitle', { title: event.title })}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={orderedErrors({ ...(form?.errors ?? {}), ...(labelErrors?.errors ?? {}) })} />
      <p class="lead">{t('media.attachments.intro')}</p>

      {attachments.length === 0 ? <p class="muted">{t('media.attachments.none')}</p> : null}
      <ol class="attachment-admin-list">
        {attachments.map((a, i) => {
          const own = labelErrors?.mediaId === a.media_id ? labelErrors : undefined;
          const values = own?.values ?? { labelEn: a.label_en, labelVi: a.label_vi ?? '', mediaId: String(a.media_id) };
          const errors = own?.errors ?? {};
          const base = `${path}/${a.media_id}`;
          // The same fields are in every attachment's form and the forms below: only the
          // form with errors keeps the plain ids the error summary links to.
          const idStem = (name: string) => (own ? name : `attachment-${a.media_id}-${name}`);
          return (
            <li class="attachment-admin">
              <p class="attachment-admin__file">
                {a.path ? <a href={mediaUrl(a.path)}>{a.original_name}</a> : a.original_name} ({t('media.attachments.size', { size: formatBytes(a.bytes, ctx.lang) })})
              </p>
              <form method="post" action={`${base}${query}`} class="form attachment-admin__labels" novalidate>
                <CsrfField ctx={ctx} />
                <TextInput name="labelEn" id={idStem('labelEn')} label={t('media.field.labelEn')} value={values.labelEn} error={errors.labelEn} maxLength={200} />
                <TextInput name="labelVi" id={idStem('labelVi')} label={t('media.field.labelVi')} value={values.labelVi} error={errors.labelVi} maxLength={200} />
                <div class="form-actions">
                  <button type="submit" class="button button--secondary">
                    {t('media.attachments.saveLabels')}
                  </button>
                </div>
              </form>
              <div class="attachment-admin__actions">
                {i > 0 ? <AttachmentButton ctx={ctx} action={`${base}/move${query}`} direction="up" text={t('media.attachments.up')} name={a.label_en} /> : null}
                {i < attachments.length - 1 ? (
                  <AttachmentButton ctx={ctx} action={`${base}/move${query}`} direction="down" text={t('media.attachments.down')} name={a.label_en} />
                ) : null}
                <AttachmentButton ctx={ctx} action={`${base}/remove${query}`} text={t('media.attachments.remove')} name={a.label_en} />
              </div>
            </li>
          );
        })}
      </ol>

      {canUpload ? (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t('media.attachments.uploadTitle')}</h2>
          <p>{t('media.attachments.uploadIntro', { max: formatBytes(maxBytes, ctx.lang) })}</p>
          <form method="post" action={withCsrf(`${path}/upload${query}`, ctx)} enctype="multipart/form-data" class="form" novalidate>
            <FileInput ctx={ctx} errors={uploadForm?.errors ?? {}} accept={PDF_TYPES} label={t('media.field.pdf')} chooseAgain={uploadForm !== undefined} />
            <TextInput name="labelEn" id={uploadForm ? undefined : 'upload-labelEn'} label={t('media.field.labelEn')} hint={t('media.field.labelHint')} value={(uploadForm?.values ?? empty).labelEn} error={uploadForm?.errors.labelEn} maxLength={200} />
            <TextInput name="labelVi" id={uploadForm ? undefined : 'upload-labelVi'} label={t('media.field.labelVi')} value={(uploadForm?.values ?? empty).labelVi} error={uploadForm?.errors.labelVi} maxLength={200} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('media.attachments.uploadSubmit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {available.length > 0 ? (
        <section aria-labelledby="attach-heading">
          <h2 id="attach-heading">{t('media.attachments.existingTitle')}</h2>
          <form method="post" action={`${path}${query}`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <Select
              name="mediaId"
              label={t('media.field.document')}
              value={(attachForm?.values ?? empty).mediaId}
              error={attachForm?.errors.mediaId}
              options={available.map((d) => ({ value: String(d.id), label: `${d.original_name} (${formatBytes(d.bytes, ctx.lang)})` }))}
            />
            <TextInput name="labelEn" id={attachForm ? undefined : 'attach-labelEn'} label={t('media.field.labelEn')} hint={t('media.field.labelHint')} value={(attachForm?.values ?? empty).labelEn} error={attachForm?.errors.labelEn} maxLength={200} />
            <TextInput name="labelVi" id={attachForm ? undefined : 'attach-labelVi'} label={t('media.field.labelVi')} value={(attachForm?.values ?? empty).labelVi} error={attachForm?.errors.labelVi} maxLength={200} />
            <div class="form-actions">
              <button type="submit" class="button button--secondary">
                {t('media.attachments.attachSubmit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export interface PreviewSection {
  /** The text's language when the field says (en_body → 'en'), for the heading and lang attribute. */
  lang: Lang | undefined;
  text: string;
  /** The text rendered and sanitized. */
  html: string;
}

/** The no-JavaScript preview: each posted Markdown field rendered as the public pages will show it. */
export function MarkdownPreviewPage({ ctx, sections }: { ctx: AdminViewContext; sections: PreviewSection[] }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('media.markdown.previewTitle')}>
      <h1>{t('media.markdown.previewTitle')}</h1>
      <p class="lead">{t('media.markdown.previewIntro')}</p>
      {sections.map((section) => (
        <section class="markdown-preview markdown-preview--page">
          {section.lang ? <h2>{section.lang === 'vi' ? t('media.markdown.textVi') : t('media.markdown.textEn')}</h2> : null}
          {section.text.trim() === '' ? (
            <p class="muted">{t('media.markdown.empty')}</p>
          ) : (
            // Sanitized Markdown.
            <div class="article-body" lang={section.lang} dangerouslySetInnerHTML={{ __html: section.html }} />
          )}
        </section>
      ))}
    </AdminLayout>
  );
}
