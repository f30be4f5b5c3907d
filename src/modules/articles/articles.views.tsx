import type { ComponentChildren } from 'preact';
import type { Lang } from '../../shared/dates/format.js';
import { PublishedDate } from '../../shared/views/DateRange.js';
import { Layout } from '../../shared/views/Layout.js';
import { Pager } from '../../shared/views/Pager.js';
import { Paragraphs } from '../../shared/views/Paragraphs.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { formatByline, formatCredit } from './attribution.js';
import type { ArticleDetail, ArticleListRow, ArticlesListing } from './articles.service.js';

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

interface Attribution {
  credit_holder: string | null;
  credit_photographer: string | null;
  credit_year: number | null;
  byline_kind: 'by' | 'op-ed' | null;
  byline_name: string | null;
}

export function creditText(a: Attribution): string | null {
  return a.credit_holder ? formatCredit({ holder: a.credit_holder, photographer: a.credit_photographer, year: a.credit_year }) : null;
}

export function bylineText(a: Attribution, role: string | null, organisation: string | null, lang: Lang): string | null {
  return a.byline_kind && a.byline_name ? formatByline({ kind: a.byline_kind, name: a.byline_name, role, organisation }, lang) : null;
}

function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

function ArticleItem({ ctx, row, number }: { ctx: ViewContext; row: ArticleListRow; number: number }) {
  const credit = creditText(row);
  const byline = bylineText(row, row.byline_role, row.byline_organisation, row.text_lang);
  return (
    <li value={number} class="article-item" lang={langAttr(row.text_lang, ctx.lang)}>
      {row.hero_image_path ? (
        <img class="article-item__image" src={row.hero_image_path} alt={row.hero_alt ?? ''} loading="lazy" width={320} height={180} />
      ) : null}
      {credit ? <p class="credit">{credit}</p> : null}
      <a class="item-title" href={articlePath(row.slug)}>
        {row.title}
      </a>
      <p class="item-date">
        <PublishedDate date={row.published_on} lang={ctx.lang} />
      </p>
      {byline ? <p class="byline">{byline}</p> : null}
      {row.summary ? <p class="item-text">{row.summary}</p> : null}
    </li>
  );
}

export function ArticlesPage({ ctx, listing }: { ctx: ViewContext; listing: ArticlesListing }) {
  const { t } = ctx;
  const { info } = listing;
  const groups: { year: string; start: number; items: ComponentChildren[] }[] = [];
  listing.rows.forEach((row, i) => {
    const year = row.published_on.slice(0, 4);
    let group = groups[groups.length - 1];
    const number = listing.numbers[i] ?? i + 1;
    if (!group || group.year !== year) {
      group = { year, start: number, items: [] };
      groups.push(group);
    }
    group.items.push(<ArticleItem ctx={ctx} row={row} number={number} />);
  });
  const title = info.page > 1 ? t('articles.pageTitle', { page: info.page }) : t('articles.title');
  return (
    <Layout ctx={ctx} title={title} canonicalPath={info.page > 1 ? `/articles?page=${info.page}` : '/articles'}>
      <h1>{t('articles.title')}</h1>
      {info.total === 0 ? <p class="empty">{t('articles.noArticles')}</p> : null}
      {groups.map((g) => (
        <section class="year-group" aria-labelledby={`year-${g.year}`}>
          <h2 id={`year-${g.year}`} class="year-heading">
            {g.year}
          </h2>
          <ol class="article-list" start={g.start}>
            {g.items}
          </ol>
        </section>
      ))}
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(p) => (p === 1 ? '/articles' : `/articles?page=${p}`)} />
    </Layout>
  );
}

export function ArticlePage({ ctx, detail }: { ctx: ViewContext; detail: ArticleDetail }) {
  const { t } = ctx;
  const { article } = detail;
  const textLang = langAttr(detail.textLang, ctx.lang);
  const credit = creditText(article);
  const byline = bylineText(article, detail.bylineRole, detail.bylineOrganisation, detail.textLang);
  return (
    <Layout ctx={ctx} title={detail.title} description={detail.summary ?? undefined} canonicalPath={articlePath(article.slug)}>
      <article class="article" lang={textLang}>
        <p class="breadcrumb" lang={ctx.lang}>
          <a href="/articles">{t('article.backToList')}</a>
        </p>
        <h1>{detail.title}</h1>
        <p class="article-meta">
          <PublishedDate date={article.published_on} lang={ctx.lang} />
        </p>
        {byline ? <p class="byline">{byline}</p> : null}
        {article.hero_image_path ? (
          <figure class="hero">
            <img src={article.hero_image_path} alt={detail.heroAlt ?? ''} width={1200} height={675} />
            {credit ? <figcaption class="credit">{credit}</figcaption> : null}
          </figure>
        ) : credit ? (
          <p class="credit">
            <span class="visually-hidden">{t('article.photoCredit')}: </span>
            {credit}
          </p>
        ) : null}
        {detail.summary ? <p class="lead">{detail.summary}</p> : null}
        <div class="article-body">
          <Paragraphs text={detail.body} />
        </div>
      </article>
    </Layout>
  );
}

/** A short list of articles for the home page. */
export function ArticleTeaserList({ ctx, rows }: { ctx: ViewContext; rows: ArticleListRow[] }) {
  return (
    <ul class="teaser-list">
      {rows.map((row) => (
        <li lang={langAttr(row.text_lang, ctx.lang)}>
          <a class="item-title" href={articlePath(row.slug)}>
            {row.title}
          </a>
          <p class="item-date">
            <PublishedDate date={row.published_on} lang={ctx.lang} />
          </p>
          {row.summary ? <p class="item-text">{row.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
