/**
 * The schema.org NewsArticle describing an article's page to search engines
 * (JSON-LD), built from the same data the page shows.
 */
import { isoWithOffset } from '../../shared/dates/zoned-time.js';
import { SHARE_IMAGE } from '../../shared/http/assets.js';
import { articlePath } from '../../shared/http/paths.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { formatCredit, shareableImage } from '../media/index.js';
import { defaultImage, headline, imageObject, office, type JsonObject } from '../seo/index.js';
import type { ArticleDetail } from './articles.service.js';
import { creditText } from './attribution.js';

/**
 * When an article was published, as a date-time with an offset: the moment
 * it went live where that fell on the day the office dates it, else the
 * start of that day (UTC) for items dated by hand or imported.
 */
function publishedAt(publishedOn: string, publishedAt: string | null): string {
  if (publishedAt && publishedAt.slice(0, 10) === publishedOn) return isoWithOffset(publishedAt, 'UTC');
  return `${publishedOn}T00:00:00+00:00`;
}

/**
 * A NewsArticle: headline (within 110 characters), publication date and
 * last change as date-times, the author from the byline (the office itself
 * when there is none), and the hero image with its credit and rights holder
 * (the site's default picture when there is none).
 */
export function articleJsonLd(detail: ArticleDetail, ctx: ViewContext): JsonObject {
  const { article } = detail;
  const url = `${ctx.publicUrl}${articlePath(ctx.lang, detail.slugs[ctx.lang])}`;
  const credit = creditText(article);
  const author: JsonObject = article.byline_name
    ? {
        '@type': 'Person',
        name: article.byline_name,
        jobTitle: detail.bylineRole ?? undefined,
        affiliation: detail.bylineOrganisation ? { '@type': 'Organization', name: detail.bylineOrganisation } : undefined,
      }
    : office(ctx);
  // A library hero brings its own credit; an imported article's is on the article.
  const shared = detail.hero ? shareableImage(detail.hero, detail.textLang) : undefined;
  const heroCredit = detail.hero ? detail.hero.credit : article.credit_holder ? { holder: article.credit_holder, photographer: article.credit_photographer, year: article.credit_year } : null;
  const heroUrl = shared?.url ?? article.hero_image_path;
  const image: JsonObject = heroUrl
    ? imageObject(
        {
          url: heroUrl,
          width: shared?.width,
          height: shared?.height,
          caption: shared ? shared.alt : detail.heroAlt,
          creditText: detail.hero ? (heroCredit ? formatCredit(heroCredit) : null) : credit,
          credit: heroCredit,
        },
        ctx,
      )
    : { '@type': 'ImageObject', url: defaultImage(ctx), contentUrl: defaultImage(ctx), width: SHARE_IMAGE.width, height: SHARE_IMAGE.height };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headline(detail.title),
    description: detail.summary ?? undefined,
    datePublished: publishedAt(article.published_on, article.published_at),
    dateModified: article.updated_at,
    author,
    publisher: { '@type': 'Organization', name: ctx.siteName, url: `${ctx.publicUrl}/` },
    image,
    inLanguage: detail.textLang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}
