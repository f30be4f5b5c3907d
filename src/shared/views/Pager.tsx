import type { ViewContext } from './view-context.js';

interface PagerProps {
  ctx: ViewContext;
  page: number;
  pages: number;
  /** Builds the URL of a page number. */
  href: (page: number) => string;
}

/** Previous/next navigation with the page count; nothing when everything fits on one page. */
export function Pager({ ctx, page, pages, href }: PagerProps) {
  if (pages <= 1) return null;
  const { t } = ctx;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      {page > 1 ? (
        <a class="pager__prev" rel="prev" href={href(page - 1)}>
          {t('pager.previous')}
        </a>
      ) : null}
      <span class="pager__status" aria-current="page">
        {t('pager.status', { page, pages })}
      </span>
      {page < pages ? (
        <a class="pager__next" rel="next" href={href(page + 1)}>
          {t('pager.next')}
        </a>
      ) : null}
    </nav>
  );
}
