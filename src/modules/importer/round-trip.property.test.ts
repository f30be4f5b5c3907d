/**
 * Any listing page round-trips through the parser: a page made up of random
 * entries (events and articles, in English and Vietnamese, under month or
 * year headings, numbered per group, with single dates, ranges within a
 * month, across months and across years, optional descriptions, photo
 * credits and bylines) is written as the office writes its pages, parsed,
 * and must give back exactly the entries it was made from.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../shared/dates/calendar-date.js';
import { formatDate, formatDateRange, formatMonthHeading, type Lang } from '../../shared/dates/format.js';
import { formatByline, type Byline } from '../articles/index.js';
import { formatCredit, type PhotoCredit } from '../media/index.js';
import { parseListing } from './listing-parser.js';

/** Fixed, so that a failure reproduces; fast-check prints the seed and path of any counterexample. */
const SEED = 20261204;
const RUNS = 400;

// Words that can never be read as a date, a heading, a credit, a byline or a number.
const WORDS = {
  en: ['workshop', 'decent', 'work', 'social', 'protection', 'for', 'migrant', 'workers', 'in', 'the', 'garment', 'sector', 'dialogue', 'skills', 'green', 'jobs', 'and', 'safety', 'youth', 'employment'],
  vi: ['hội', 'thảo', 'việc', 'làm', 'bền', 'vững', 'an', 'sinh', 'xã', 'hội', 'cho', 'người', 'lao', 'động', 'di', 'cư', 'ngành', 'dệt', 'may', 'kỹ', 'năng', 'đối', 'thoại', 'xanh'],
} as const;
const NAMES = ['André', 'Gama', 'Nguyễn', 'Thị', 'Hà', 'Chang-Hee', 'Lee', 'Đỗ', 'Quỳnh', 'Chi', 'Ingrid', 'Christensen'];
const ROLES = ['Programme Manager', 'Chief Technical Adviser', 'Labour Economist', 'Giám đốc dự án'];
const ORGANISATIONS = ['ILO Viet Nam', 'Ministry of Labour', 'VCCI', 'Viện Khoa học Lao động'];
const HOLDERS = ['ILO', 'UNICEF', 'VGCL'];
const HEADINGS: Record<'events' | 'articles', Record<Lang, string>> = {
  events: { en: 'Events and meetings', vi: 'Sự kiện và cuộc họp' },
  articles: { en: 'Feature articles', vi: 'Bài viết nổi bật' },
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function phrase(lang: Lang, min: number, max: number) {
  return fc.array(fc.constantFrom(...WORDS[lang]), { minLength: min, maxLength: max }).map((w) => capitalise(w.join(' ')));
}

function paragraphs(lang: Lang) {
  return fc.array(phrase(lang, 3, 14).map((p) => `${p}.`), { minLength: 1, maxLength: 3 });
}

/** A month from 1900-01 to 2099-12, as 'YYYY-MM'. */
const month = fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month: m }) => `${year}-${String(m).padStart(2, '0')}`);

function daysIn(m: string): number {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

interface EventEntry {
  title: string;
  start: string;
  end: string | null;
  description: string[];
}

/** An event starting in month `m`: a single day, or a range within the month, across months or across a year's end. */
function eventIn(lang: Lang, m: string) {
  return fc
    .record({
      title: phrase(lang, 2, 10),
      day: fc.integer({ min: 1, max: daysIn(m) }),
      // 0: one day; otherwise the number of days after the start (up to about a year and a half).
      length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 540 })),
      description: fc.option(paragraphs(lang), { nil: undefined }),
    })
    .map(({ title, day, length, description }): EventEntry => {
      const start = `${m}-${String(day).padStart(2, '0')}`;
      const end = length === 0 ? null : addDays(start, length);
      return { title, start, end: end !== null && end > '2100-12-31' ? null : end, description: description ?? [] };
    });
}

interface ArticleEntry {
  title: string;
  date: string;
  credit: PhotoCredit | null;
  /** Where the credit is written: on the numbered line (title below) or on a line of its own before it. */
  creditOwnLine: boolean;
  byline: Byline | null;
  summary: string[];
}

const credit: fc.Arbitrary<PhotoCredit> = fc.record({
  holder: fc.constantFrom(...HOLDERS),
  photographer: fc.option(fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((n) => n.join(' ')), { nil: null }),
  year: fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: null }),
}).map((c) => ({ ...c }));

const byline: fc.Arbitrary<Byline> = fc.record({
  kind: fc.constantFrom('by' as const, 'op-ed' as const),
  name: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((n) => n.join(' ')),
  role: fc.option(fc.constantFrom(...ROLES), { nil: null }),
  organisation: fc.option(fc.constantFrom(...ORGANISATIONS), { nil: null }),
}).map((b) => ({ ...b }));

function articleIn(lang: Lang, year: number) {
  return fc
    .record({
      title: phrase(lang, 2, 10),
      dayOfYear: fc.integer({ min: 0, max: 364 }),
      credit: fc.option(credit, { nil: null }),
      creditOwnLine: fc.boolean(),
      byline: fc.option(byline, { nil: null }),
      summary: fc.option(paragraphs(lang), { nil: undefined }),
    })
    .map(({ dayOfYear, summary, ...rest }): ArticleEntry => ({ ...rest, date: addDays(`${year}-01-01`, dayOfYear), summary: summary ?? [] }));
}

