import type { ComponentChildren, JSX } from 'preact';
import type { TermRow } from '../taxonomy/index.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import { ShellCache, fillShell } from '../../shared/views/shell.js';
import { EVENT_TYPES, FILTER_KEYS, type FilterKey, type FilterValues } from './filters.js';

/** The choices a filter form offers. */
export interface FilterOptions {
  years: number[];
  topics: TermRow[];
  programmes: TermRow[];
}

interface FilterFieldsProps {
  ctx: ViewContext;
  values: FilterValues;
  options: FilterOptions;
  /** Which filters this page offers, in order. */
  show: readonly FilterKey[];
}

function Select({ id, name, label, children }: { id: string; name: string; label: string; children: ComponentChildren }) {
  return (
    <div class="filter-field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {children}
      </select>
    </div>
  );
}

/**
 * The filter selects of a GET form; each starts at "any", which sends an
 * empty value. A listing's pages mostly show the same choices with the same
 * values: the markup is kept for the latest few of each language.
 */
export function FilterFields(props: FilterFieldsProps) {
  const { ctx, values, options, show } = props;
  // Everything the fields show; the choices are read from the database for each page, so they are compared by value.
  const key = `${ctx.lang} ${show.join(',')} ${values.kind ?? ''} ${values.year ?? ''} ${values.type ?? ''} ${texts([values.topic ?? '', values.programme ?? ''])} ${options.years.join(',')} ${terms(options.topics)} ${terms(options.programmes)}`;
  // A name holding the shells' mark cannot be kept (see shell.ts); none does, but such a page must still render.
  if (key.includes('\u0000')) return <FilterFieldsView {...props} />;
  return fillShell(
    keptFields.get(ctx.t, key, () => <FilterFieldsView {...props} />),
    [],
  );
}

const keptFields = new ShellCache<ViewContext['t']>({ limit: 32 });

/** Texts one after another, each after its length, so that two different lists never read the same. */
function texts(list: readonly string[]): string {
  let out = '';
  for (const text of list) out += `${text.length}:${text}`;
  return out;
}

/** Terms' slugs and names, as `texts` writes them. */
function terms(list: readonly TermRow[]): string {
  let out = '';
  for (const term of list) out += `${term.slug.length}:${term.slug}${term.name.length}:${term.name}`;
  return out;
}

function FilterFieldsView({ ctx, values, options, show }: FilterFieldsProps) {
  const { t } = ctx;
  const fields: Record<FilterKey, () => JSX.Element> = {
    kind: () => (
      <Select id="filter-kind" name="kind" label={t('filter.kind')}>
        <option value="">{t('filter.kindAny')}</option>
        <option value="event" selected={values.kind === 'event'}>
          {t('filter.kindEvent')}
        </option>
        <option value="article" selected={values.kind === 'article'}>
          {t('filter.kindArticle')}
        </option>
      </Select>
    ),
    year: () => (
      <Select id="filter-year" name="year" label={t('filter.year')}>
        <option value="">{t('filter.anyYear')}</option>
        {options.years.map((y) => (
          <option value={String(y)} selected={values.year === y}>
            {String(y)}
          </option>
        ))}
      </Select>
    ),
    topic: () => (
      <Select id="filter-topic" name="topic" label={t('filter.topic')}>
        <option value="">{t('filter.anyTopic')}</option>
        {options.topics.map((term) => (
          <option value={term.slug} selected={values.topic === term.slug}>
            {term.name}
          </option>
        ))}
      </Select>
    ),
    programme: () => (
      <Select id="filter-programme" name="programme" label={t('filter.programme')}>
        <option value="">{t('filter.anyProgramme')}</option>
        {options.programmes.map((term) => (
          <option value={term.slug} selected={values.programme === term.slug}>
            {term.name}
          </option>
        ))}
      </Select>
    ),
    type: () => (
      <Select id="filter-type" name="type" label={t('filter.type')}>
        <option value="">{t('filter.anyType')}</option>
        {EVENT_TYPES.map((type) => (
          <option value={type} selected={values.type === type}>
            {t(`eventType.${type}`)}
          </option>
        ))}
      </Select>
    ),
  };
  return (
    <fieldset class="filters">
      <legend>{t('filter.legend')}</legend>
      <div class="filters__fields">{show.map((key) => fields[key]())}</div>
    </fieldset>
  );
}

