import type { ComponentChildren } from 'preact';
import {
  PUBLIC_LANGS,
  articlesPath,
  eventsPath,
  homePath,
  languageChoicePath,
  searchPath,
  topicsPath,
  type Alternates,
  type Lang,
} from '../http/paths.js';
import { SocialMeta, type SocialInfo } from './SocialMeta.js';
import type { ViewContext } from './view-context.js';

interface LayoutProps {
  ctx: ViewContext;
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string | undefined;
  /**
   * The same page in each language. Gives the hreflang links, the switcher's
   * targets and (unless canonicalPath says otherwise) the canonical link.
   * Pages without one (errors) switch to the other language's home page.
   */
  alternates?: Alternates | undefined;
  /**
   * The languages this page is indexed in (every one unless given): only
   * they get hreflang links (x-default is always the English page), and the
   * page in any other language is noindex. The sitemap lists the same.
   */
  indexedIn?: readonly Lang[] | undefined;
  /** Canonical path of this page (without origin), when not its own alternate. */
  canonicalPath?: string | undefined;
  /** Pages that must not be indexed (errors, previews). */
  noindex?: boolean;
  /** Link previews: the page's type and image (title, description and URL come from the props above). */
  social?: SocialInfo | undefined;
  /** More elements for the head: feed links, structured data. */
  head?: ComponentChildren;
  /** Shown above the page's content: the admin's preview banner. A page with one is never indexed. */
  banner?: ComponentChildren;
  children: ComponentChildren;
}

function navItems(ctx: ViewContext) {
  return [
    { href: homePath(ctx.lang), label: ctx.t('nav.home'), exact: true },
    { href: eventsPath(ctx.lang), label: ctx.t('nav.events'), exact: false },
    { href: articlesPath(ctx.lang), label: ctx.t('nav.articles'), exact: false },
    { href: topicsPath(ctx.lang), label: ctx.t('topics.navLink'), exact: false },
    { href: searchPath(ctx.lang), label: ctx.t('search.navLink'), exact: false },
  ];
}

function isCurrent(href: string, exact: boolean, path: string): boolean {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return exact ? trimmed === href : trimmed === href || trimmed.startsWith(`${href}/`);
}

/**
 * Links to this page in the other languages, each through the choice
 * endpoint so that following one also remembers the choice. Each language is
 * named in itself ("Tiếng Việt"), as visitors look for their own language's name.
 */
function LanguageSwitcher({ ctx, alternates }: { ctx: ViewContext; alternates: Alternates | undefined }) {
  return (
    <nav class="language-switcher" aria-label={ctx.t('site.languageLabel')}>
      <ul>
        {PUBLIC_LANGS.map((lang) => {
          const name = ctx.languageNames[lang];
          if (lang === ctx.lang) {
            return (
              <li>
                <span class="language-switcher__current" aria-current="true" lang={lang}>
                  {name}
                </span>
              </li>
            );
          }
          const target = alternates?.[lang] ?? homePath(lang);
          return (
            <li>
              <a href={languageChoicePath(lang, target)} lang={lang} hrefLang={lang}>
                {name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The document shell shared by every public page: head, skip link, header, navigation, language switcher, footer. */
export function Layout({ ctx, title, description, alternates, indexedIn = PUBLIC_LANGS, canonicalPath, noindex: noindexAsked, social, head, banner, children }: LayoutProps) {
  const { t } = ctx;
  const noindex = noindexAsked || banner !== undefined || !indexedIn.includes(ctx.lang);
  const fullTitle = title === ctx.siteName ? title : `${title} | ${ctx.siteName}`;
  const canonical = canonicalPath ?? alternates?.[ctx.lang];
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical && !noindex ? <link rel="canonical" href={`${ctx.publicUrl}${canonical}`} /> : null}
        {alternates && !noindex ? (
          <>
            {indexedIn.map((lang) => (
              <link rel="alternate" hrefLang={lang} href={`${ctx.publicUrl}${alternates[lang]}`} />
            ))}
            <link rel="alternate" hrefLang="x-default" href={`${ctx.publicUrl}${alternates.en}`} />
          </>
        ) : null}
        {noindex ? null : (
          <SocialMeta ctx={ctx} title={title} description={description} url={canonical ? `${ctx.publicUrl}${canonical}` : undefined} social={social} />
        )}
        <link rel="stylesheet" href={ctx.stylesheet} />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skipLink')}
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="site-name" href={homePath(ctx.lang)}>
              {ctx.siteName}
            </a>
            <nav class="site-nav" aria-label={t('site.navLabel')}>
              <ul>
                {navItems(ctx).map((item) => (
                  <li>
                    <a href={item.href} aria-current={isCurrent(item.href, item.exact, ctx.path) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <LanguageSwitcher ctx={ctx} alternates={alternates} />
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {banner}
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
