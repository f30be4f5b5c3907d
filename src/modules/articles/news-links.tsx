/** Links to the articles' news feeds (which the feeds module writes): autodiscovery in the page head, and visible ones for people. */
import { NEWS_FEED_TYPES, newsFeedPath, type FeedScope, type NewsFeedFormat } from '../../shared/http/paths.js';
import type { ViewContext } from '../../shared/views/view-context.js';

const FORMATS: NewsFeedFormat[] = ['atom', 'rss', 'json'];

/** `<link rel="alternate">` for each news feed of a scope, so browsers and readers find them. */
export function NewsFeedLinks({ ctx, scope, title }: { ctx: ViewContext; scope: FeedScope; title: string }) {
  return (
    <>
      {FORMATS.map((format) => (
        <link
          rel="alternate"
          type={NEWS_FEED_TYPES[format]}
          title={`${title} (${ctx.t(`news.format.${format}`)})`}
          href={`${ctx.publicUrl}${newsFeedPath(ctx.lang, format, scope)}`}
        />
      ))}
    </>
  );
}

/** "Follow these articles: Atom · RSS · JSON Feed". */
export function FollowNews({ ctx, scope }: { ctx: ViewContext; scope: FeedScope }) {
  const { t } = ctx;
  return (
    <p class="feed-links feed-links--news">
      {t('news.follow')}{' '}
      {FORMATS.map((format, i) => (
        <>
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          <a href={newsFeedPath(ctx.lang, format, scope)} type={NEWS_FEED_TYPES[format]}>
            {t(`news.format.${format}`)}
          </a>
        </>
      ))}
    </p>
  );
}
