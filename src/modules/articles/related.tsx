/**
 * The articles an event's page shows: the newest few sharing one of its
 * topics or programmes. The app hands this to the events' pages, so events
 * import nothing of articles.
 */
import type { RelatedSection } from '../../app-deps.js';
import { articlePath } from '../../shared/http/paths.js';
import { PublishedDate } from '../../shared/views/DateRange.js';
import { UntranslatedBadge, langAttr } from '../../shared/views/Untranslated.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { listRelatedArticles, type ArticleListRow } from './articles.service.js';

/** How many related articles an event's page links: a few, not a second listing. */
const RELATED_COUNT = 3;

/** Articles sharing a topic or programme with an event, as links with their dates. */
function RelatedArticles({ ctx, rows }: { ctx: ViewContext; rows: ArticleListRow[] }) {
  const { t } = ctx;
  return (
    <section class="related related--articles" aria-labelledby="related-articles">
      <h2 id="related-articles">{t('related.articles')}</h2>
      <ul class="teaser-list">
        {rows.map((row) => (
          <li>
            <a class="item-title" href={articlePath(ctx.lang, row.slug)} lang={langAttr(row.text_lang, ctx.lang)}>
              {row.title}
            </a>
            <UntranslatedBadge ctx={ctx} textLang={row.text_lang} />
            <p class="item-date">
              <PublishedDate date={row.published_on} lang={ctx.lang} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The related articles of an event's page, or nothing when none shares its topics or programmes. */
export const relatedArticlesSection: RelatedSection = async (db, ctx, sharing, _today, now) => {
  const rows = await listRelatedArticles(db, ctx.lang, now, sharing, RELATED_COUNT);
  return rows.length > 0 ? <RelatedArticles ctx={ctx} rows={rows} /> : null;
};
