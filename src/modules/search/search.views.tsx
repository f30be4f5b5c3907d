import type { Lang } from '../../shared/dates/format.js';
import { alternates, articlePath, eventPath, searchPath } from '../../shared/http/paths.js';
import { DateRange, PublishedDate } from '../../shared/views/DateRange.js';
import { Layout } from '../../shared/views/Layout.js';
import { Pager } from '../../shared/views/Pager.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { EventStatusBadge } from '../../shared/views/EventStatusNotice.js';
import { ChosenFilters, FilterDisclosure, FilterFields, type FilterOptions } from './filter-views.js';
import { filterParams, hasAnyFilter, type FilterValues } from './filters.js';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, type TextPiece } from './search-text.js';
import type { SearchHit, SearchOutcome } from './search.service.js';

/** Text with the matched words in <mark>; Preact escapes every piece. */
export function Highlighted({ pieces }: { pieces: TextPiece[] }) {
  return <>{pieces.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>;
}

function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

function ResultItem({ ctx, hit }: { ctx: ViewContext; hit: SearchHit }) {
  const { t } = ctx;
  const href = hit.kind === 'event' ? eventPath(ctx.lang, hit.slug) : articlePath(ctx.lang, hit.slug);
  const textLang = langAttr(hit.textLang, ctx.lang);
  return (
    <li class={`search-result search-result--${hit.kind}`}>
      <p class="search-result__meta">
        <span class="search-result__kind">{t(`search.kind.${hit.kind}`)}</span>
        {hit.kind === 'event' && hit.startDate ? <DateRange start={hit.startDate} end={hit.endDate} lang={ctx.lang} /> : null}
        {hit.kind === 'article' && hit.publishedOn ? <PublishedDate date={hit.publishedOn} lang={ctx.lang} /> : null}
        {textLang ? <span class="search-result__lang">{t(`search.textIn.${hit.textLang}`)}</span> : null}
        {hit.eventStatus ? (
          <EventStatusBadge ctx={ctx} event={{ event_status: hit.eventStatus, status_reason_en: hit.statusReasons.en, status_reason_vi: hit.statusReasons.vi }} />
        ) : null}
      </p>
      <a class="item-title" href={href} lang={textLang}>
        <Highlighted pieces={hit.title} />
      </a>
      {hit.snippet.length > 0 ? (
        <p class="search-result__snippet" lang={textLang}>
          <Highlighted pieces={hit.snippet} />
        </p>
      ) : null}
    </li>
  );
}

export interface SearchPageProps {
  ctx: ViewContext;
  q: string;
  filters: FilterValues;
  options: FilterOptions;
  outcome: SearchOutcome;
}

/** The search form, then the results, a no-results page, or what is wrong with the query. */
export function SearchPage({ ctx, q, filters, options, outcome }: SearchPageProps) {
  // "1,000 results" in English, "1.000 kết quả" in Vietnamese.
  const count = (n: number) => n.toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB');
  const { t } = ctx;
  const base = searchPath(ctx.lang);
  const href = (values: FilterValues, page?: number, lang = ctx.lang) => searchPath(lang, { q: q.trim(), ...filterParams(values), page });
  const problem = outcome.state === 'problem' ? outcome.problem : undefined;
  const shownQuery = q.trim();
  const title = shownQuery && outcome.state === 'results' ? t('search.pageTitle', { query: shownQuery }) : t('search.title');
  const filtered = hasAnyFilter(filters);

  return (
    <Layout ctx={ctx} title={title} noindex alternates={alternates((lang) => href(filters, undefined, lang))}>
      <h1>{t('search.title')}</h1>
      <p class="intro">{t('search.intro')}</p>
      <form class="search-form" role="search" method="get" action={base}>
        <div class={`search-form__query${problem ? ' field--invalid' : ''}`}>
          <label for="search-q">{t('search.label')}</label>
          <div class="search-form__row">
            <input
              id="search-q"
              type="search"
              name="q"
              value={q}
              aria-describedby={problem ? 'search-q-error search-q-hint' : 'search-q-hint'}
              aria-invalid={problem ? 'true' : undefined}
            />
            <button type="submit">{t('search.submit')}</button>
          </div>
          {problem ? (
            <p id="search-q-error" class="field-error">
              {t(`search.problem.${problem}`, { max: problem === 'too_long' ? MAX_QUERY_LENGTH : MAX_QUERY_WORDS })}
            </p>
          ) : null}
          <p id="search-q-hint" class="field-hint">
            {t('search.hint')}
          </p>
        </div>
        <FilterDisclosure ctx={ctx} values={filters}>
          <FilterFields ctx={ctx} values={filters} options={options} show={['kind', 'year', 'topic', 'programme', 'type']} />
        </FilterDisclosure>
      </form>

      <ChosenFilters ctx={ctx} values={filters} options={options} href={(values) => href(values)} />

      {outcome.state === 'results' ? (
        <section class="search-results" aria-labelledby="search-results">
          <h2 id="search-results" class="visually-hidden">
            {t('search.results')}
          </h2>
          <p class="search-count" role="status">
            {shownQuery
              ? outcome.more
                ? t('search.countMore', { count: count(outcome.info.total), query: shownQuery })
                : outcome.info.total === 1
                  ? t('search.countOne', { query: shownQuery })
                  : t('search.countMany', { count: count(outcome.info.total), query: shownQuery })
              : outcome.info.total === 1
                ? t('search.countFilteredOne')
                : t('search.countFilteredMany', { count: count(outcome.info.total) })}
          </p>
          {outcome.more ? <p class="search-more">{t('search.moreHelp')}</p> : null}
          {outcome.info.total === 0 ? (
            <div class="no-results">
              <p class="lead">{shownQuery ? t('search.noResults', { query: shownQuery }) : t('search.noResultsFiltered')}</p>
              <p>{t('search.noResultsHelp')}</p>
              {filtered ? (
                <p>
                  <a href={href({})}>{t('filter.clearAll')}</a>
                </p>
              ) : null}
            </div>
          ) : (
            <ol class="search-result-list" start={outcome.info.offset + 1}>
              {outcome.hits.map((hit) => (
                <ResultItem ctx={ctx} hit={hit} />
              ))}
            </ol>
          )}
          <Pager ctx={ctx} page={outcome.info.page} pages={outcome.info.pages} href={(p) => href(filters, p)} />
        </section>
      ) : null}
    </Layout>
  );
}
