import type { ComponentChildren } from 'preact';
import { CsrfField } from './components.js';
import type { AdminViewContext } from './view-context.js';

interface AdminLayoutProps {
  ctx: AdminViewContext;
  /** The page's own title; "Admin" and the site name are appended. */
  title: string;
  children: ComponentChildren;
}

/**
 * The document shell of every admin page: the site's styles plus the admin's,
 * never indexed, with the navigation and the sign-out button when someone is
 * signed in. No script runs unless a page adds the site's own.
 */
export function AdminLayout({ ctx, title, children }: AdminLayoutProps) {
  const { t, user } = ctx;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | ${t('admin.title')} | ${ctx.siteName}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="stylesheet" href={ctx.adminStylesheet} />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {t('admin.skipLink')}
        </a>
        <header class="admin-header">
          <div class="wrap admin-header__inner">
            <a class="site-name" href="/admin">
              {ctx.siteName} <span class="admin-badge">{t('admin.title')}</span>
            </a>
            {user ? (
              <div class="admin-user">
                <a href="/admin/account" aria-current={ctx.path === '/admin/account' ? 'page' : undefined}>
                  {user.name}
                  <span class="visually-hidden"> ({t('admin.nav.account')})</span>
                </a>
                <form method="post" action="/admin/logout" class="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="link-button">
                    {t('admin.signOut')}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
          {user && ctx.nav.length > 0 ? (
            <nav class="admin-nav" aria-label={t('admin.navLabel')}>
              <ul class="wrap">
                {ctx.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="wrap admin-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t('admin.footer')} · <a href="/">{t('admin.viewSite')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
