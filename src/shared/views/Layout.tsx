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
import { ShellCache, fillShell, hole } from './shell.js';
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

function navItems(ctx: Pick<ViewContext, 'lang' | 't'>) {
  return [
    { href: homePath(ctx.lang), label: ctx.t('nav.home'), exact: true },
    { href: eventsPath(ctx.lang), label: ctx.t('nav.events'), exact: false },
    { href: articlesPath(ctx.lang), label: ctx.t('nav.articles'), exact: false },
    { href: topicsPath(ctx.lang), label: ctx.t('topics.navLink'), exact: false },
    { href: searchPath(ctx.lang), label: ctx.t('search.navLink'), exact: false },
  ];
}

/** Each language's navigation targets, without their labels: which of them is the current page is all a request adds. */
const navTargets = Object.fromEntries(
  PUBLIC_LANGS.map((lang) => [lang, navItems({ lang, t: (key) => key }).map(({ href, exact }) => ({ href, exact }))]),
) as Record<Lang, { href: string; exact: boolean }[]>;

function isCurrent(href: string, exact: boolean, trimmed: string): boolean {
  return exact ? trimmed === href : trimmed === href || trimmed.startsWith(`${href}/`);
}

/** Which navigation items are the current page, one bit each (item i is bit i). */
function currentItems(lang: Lang, path: string): number {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let bits = 0;
  navTargets[lang].forEach(({ href, exact }, i) => {
    if (isCurrent(href, exact, trimmed)) bits |= 1 << i;
  });
  return bits;
}

/** A link to the page in another language, through the choice endpoint so that following it also remembers the choice. */
function OtherLanguage({ lang, name, alternates }: { lang: Lang; name: string; alternates: Alternates | undefined }) {
  const target = alternates?.[lang] ?? homePath(lang);
  return (
    <li>
      <a href={languageChoicePath(lang, target)} lang={lang} hrefLang={lang}>
        {name}
      </a>
    </li>
  );
}

/**
 * Links to this page in the other languages (each one's item is the hole
 * `others(lang)`, filled per page). Each language is named in itself
 * ("Tiếng Việt"), as visitors look for their own language's name.
 */
function LanguageSwitcher({ ctx, others }: { ctx: Omit<ViewContext, 'path'>; others: (lang: Lang) => ComponentChildren }) {
  return (
    <nav class="language-switcher" aria-label={ctx.t('site.languageLabel')}>
      <ul>
        {PUBLIC_LANGS.map((lang) => {
          if (lang !== ctx.lang) return others(lang);
          return (
            <li>
              <span class="language-switcher__current" aria-current="true" lang={lang}>
                {ctx.languageNames[lang]}
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The holes of the layout's shell. */
const HEAD = 0;
const PAGE_HEAD = 1;
const MAIN = 2;
/** The language switcher's item for PUBLIC_LANGS[i] is hole OTHER_LANGUAGE + i. */
const OTHER_LANGUAGE = 3;

/**
 * Everything of the document that depends on the site and the language
 * alone (and on which navigation item is current), with holes for the
 * page's parts. Rendered once for each and kept (see shell.ts).
 */
function DocumentShell({ ctx, current }: { ctx: Omit<ViewContext, 'path'>; current: number }) {
  const { t } = ctx;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {hole(HEAD)}
        <link rel="stylesheet" href={ctx.stylesheet} />
        {hole(PAGE_HEAD)}
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
                {navItems(ctx).map((item, i) => (
                  <li>
                    <a href={item.href} aria-current={current & (1 << i) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <LanguageSwitcher ctx={ctx} others={(lang) => hole(OTHER_LANGUAGE + PUBLIC_LANGS.indexOf(lang))} />
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {hole(MAIN)}
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

const shells = new ShellCache<ViewContext['t']>();

/** The document shell shared by every public page: head, skip link, header, navigation, language switcher, footer. */
export function Layout({ ctx, title, description, alternates, indexedIn = PUBLIC_LANGS, canonicalPath, noindex: noindexAsked, social, head, banner, children }: LayoutProps) {
  const noindex = noindexAsked || banner !== undefined || !indexedIn.includes(ctx.lang);
  const fullTitle = title === ctx.siteName ? title : `${title} | ${ctx.siteName}`;
  const canonical = canonicalPath ?? alternates?.[ctx.lang];
  const current = currentItems(ctx.lang, ctx.path);
  // Everything the shell shows is in its key, so that a context built otherwise (tests, the admin) never gets another's shell.
  const key = `${ctx.lang}\u0000${current}\u0000${ctx.siteName}\u0000${ctx.stylesheet}\u0000${PUBLIC_LANGS.map((l) => ctx.languageNames[l]).join('\u0000')}`;
  const shell = shells.get(ctx.t, key, () => <DocumentShell ctx={ctx} current={current} />);
  const fill: ComponentChildren[] = [];
  fill[HEAD] = (
    <>
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
    </>
  );
  fill[PAGE_HEAD] = head;
  fill[MAIN] = (
    <>
      {banner}
      {children}
    </>
  );
  PUBLIC_LANGS.forEach((lang, i) => {
    if (lang !== ctx.lang) fill[OTHER_LANGUAGE + i] = <OtherLanguage lang={lang} name={ctx.languageNames[lang]} alternates={alternates} />;
  });
  return fillShell(shell, fill);
}
