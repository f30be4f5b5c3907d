import { excerpt } from '../../shared/text/excerpt.js';
import type { ComponentChildren } from 'preact';
import { formatDate } from '../../shared/dates/format.js';
import { PublishedDate } from '../../shared/views/DateRange.js';
import { alternates, articlePath, articlesPath } from '../../shared/http/paths.js';
import { TagFacts } from '../../shared/views/TagFacts.js';
import { ListingFilters, filterParams, hasAnyFilter, type FilterValues } from '../search/index.js';
import { Layout } from '../../shared/views/Layout.js';
import { Pager } from '../../shared/views/Pager.js';
import { UntranslatedNotice, langAttr } from '../../shared/views/Untranslated.js';
import { ItemLink } from '../../shared/views/ItemLink.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { ItemPageProps } from '../content/index.js';
import { HeroFigure, Picture, StoredMarkdown, formatCredit, shareableImage, type PictureImage } from '../media/index.js';
import { FollowNews, NewsFeedLinks } from './news-links.js';
import { JsonLd } from '../seo/index.js';
import { articleJsonLd } from './structured-data.js';
import { bylineText, creditText } from './attribution.js';
import type { ArticleDetail, ArticleListRow, ArticlesListing } from './articles.service.js';
import { SubscribeByEmail } from '../subscriptions/index.js';

/** The hero offered to link previews: the library image, or an imported article's own. */
function heroForSharing(detail: ArticleDetail): { url: string; alt?: string | null } | undefined {
  if (detail.hero) return shareableImage(detail.hero, detail.textLang);
  return detail.article.hero_image_path ? { url: detail.article.hero_image_path, alt: detail.heroAlt } : undefined;
}

/** How wide a listing's thumbnail is shown. */
const THUMBNAIL_SIZES = '20rem';

/** A listed article's title, linked, and its date. */
function ArticleLink({ ctx, row }: { ctx: ViewContext; row: ArticleListRow }) {
  return <ItemLink ctx={ctx} href={articlePath(ctx.lang, row.slug)} title={row.title} textLang={row.text_lang} date={<PublishedDate date={row.published_on} lang={ctx.lang} />} />;
}

/** A listed article's summary, when it has one. */
function Summary({ ctx, row }: { ctx: ViewContext; row: ArticleListRow }) {
  if (!row.summary) return null;
  return (
    <p class="item-text" lang={langAttr(row.text_lang, ctx.lang)}>
      {row.summary}
    </p>
  );
}

/** Who wrote an article, when it says. */
function Byline({ text, lang }: { text: string | null | undefined; lang: string | undefined }) {
  if (!text) return null;
  return (
    <p class="byline" lang={lang}>
      {text}
    </p>
  );
}

function ArticleItem({ ctx, row, number, picture }: { ctx: ViewContext; row: ArticleListRow; number: number; picture: PictureImage | undefined }) {
  const credit = picture ? (picture.credit ? formatCredit(picture.credit) : null) : creditText(row);
  const byline = bylineText(row, row.byline_role, row.byline_organisation, row.text_lang);
  const textLang = langAttr(row.text_lang, ctx.lang);
  return (
    <li value={number} class="article-item">
      {picture ? (
        <Picture class="article-item__picture" image={picture} lang={row.text_lang} sizes={THUMBNAIL_SIZES} />
      ) : row.hero_image_path ? (
        <img class="article-item__image" src={row.hero_image_path} alt={row.hero_alt ?? ''} loading="lazy" width={320} height={180} />
      ) : null}
      {credit ? <p class="credit">{credit}</p> : null}
      <ArticleLink ctx={ctx} row={row} />
      <Byline text={byline} lang={textLang} />
      <Summary ctx={ctx} row={row} />
    </li>
  );
}

/** The filters the articles listing offers, in order. */
const ARTICLE_FILTERS = ['year', 'topic', 'programme'] as const;

