import { alternates, articlesPath, eventsPath, programmePath, topicPath, topicsPath, type FeedScope } from '../../shared/http/paths.js';
import { Layout } from '../../shared/views/Layout.js';
import { langAttr } from '../../shared/views/Untranslated.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { ArticleTeaserList, FollowNews, NewsFeedLinks } from '../articles/index.js';
import { EventTeaserList, SubscribeToCalendar } from '../events/index.js';
import type { TermRow } from '../taxonomy/index.js';
import type { TermPage } from './topics.service.js';

/** A "see them all" link under a shortened list: only when the list holds fewer than there are. */
function MoreLink({ shown, total, href, label }: { shown: number; total: number; href: string; label: string }) {
  if (total <= shown) return null;
  return (
    <p class="more-link">
      <a href={href}>{label}</a>
    </p>
  );
}

/** One topic's or programme's page: its upcoming events, latest past events and latest articles. */
export function TermPageView({ ctx, page }: { ctx: ViewContext; page: TermPage }) {
  const { t } = ctx;
  const { kind, term, events, articles } = page;
  const scope: FeedScope = kind === 'topic' ? { kind: 'topic', slug: term.slug } : { kind: 'programme', slug: term.slug };
  const path = kind === 'topic' ? topicPath : programmePath;
  // The filtered listings hold the whole of each list.
  const filter = kind === 'topic' ? { topic: term.slug } : { programme: term.slug };
  const nameLang = langAttr(term.text_lang, ctx.lang);
  return (
    <Layout
      ctx={ctx}
      title={term.name}
      description={term.description ?? undefined}
      alternates={alternates((lang) => path(lang, term.slug))}
      head={<NewsFeedLinks ctx={ctx} scope={scope} title={t(kind === 'topic' ? 'news.topicTitle' : 'news.programmeTitle', { site: ctx.siteName, name: term.name })} />}
    >
      <article class={`term term--${kind}`}>
        <p class="breadcrumb">
          <a href={topicsPath(ctx.lang)}>{t('topics.backToIndex')}</a>
        </p>
        <p class="term-kind">{t(`topic.kind.${kind}`)}</p>
        <h1 lang={nameLang}>{term.name}</h1>
        {term.description ? (
          <p class="lead" lang={nameLang}>
            {term.description}
          </p>
        ) : null}

        <section class="term-section" aria-labelledby="term-upcoming">
          <h2 id="term-upcoming">{t('topic.upcoming')}</h2>
          {events.upcoming.length > 0 ? <EventTeaserList ctx={ctx} rows={events.upcoming} /> : <p class="empty">{t('topic.noUpcoming')}</p>}
          <MoreLink
            shown={events.upcoming.length}
            total={events.totalUpcoming}
            href={eventsPath(ctx.lang, filter)}
            label={t('topic.allUpcoming', { count: events.totalUpcoming })}
          />
          <SubscribeToCalendar ctx={ctx} scope={scope} />
        </section>

        <section class="term-section" aria-labelledby="term-past">
          <h2 id="term-past">{t('topic.past')}</h2>
          {events.past.length > 0 ? <EventTeaserList ctx={ctx} rows={events.past} /> : <p class="empty">{t('topic.noPast')}</p>}
          <MoreLink shown={events.past.length} total={events.totalPast} href={eventsPath(ctx.lang, filter)} label={t('topic.allPast', { count: events.totalPast })} />
        </section>

        <section class="term-section" aria-labelledby="term-articles">
          <h2 id="term-articles">{t('topic.articles')}</h2>
          {articles.rows.length > 0 ? <ArticleTeaserList ctx={ctx} rows={articles.rows} /> : <p class="empty">{t('topic.noArticles')}</p>}
          <MoreLink
            shown={articles.rows.length}
            total={articles.total}
            href={articlesPath(ctx.lang, filter)}
            label={t('topic.allArticles', { count: articles.total })}
          />
          <FollowNews ctx={ctx} scope={scope} />
        </section>
      </article>
    </Layout>
  );
}

function TermList({ ctx, kind, terms }: { ctx: ViewContext; kind: 'topic' | 'programme'; terms: TermRow[] }) {
  const path = kind === 'topic' ? topicPath : programmePath;
  return (
    <ul class="term-list">
      {terms.map((term) => (
        <li>
          <a href={path(ctx.lang, term.slug)} lang={langAttr(term.text_lang, ctx.lang)}>
            {term.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every topic, then every programme and project, each a link to its page. */
export function TermsIndexPage({ ctx, topics, programmes }: { ctx: ViewContext; topics: TermRow[]; programmes: TermRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('topics.title')} alternates={alternates((lang) => topicsPath(lang))}>
      <h1>{t('topics.title')}</h1>
      <p class="intro">{t('topics.intro')}</p>
      {topics.length === 0 && programmes.length === 0 ? <p class="empty">{t('topics.empty')}</p> : null}
      {topics.length > 0 ? (
        <section aria-labelledby="topics">
          <h2 id="topics">{t('topics.topics')}</h2>
          <TermList ctx={ctx} kind="topic" terms={topics} />
        </section>
      ) : null}
      {programmes.length > 0 ? (
        <section aria-labelledby="programmes">
          <h2 id="programmes">{t('topics.programmes')}</h2>
          <TermList ctx={ctx} kind="programme" terms={programmes} />
        </section>
      ) : null}
    </Layout>
  );
}