/**
 * Folds a page's filters away behind a summary on narrow screens, where they
 * would otherwise fill the first screen before any result; the stylesheet
 * hides the summary and always shows the filters on wider ones. A <details>
 * element, so it opens and closes without JavaScript.
 */
export function FilterDisclosure({ ctx, values, children }: { ctx: ViewContext; values: FilterValues; children: ComponentChildren }) {
  const { t } = ctx;
  const chosen = FILTER_KEYS.filter((key) => values[key] !== undefined).length;
  return (
    <details class="filter-disclosure">
      <summary class="filter-disclosure__summary">
        {t('filter.legend')}
        {chosen > 0 ? <span class="filter-disclosure__count"> ({t('filter.chosenCount', { count: chosen })})</span> : null}
      </summary>
      {children}
    </details>
  );
}

/** How a chosen filter reads in its "remove" link. */
function filterLabel(ctx: ViewContext, key: FilterKey, values: FilterValues, options: FilterOptions): string {
  const { t } = ctx;
  switch (key) {
    case 'kind':
      return values.kind === 'event' ? t('filter.kindEvent') : t('filter.kindArticle');
    case 'year':
      return `${t('filter.year')}: ${values.year}`;
    case 'topic':
      return `${t('filter.topic')}: ${options.topics.find((x) => x.slug === values.topic)?.name ?? values.topic}`;
    case 'programme':
      return `${t('filter.programme')}: ${options.programmes.find((x) => x.slug === values.programme)?.name ?? values.programme}`;
    case 'type':
      return `${t('filter.type')}: ${values.type ? t(`eventType.${values.type}`) : ''}`;
  }
}

interface ChosenFiltersProps {
  ctx: ViewContext;
  values: FilterValues;
  options: FilterOptions;
  /** The URL of this page with other filter values (back to the first page). */
  href: (values: FilterValues) => string;
}

/** The filters in force, each a link that removes it, and one that removes them all. */
export function ChosenFilters({ ctx, values, options, href }: ChosenFiltersProps) {
  const { t } = ctx;
  const chosen = FILTER_KEYS.filter((key) => values[key] !== undefined);
  if (chosen.length === 0) return null;
  return (
    <div class="chosen-filters">
      <h2 class="visually-hidden">{t('filter.chosen')}</h2>
      <ul>
        {chosen.map((key) => {
          const label = filterLabel(ctx, key, values, options);
          return (
            <li>
              <a class="chip" href={href({ ...values, [key]: undefined })} aria-label={t('filter.remove', { name: label })}>
                {label}
                <span aria-hidden="true"> ×</span>
              </a>
            </li>
          );
        })}
        {chosen.length > 1 ? (
          <li>
            <a class="chip chip--clear" href={href({})}>
              {t('filter.clearAll')}
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** A listing's filters as its service gives them. */
export interface FilteredListing {
  /** The filters applied. */
  filters: FilterValues;
  /** The choices each filter offers. */
  options: FilterOptions;
  /** Topic or programme slugs asked for that name nothing; said, not applied. */
  unknown: { topic?: string; programme?: string };
}

interface ListingFiltersProps {
  ctx: ViewContext;
  /** The listing's own path, without a query: the form's action. */
  action: string;
  listing: FilteredListing;
  show: readonly FilterKey[];
  /** The URL of the listing with other filter values (back to the first page). */
  href: (values: FilterValues) => string;
}

/**
 * A listing's filters: a GET form (works without JavaScript; each choice
 * becomes a query parameter), a note for any topic or programme not known,
 * and the chosen filters as links that remove them.
 */
export function ListingFilters({ ctx, action, listing, show, href }: ListingFiltersProps) {
  const { t } = ctx;
  const { filters: values, options, unknown } = listing;
  return (
    <div class="listing-filters">
      <FilterDisclosure ctx={ctx} values={values}>
        <form class="filter-form" method="get" action={action}>
          <FilterFields ctx={ctx} values={values} options={options} show={show} />
          <button type="submit">{t('filter.apply')}</button>
        </form>
      </FilterDisclosure>
      {unknown.topic !== undefined ? (
        <p class="filter-notice" role="status">
          {t('filter.unknownTopic', { slug: unknown.topic })}
        </p>
      ) : null}
      {unknown.programme !== undefined ? (
        <p class="filter-notice" role="status">
          {t('filter.unknownProgramme', { slug: unknown.programme })}
        </p>
      ) : null}
      <ChosenFilters ctx={ctx} values={values} options={options} href={href} />
    </div>
  );
}