export function ArticlesPage({ ctx, listing }: { ctx: ViewContext; listing: ArticlesListing }) {
  const { t } = ctx;
  const { info, filters } = listing;
  const href = (lang: typeof ctx.lang, values: FilterValues, page?: number) => articlesPath(lang, { ...filterParams(values), page });
  // As with events: a filtered listing is not indexed; the plain listing is the page to index.
  const filtered = hasAnyFilter(filters);
  const groups: { year: string; start: number; items: ComponentChildren[] }[] = [];
  listing.rows.forEach((row, i) => {
    const year = row.published_on.slice(0, 4);
    let group = groups[groups.length - 1];
    const number = listing.numbers[i] ?? i + 1;
    if (!group || group.year !== year) {
      group = { year, start: number, items: [] };
      groups.push(group);
    }
    const picture = row.hero_media_id === null ? undefined : listing.pictures.get(row.hero_media_id);
    group.items.push(<ArticleItem ctx={ctx} row={row} number={number} picture={picture} />);
  });
  const title = info.page > 1 ? t('articles.pageTitle', { page: info.page }) : t('articles.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      noindex={filtered}
      alternates={alternates((lang) => href(lang, filters, info.page))}
      head={<NewsFeedLinks ctx={ctx} scope={{ kind: 'all' }} title={t('news.title', { site: ctx.siteName })} />}
    >
      <h1>{t('articles.title')}</h1>
      <FollowNews ctx={ctx} scope={{ kind: 'all' }} />
      <ListingFilters ctx={ctx} action={articlesPath(ctx.lang)} listing={listing} show={ARTICLE_FILTERS} href={(values) => href(ctx.lang, values)} />
      {info.total === 0 ? <p class="empty">{filtered ? t('filter.noArticles') : t('articles.noArticles')}</p> : null}
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
      <Pager ctx={ctx} page={info.page} pages={info.pages} href={(page) => href(ctx.lang, filters, page)} />
      {/* After the list, so that on a phone the first item stays on the first screen. */}
      <SubscribeByEmail ctx={ctx} follow={{ kind: 'articles' }} />
    </Layout>
  );
}

/** One article's page; with a `banner`, the admin's preview of it (never indexed). */
export function ArticlePage({ ctx, detail, related, banner }: ItemPageProps<ArticleDetail>) {
  const { t } = ctx;
  const { article } = detail;
  const textLang = langAttr(detail.textLang, ctx.lang);
  const credit = creditText(article);
  const byline = bylineText(article, detail.bylineRole, detail.bylineOrganisation, detail.textLang);
  return (
    <Layout
      ctx={ctx}
      banner={banner}
      title={detail.title}
      description={
        excerpt([detail.summary, detail.body]) ?? t('article.metaDescription', { title: detail.title, date: formatDate(article.published_on, ctx.lang), site: ctx.siteName })
      }
      alternates={alternates((lang) => articlePath(lang, detail.slugs[lang]))}
      indexedIn={detail.indexedIn}
      social={{ type: 'article', image: heroForSharing(detail) }}
      head={<JsonLd data={articleJsonLd(detail, ctx)} />}
    >
      <article class="article">
        <p class="breadcrumb">
          <a href={articlesPath(ctx.lang)}>{t('article.backToList')}</a>
        </p>
        <h1 lang={textLang}>{detail.title}</h1>
        <UntranslatedNotice ctx={ctx} textLang={detail.textLang} />
        <p class="article-meta">
          <PublishedDate date={article.published_on} lang={ctx.lang} />
        </p>
        <Byline text={byline} lang={textLang} />
        {detail.hero ? (
          <HeroFigure image={detail.hero} lang={detail.textLang} />
        ) : article.hero_image_path ? (
          <figure class="hero">
            <img src={article.hero_image_path} alt={detail.heroAlt ?? ''} lang={textLang} width={1200} height={675} />
            {credit ? <figcaption class="credit">{credit}</figcaption> : null}
          </figure>
        ) : credit ? (
          <p class="credit">
            <span class="visually-hidden">{t('article.photoCredit')}: </span>
            {credit}
          </p>
        ) : null}
        {detail.summary ? (
          <p class="lead" lang={textLang}>
            {detail.summary}
          </p>
        ) : null}
        <StoredMarkdown class="article-body" lang={textLang} html={detail.bodyHtml} text={detail.body} />
        {detail.programmes.length > 0 || detail.topics.length > 0 ? (
          <dl class="facts article-tags">
            <TagFacts lang={ctx.lang} labels={{ programmes: t('article.programmes'), topics: t('article.topics') }} programmes={detail.programmes} topics={detail.topics} />
          </dl>
        ) : null}
      </article>
      {related ?? null}
    </Layout>
  );
}

/** A short list of articles (home page, topic pages, an event's related articles), with their summaries unless `summaries` is false. */
export function ArticleTeaserList({ ctx, rows, summaries = true }: { ctx: ViewContext; rows: ArticleListRow[]; summaries?: boolean }) {
  return (
    <ul class="teaser-list">
      {rows.map((row) => (
        <li>
          <ArticleLink ctx={ctx} row={row} />
          {summaries ? <Summary ctx={ctx} row={row} /> : null}
        </li>
      ))}
    </ul>
  );
}
