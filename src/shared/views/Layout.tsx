import type { ComponentChildren } from 'preact';
import type { ViewContext } from './view-context.js';

interface LayoutProps {
  ctx: ViewContext;
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string | undefined;
  /** Canonical path of this page (without origin). */
  canonicalPath?: string | undefined;
  /** Pages that must not be indexed (errors, previews). */
  noindex?: boolean;
  children: ComponentChildren;
}

const NAV = [
  { href: '/', key: 'nav.home' },
  { href: '/events', key: 'nav.events' },
  { href: '/articles', key: 'nav.articles' },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** The document shell shared by every public page: head, skip link, header, navigation, footer. */
export function Layout({ ctx, title, description, canonicalPath, noindex, children }: LayoutProps) {
  const { t } = ctx;
  const fullTitle = title === ctx.siteName ? title : `${title} | ${ctx.siteName}`;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        {canonicalPath ? <link rel="canonical" href={`${ctx.publicUrl}${canonicalPath}`} /> : null}
        <link rel="stylesheet" href={ctx.stylesheet} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skipLink')}
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="site-name" href="/">
              {ctx.siteName}
            </a>
            <nav class="site-nav" aria-label={t('site.navLabel')}>
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={isCurrent(item.href, ctx.path) ? 'page' : undefined}>
                      {t(item.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('site.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
