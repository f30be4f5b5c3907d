/** What news feeds and topic pages read of articles: the newest published ones in a scope, with their topics. */
import type { Kysely } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { visitorsTextChoice } from '../content/index.js';
import { formatCredit, loadPictures, shareableImage } from '../media/index.js';
import * as repo from './news.repository.js';
import type { ArticleScope, NewsArticleRow } from './news.repository.js';

export type { ArticleScope };

/** The hero a feed shows: a library image at its widest shareable size, or an imported article's own. */
export interface NewsHero {
  url: string;
  alt: string | null;
  width: number | null;
  height: number | null;
  /** "© ILO/Nguyen Hai Dat 2024": the library image's own credit, or the article's for an imported hero. */
  credit: string | null;
}

export interface NewsArticle extends NewsArticleRow {
  /** The article's topics: their slugs, and names in the feed's language. */
  topics: { slug: string; name: string }[];
  hero: NewsHero | null;
}

/** The newest `limit` published articles in a scope, in `lang` where translated (untranslated ones left out when the site says so, as in the listings). */
export async function listNewsArticles(db: Kysely<Database>, lang: LangCode, scope: ArticleScope, limit: number, now: Date): Promise<NewsArticle[]> {
  const rows = await repo.listNewsArticles(db, await visitorsTextChoice(db, lang, now), scope, limit);
  const topics = await repo.listArticleTopicNames(
    db,
    rows.map((r) => r.id),
    lang,
  );
  const pictures = await loadPictures(
    db,
    rows.map((r) => r.hero_media_id),
  );
  return rows.map((row) => {
    const picture = row.hero_media_id === null ? undefined : pictures.get(row.hero_media_id);
    const shared = picture ? shareableImage(picture, row.text_lang) : undefined;
    let hero: NewsHero | null = null;
    if (picture && shared) {
      hero = { url: shared.url, alt: shared.alt, width: shared.width, height: shared.height, credit: picture.credit ? formatCredit(picture.credit) : null };
    } else if (row.hero_image_path) {
      const credit = row.credit_holder ? formatCredit({ holder: row.credit_holder, photographer: row.credit_photographer, year: row.credit_year }) : null;
      hero = { url: row.hero_image_path, alt: row.hero_alt, width: null, height: null, credit };
    }
    return { ...row, topics: topics.get(row.id) ?? [], hero };
  });
}
