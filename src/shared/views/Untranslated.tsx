/**
 * How a page shows text that is not in its own language (a Vietnamese page
 * falling back to an item's English text): the text is marked with its
 * language so browsers and screen readers treat it right, and a notice in
 * the page's language says it is not translated yet.
 */
import type { Lang } from '../dates/format.js';
import type { ViewContext } from './view-context.js';

/** The `lang` attribute for text in `textLang` on a page in `pageLang`: only when they differ. */
export function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

/** A short mark beside a listed item shown in another language. */
export function UntranslatedBadge({ ctx, textLang }: { ctx: ViewContext; textLang: Lang }) {
  if (textLang === ctx.lang) return null;
  return <span class="badge badge--untranslated">{ctx.t('translation.untranslatedItem')}</span>;
}

/** The notice at the top of an item page shown in another language. */
export function UntranslatedNotice({ ctx, textLang }: { ctx: ViewContext; textLang: Lang }) {
  if (textLang === ctx.lang) return null;
  return (
    <p class="untranslated-notice" role="note">
      {ctx.t('translation.untranslatedPage')}
    </p>
  );
}
