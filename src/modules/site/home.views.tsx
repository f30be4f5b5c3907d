import { ArticleTeaserList, NewsFeedLinks, type ArticleListRow } from '../articles/index.js';
import { EventTeaserList, type EventListRow } from '../events/index.js';
import { alternates, articlesPath, eventsPath, homePath } from '../../shared/http/paths.js';
import { Layout } from '../../shared/views/Layout.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { SubscribeByEmail } from '../subscriptions/index.js';

interface HomeProps {
  ctx: ViewContext;
  happeningNow: EventListRow[];
  comingUp: EventListRow[];
  recent: EventListRow[];
  articles: ArticleListRow[];
}

/** The home page: what is on now, what is coming up (or, failing that, what just happened), and the latest articles. */
export function HomePage({ ctx, happeningNow, comingUp, recent, articles }: HomeProps) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={ctx.siteName}
      description={t('home.description', { site: ctx.siteName })}
      alternates={alternates(homePath)}
      head={<NewsFeedLinks ctx={ctx} scope={{ kind: 'all' }} title={t('news.title', { site: ctx.siteName })} />}
    >
      <h1>{t('home.title')}</h1>
      <div class="home-grid">
        <section class="home-events" aria-labelledby="home-events">
          {happeningNow.length > 0 ? (
            <>
              <h2 id="home-now">{t('home.happeningNow')}</h2>
              <EventTeaserList ctx={ctx} rows={happeningNow} />
            </>
          ) : null}
          <h2 id="home-events">{t('home.comingUp')}</h2>
          {comingUp.length > 0 ? <EventTeaserList ctx={ctx} rows={comingUp} /> : <p class="empty">{t('home.nothingComingUp')}</p>}
          {recent.length > 0 ? (
            <>
              <h2 id="home-recent">{t('home.recentEvents')}</h2>
              <EventTeaserList ctx={ctx} rows={recent} />
            </>
          ) : null}
          <p class="more">
            <a href={eventsPath(ctx.lang)}>{t('home.allEvents')}</a>
          </p>
        </section>
        <section class="home-articles" aria-labelledby="home-articles">
          <h2 id="home-articles">{t('home.latestArticles')}</h2>
          <ArticleTeaserList ctx={ctx} rows={articles} />
          <p class="more">
            <a href={articlesPath(ctx.lang)}>{t('home.allArticles')}</a>
          </p>
        </section>
      </div>
      <SubscribeByEmail ctx={ctx} follow={{ kind: 'everything' }} />
    </Layout>
  );
}
