/**
 * Markdown in the admin's forms: a textarea with a live preview (with
 * JavaScript) and a Preview button that works without it.
 */
import { controlAria, Field, type AdminViewContext } from '../../admin/index.js';
import type { Lang } from '../../i18n/index.js';
import { scriptUrl } from '../../../shared/http/assets.js';
import { renderMarkdown } from '../markdown.js';

/** Where the preview is rendered: the live preview's requests and the Preview button both post here. */
export const MARKDOWN_PREVIEW_PATH = '/admin/markdown/preview';

interface MarkdownFieldProps {
  ctx: AdminViewContext;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  /** Shown under the label; by default a reminder of the Markdown syntax. */
  hint?: string | undefined;
  /** The language of the text (not of the interface), so spell-checkers and screen readers use the right one. */
  textLang?: Lang | undefined;
  rows?: number;
}

/**
 * A labelled Markdown textarea. Below it, a preview panel that the site's own
 * script (no inline script: the admin's policy forbids it) keeps up to date as
 * the text changes; without JavaScript the panel stays hidden and
 * `MarkdownPreviewButton` does the job. The panel starts with the current
 * text rendered, so a form shown again after an error previews what was typed.
 */
export function MarkdownField({ ctx, name, label, value, error, hint, textLang, rows = 14 }: MarkdownFieldProps) {
  const { t } = ctx;
  const shownHint = hint ?? t('media.markdown.hint');
  return (
    <div class="markdown-field">
      <Field name={name} label={label} error={error} hint={shownHint}>
        <textarea
          id={`field-${name}`}
          name={name}
          rows={rows}
          lang={textLang}
          {...controlAria(name, error, shownHint)}
          data-markdown-preview={`preview-${name}`}
          data-preview-url={MARKDOWN_PREVIEW_PATH}
        >
          {value}
        </textarea>
      </Field>
      <section class="markdown-preview" id={`preview-${name}`} hidden aria-label={t('media.markdown.previewOf', { label })} aria-live="polite">
        <p class="markdown-preview__title">{t('media.markdown.preview')}</p>
        <p class="markdown-preview__failed" role="alert">
          {t('media.markdown.previewFailed')}
        </p>
        {/* Sanitized Markdown. */}
        <div class="markdown-preview__body article-body" lang={textLang} data-preview-output dangerouslySetInnerHTML={{ __html: renderMarkdown(value) }} />
      </section>
      {/* A module script runs once per page however many fields include it. */}
      <script type="module" src={scriptUrl('markdown-preview.js')} />
    </div>
  );
}

interface MarkdownPreviewButtonProps {
  ctx: AdminViewContext;
  /** The Markdown fields of the form to preview, in order (e.g. ['en_body', 'vi_body']). */
  fields: readonly string[];
}

/**
 * Posts the form's Markdown fields to the preview page, opened in a new tab
 * so the form and everything typed in it stay as they are. Place it after the
 * form's main submit button: pressing Enter in a field submits with the first
 * button of the form.
 */
export function MarkdownPreviewButton({ ctx, fields }: MarkdownPreviewButtonProps) {
  return (
    <button
      type="submit"
      class="button button--secondary"
      formaction={MARKDOWN_PREVIEW_PATH}
      formmethod="post"
      formtarget="_blank"
      formnovalidate
      name="_preview"
      value={fields.join(',')}
    >
      {ctx.t('media.markdown.previewButton')}
    </button>
  );
}
