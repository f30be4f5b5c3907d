import type { ComponentChildren } from 'preact';
import { alternates, articlesPath, eventsPath, programmePath, topicPath, topicsPath, type FeedScope } from '../../shared/http/paths.js';
import { Layout } from '../../shared/views/Layout.js';
import { langAttr } from '../../shared/views/Untranslated.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { ArticleTeaserList, FollowNews, NewsFeedLinks } from '../articles/index.js';
import { EventTeaserList, SubscribeToCalendar } from '../events/index.js';
import type { TermRow } from '../taxonomy/index.js';
import type { TermPage } from './topics.service.js';
import { SubscribeByEmail } from '../subscriptions/index.js';

/** The messages of each part of a term's page: its heading, the line when it is empty, the link to all of them. */
const SECTION_MESSAGES = {
  upcoming: ['topic.upcoming', 'topic.noUpcoming', 'topic.allUpcoming'],
  past: ['topic.past', 'topic.noPast', 'topic.allPast'],
  articles: ['topic.articles', 'topic.noArticles', 'topic.allArticles'],
} as const;

interface TermSectionProps {
  ctx: ViewContext;
  part: keyof typeof SECTION_MESSAGES;
  /** How many the list shows and how many there are: a "see them all" link to `href` when there are more. */
  shown: number;
  total: number;
  href: string;
  /** What follows the list (a subscription link). */
  after?: ComponentChildren;
  /** The list, when it has anything. */
  children: ComponentChildren;
}

/** One part of a term's page: a heading, a shortened list (or a line saying there is none), a link to all of them. */
function TermSection({ ctx, part, shown, total, href, after, children }: TermSectionProps) {
  const [heading, empty, all] = SECTION_MESSAGES[part];
  return (
    <section class="term-section" aria-labelledby={`term-${part}`}>
      <h2 id={`term-${part}`}>{ctx.t(heading)}</h2>
      {shown > 0 ? children : <p class="empty">{ctx.t(empty)}</p>}
      {total > shown ? (
        <p class="more-link">
          <a href={href}>{ctx.t(all, { count: total })}</a>
        </p>
      ) : null}
      {after}
    </section>
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

        <TermSection ctx={ctx} part="upcoming" shown={events.upcoming.length} total={events.totalUpcoming} href={eventsPath(ctx.lang, filter)} after={<SubscribeToCalendar ctx={ctx} scope={scope} />}>
          <EventTeaserList ctx={ctx} rows={events.upcoming} />
        </TermSection>
        <TermSection ctx={ctx} part="past" shown={events.past.length} total={events.totalPast} href={eventsPath(ctx.lang, filter)}>
          <EventTeaserList ctx={ctx} rows={events.past} />
        </TermSection>
        <TermSection ctx={ctx} part="articles" shown={articles.rows.length} total={articles.total} href={articlesPath(ctx.lang, filter)} after={<FollowNews ctx={ctx} scope={scope} />}>
          <ArticleTeaserList ctx={ctx} rows={articles.rows} />
        </TermSection>
      </article>
        <SubscribeByEmail ctx={ctx} follow={{ kind, slug: term.slug }} />
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