interface Page {
  kind: 'events' | 'articles';
  lang: Lang;
  intro: string[];
  /** Events: month groups ('YYYY-MM'); articles: year groups, newest first, with or without a year heading. */
  groups: { heading: string | null; events: EventEntry[]; articles: ArticleEntry[] }[];
}

function eventsPage(lang: Lang): fc.Arbitrary<Page> {
  return fc
    .record({
      intro: fc.option(paragraphs(lang), { nil: undefined }),
      months: fc.uniqueArray(month, { minLength: 1, maxLength: 4 }),
    })
    .chain(({ intro, months }) =>
      fc.tuple(...months.map((m) => fc.array(eventIn(lang, m), { minLength: 1, maxLength: 4 }))).map((lists) => ({
        kind: 'events' as const,
        lang,
        intro: intro ?? [],
        groups: lists.map((events, i) => ({ heading: months[i]!, events, articles: [] })),
      })),
    );
}

function articlesPage(lang: Lang): fc.Arbitrary<Page> {
  return fc
    .record({
      intro: fc.option(paragraphs(lang), { nil: undefined }),
      years: fc.uniqueArray(fc.integer({ min: 1900, max: 2099 }), { minLength: 1, maxLength: 3 }),
      yearHeadings: fc.boolean(),
    })
    .chain(({ intro, years, yearHeadings }) =>
      fc.tuple(...years.map((y) => fc.array(articleIn(lang, y), { minLength: 1, maxLength: 4 }))).map((lists) => ({
        kind: 'articles' as const,
        lang,
        intro: intro ?? [],
        groups: lists.map((articles, i) => ({ heading: yearHeadings ? String(years[i]) : null, events: [], articles })),
      })),
    );
}

/** The page as the office writes it (the layout of content/seeds/). */
function render(page: Page): string {
  const out: string[] = [HEADINGS[page.kind][page.lang], ''];
  for (const p of page.intro) out.push(p, '');
  for (const group of page.groups) {
    if (group.heading !== null) {
      out.push(page.kind === 'events' ? formatMonthHeading(group.heading, page.lang) : group.heading, '');
    } else if (page.kind === 'articles') {
      // Year groups without a heading are told apart only by the numbering starting again.
      out.push('');
    }
    group.events.forEach((e, i) => {
      out.push(`  ${i + 1}. ${e.title}`, '', `    ${formatDateRange(e.start, e.end, page.lang)}`, '');
      for (const p of e.description) out.push(`    ${p}`, '');
    });
    group.articles.forEach((a, i) => {
      if (a.credit && a.creditOwnLine) out.push(`  ${formatCredit(a.credit)}`, `  ${i + 1}. ${a.title}`, '');
      else if (a.credit) out.push(`  ${i + 1}. ${formatCredit(a.credit)}`, '', `    ${a.title}`, '');
      else out.push(`  ${i + 1}. ${a.title}`, '');
      out.push(`    ${formatDate(a.date, page.lang, { padDay: true })}`, '');
      if (a.byline) out.push(`    ${formatByline(a.byline, page.lang)}`, '');
      for (const p of a.summary) out.push(`    ${p}`, '');
    });
  }
  return out.join('\n');
}

/** An entry without its line number (where it lands depends on the layout, not on the entry). */
function withoutLine(entry: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'line'));
}

describe('listing pages round-trip through the parser (property)', () => {
  const pages = fc.oneof(eventsPage('en'), eventsPage('vi'), articlesPage('en'), articlesPage('vi'));

  test('render, parse: the same kind, language, intro and entries, in order', () => {
    fc.assert(
      fc.property(pages, (page) => {
        const text = render(page);
        const parsed = parseListing(text);
        assert.equal(parsed.kind, page.kind);
        assert.equal(parsed.lang, page.lang);
        assert.equal(parsed.intro, page.intro.length > 0 ? page.intro.join('\n\n') : null);
        assert.deepEqual(parsed.unplaced, []);
        const events = page.groups.flatMap((g) =>
          g.events.map((e, i) => ({
            number: i + 1,
            title: e.title,
            start: e.start,
            end: e.end,
            dateText: formatDateRange(e.start, e.end, page.lang),
            description: e.description.length > 0 ? e.description.join('\n\n') : null,
            monthHeading: g.heading,
          })),
        );
        assert.deepEqual(
          parsed.events.map(withoutLine),
          events,
        );
        const articles = page.groups.flatMap((g) =>
          g.articles.map((a, i) => ({
            number: i + 1,
            title: a.title,
            date: a.date,
            dateText: formatDate(a.date, page.lang, { padDay: true }),
            summary: a.summary.length > 0 ? a.summary.join('\n\n') : null,
            credit: a.credit,
            byline: a.byline,
          })),
        );
        assert.deepEqual(
          parsed.articles.map(withoutLine),
          articles,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
