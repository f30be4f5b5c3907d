/**
 * Parser for the text form of the office's listing pages ("Events and
 * meetings", "Feature articles", and their Vietnamese versions), as copied
 * from the old site or typed by the communications team.
 *
 * The layout it reads:
 *
 *     Events and meetings            page heading (tells events from articles)
 *     The ILO Country Office ...     optional intro paragraph(s)
 *     September 2020                 optional month heading
 *       1. Title                     numbered item; numbering may restart
 *         17 September 2020          date line
 *         Description ...            optional paragraph(s)
 *
 * Articles may carry a photo credit ("© ILO/Nguyen Hai Dat 2024") before the
 * title, on the numbered line or on a line of its own, and a byline
 * ("By André Gama, ...") where the summary would be.
 *
 * The parser is strict on purpose: a line it cannot place is reported with
 * its line number and a reason, rather than being guessed at, because a
 * silently misread date or title would end up on the public site.
 */
import { listingMonth } from '../../shared/dates/day-range.js';
import { formatDate, type Lang } from '../../shared/dates/format.js';
import { dateTextLanguage, parseDateText, parseMonthHeading } from '../../shared/dates/parse.js';
import { daysSpanned, eventDatesProblem, MAX_EVENT_DAYS } from '../../shared/dates/bounds.js';
import { parseByline, type Byline } from '../articles/index.js';
import { parseCredit, type PhotoCredit } from '../media/index.js';

export type ListingKind = 'events' | 'articles';

export interface ParsedEvent {
  /** 1-based line number of the item's numbered line. */
  line: number;
  number: number;
  title: string;
  start: string;
  end: string | null;
  dateText: string;
  description: string | null;
  /** 'YYYY-MM' of the month heading the event stood under, if any. */
  monthHeading: string | null;
}

export interface ParsedArticle {
  /** 1-based line number of the item's numbered line. */
  line: number;
  number: number;
  title: string;
  date: string;
  dateText: string;
  summary: string | null;
  credit: PhotoCredit | null;
  byline: Byline | null;
}

export interface ParsedListing {
  kind: ListingKind;
  lang: Lang;
  /** The page heading as written, or "" when the text starts straight with items. */
  heading: string;
  intro: string | null;
  events: ParsedEvent[];
  articles: ParsedArticle[];
  /**
   * Lines read but not imported, for the report: with a kind given, a first
   * line that is no heading the parser knows is taken as the page's heading.
   */
  unplaced: UnplacedLine[];
}

/** A line the import does not store, and why. */
export interface UnplacedLine {
  line: number;
  text: string;
  reason: string;
}

/** A line of the listing that could not be understood; `message` reads "line N: reason". */
export class ListingParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ListingParseError';
  }
}

interface HeadingInfo {
  kind: ListingKind;
  lang: Lang;
}

// The headings that open a page, by language and kind: lower case NFC with single spaces.
const PAGE_HEADING_TEXTS: Record<Lang, Record<ListingKind, readonly string[]>> = {
  en: {
    events: [
      'events and meetings',
      'meetings and events',
      'events & meetings',
      'events',
      'meetings',
      'past events',
      'upcoming events',
      'upcoming and past events',
    ],
    articles: ['feature articles', 'feature stories', 'features', 'articles'],
  },
  vi: {
    events: [
      'sự kiện',
      'các sự kiện',
      'sự kiện và cuộc họp',
      'sự kiện và hội nghị',
      'sự kiện và hội họp',
      'sự kiện sắp tới',
      'sự kiện sắp diễn ra',
      'sự kiện đã qua',
      'sự kiện đã diễn ra',
    ],
    articles: ['bài viết', 'các bài viết', 'bài viết nổi bật', 'bài viết chuyên đề'],
  },
};

const PAGE_HEADINGS = new Map<string, HeadingInfo>(
  (['en', 'vi'] as const).flatMap((lang) =>
    (['events', 'articles'] as const).flatMap((kind) => PAGE_HEADING_TEXTS[lang][kind].map((text) => [text, { kind, lang }] as const)),
  ),
);

// Headings that split an events page into parts; they may also open the page.
const SECTION_HEADINGS: Record<string, Lang> = {
  'past events': 'en',
  'upcoming events': 'en',
  'sự kiện sắp tới': 'vi',
  'sự kiện sắp diễn ra': 'vi',
  'sự kiện đã qua': 'vi',
  'sự kiện đã diễn ra': 'vi',
};

// Letters found in Vietnamese but not in English or in names like "André".
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]/iu;

function headingKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/:$/, '').trim();
}

interface Line {
  no: number;
  /** Trimmed, tabs and runs of spaces collapsed to one space. */
  text: string;
}

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({
      no: i + 1,
      text: raw.normalize('NFC').replace(/[\t \u00A0]+/g, ' ').trim(),
    }));
}

const NUMBERED = /^(\d{1,3})\.(?:\s+(.*))?$/;
const YEAR_HEADING = /^(\d{4})$/;

function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}"`;
}

/** A line short and numeric enough to have been meant as a date. */
function looksLikeDate(text: string): boolean {
  const words = text.split(' ').length;
  return words <= 8 && (/\d/.test(text) || dateTextLanguage(text) !== null);
}

type State =
  /** After the page heading, before any item or heading: text here is intro. */
  | 'intro'
  /** After a month, year or section heading, before its first item. */
  | 'group'
  /** The numbered line held a photo credit; the title comes next. */
  | 'title'
  /** Title read; the date line comes next. */
  | 'date'
  /** Date read; paragraphs of description or summary follow. */
  | 'body';

interface Draft {
  line: number;
  number: number;
  title: string;
  credit: PhotoCredit | null;
  start: string;
  end: string | null;
  dateText: string;
  paragraphs: string[];
  monthHeading: string | null;
}

/**
 * Parses the text of an events or feature-articles listing page into items.
 * The kind and language come from the page heading ("Events and meetings",
 * "Bài viết nổi bật", ...); `options.kind` is used when the page has no
 * heading it recognises. The language is 'vi' when the heading, a month
 * heading or a date is Vietnamese, otherwise 'en'. Throws ListingParseError
 * naming the first line it cannot place and why.
 */
export function parseListing(text: string, options?: { kind?: ListingKind }): ParsedListing {
  const lines = splitLines(text);
  const firstIndex = lines.findIndex((l) => l.text !== '');
  if (firstIndex < 0) {
    throw new ListingParseError(1, 'the page is empty; expected a heading such as "Events and meetings" followed by numbered items');
  }
  const first = lines[firstIndex]!;

  // --- Page heading: decides the kind of page and hints at the language.
  const known = PAGE_HEADINGS.get(headingKey(first.text));
  // A first line that is plainly part of the listing is not taken for a heading.
  const startsWithStructure =
    NUMBERED.test(first.text) ||
    parseMonthHeading(first.text) !== null ||
    YEAR_HEADING.test(first.text) ||
    parseCredit(first.text) !== null ||
    'start' in parseDateText(first.text);
  let heading = '';
  let cursor = firstIndex;
  let kind: ListingKind;
  let lang: Lang | null = null;
  const unplaced: UnplacedLine[] = [];
  if (known) {
    if (options?.kind && options.kind !== known.kind) {
      throw new ListingParseError(
        first.no,
        `the page heading ${quote(first.text)} is for ${known.kind}, but this import expects ${options.kind}`,
      );
    }
    kind = known.kind;
    lang = known.lang;
    heading = first.text;
    cursor++;
  } else if (options?.kind) {
    kind = options.kind;
    if (!startsWithStructure) {
      heading = first.text;
      if (VIETNAMESE_LETTERS.test(heading)) lang = 'vi';
      unplaced.push({ line: first.no, text: first.text, reason: 'taken as the page heading, which is not imported' });
      cursor++;
    }
  } else {
    throw new ListingParseError(
      first.no,
      startsWithStructure
        ? 'the page has no heading, so it is not clear whether it lists events or articles; start it with "Events and meetings" or "Feature articles"'
        : `${quote(first.text)} is not a page heading this importer knows, so it is not clear whether the page lists events or articles; use a heading such as "Events and meetings", "Feature articles", "Sự kiện" or "Bài viết"`,
    );
  }

  const events: ParsedEvent[] = [];
  const articles: ParsedArticle[] = [];
  const introParagraphs: string[] = [];
  // Widened on purpose: the helpers below change it too, which TypeScript's
  // narrowing of the loop would not see.
  let state = 'intro' as State;
  let draft: Draft | null = null;
  let blankBefore = true;
  let previousNumber = 0;
  let groupMonth: { key: string; text: string; line: number } | null = null;
  let groupYear: { year: number; line: number } | null = null;
  // Month and year headings must have items under them; a "Past events"
  // section may legitimately be empty or hold only month headings.
  let groupHeading = null as { text: string; line: number; needsItems: boolean } | null;
  let pendingCredit: { credit: PhotoCredit; line: number } | null = null;
  let consumed = -1;

  const markVietnamese = (): void => {
    lang = 'vi';
  };

  const itemLabel = (d: Draft): string => (d.title ? `${quote(d.title)} (item ${d.number})` : `item ${d.number}`);

  const nextNonBlank = (from: number): number => {
    for (let j = from; j < lines.length; j++) if (lines[j]!.text !== '') return j;
    return -1;
  };

  /**
   * Closes the current item, or reports what it is missing. `endsGroup` is
   * set when a heading or the end of the page follows, which also makes an
   * empty month heading an error.
   */
  const finishItem = (endsGroup: boolean): void => {
    if (state === 'title' && draft) {
      throw new ListingParseError(draft.line, `item ${draft.number} has a photo credit but no title; put the title on the line after the credit`);
    }
    if (state === 'date' && draft) {
      throw new ListingParseError(draft.line, `${itemLabel(draft)} has no date line; add its date (such as "17 September 2020") under the title`);
    }
    if (endsGroup && state === 'group' && groupHeading?.needsItems) {
      throw new ListingParseError(groupHeading.line, `the heading ${quote(groupHeading.text)} has no numbered items under it`);
    }
    if (state !== 'body' || !draft) return;
    if (kind === 'events') {
      events.push({
        line: draft.line,
        number: draft.number,
        title: draft.title,
        start: draft.start,
        end: draft.end,
        dateText: draft.dateText,
        description: draft.paragraphs.length > 0 ? draft.paragraphs.join('\n\n') : null,
        monthHeading: draft.monthHeading,
      });
    } else {
      const paragraphs = [...draft.paragraphs];
      const byline = paragraphs.length > 0 ? parseByline(paragraphs[0]!) : null;
      if (byline) paragraphs.shift();
      articles.push({
        line: draft.line,
        number: draft.number,
        title: draft.title,
        date: draft.start,
        dateText: draft.dateText,
        summary: paragraphs.length > 0 ? paragraphs.join('\n\n') : null,
        credit: draft.credit,
        byline,
      });
    }
    draft = null;
  };

  const startGroup = (line: Line, needsItems: boolean): void => {
    finishItem(true);
    groupHeading = { text: line.text, line: line.no, needsItems };
    state = 'group';
  };

  for (let i = cursor; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (t === '' || i === consumed) {
      if (t === '') blankBefore = true;
      continue;
    }
    const wasBlankBefore = blankBefore;
    blankBefore = false;

    if (pendingCredit && !NUMBERED.test(t)) {
      // Unreachable by construction (the credit looked ahead), kept as a guard.
      throw new ListingParseError(pendingCredit.line, 'this photo credit is not followed by a numbered article title');
    }

    // --- Numbered line: starts a new item.
    const numbered = NUMBERED.exec(t);
    if (numbered) {
      finishItem(false);
      const number = Number(numbered[1]);
      if (number !== 1 && number !== previousNumber + 1) {
        throw new ListingParseError(
          line.no,
          previousNumber === 0
            ? `the first item is numbered ${number}; numbering should start at 1`
            : `this item is numbered ${number} but the one before it is ${previousNumber}; expected ${previousNumber + 1}, or 1 to start a new group`,
        );
      }
      previousNumber = number;
      let rest = numbered[2]?.trim() ?? '';
      let credit: PhotoCredit | null = null;
      if (rest === '') {
        // A bare number is only acceptable when the photo credit sits on the next line.
        const j = nextNonBlank(i + 1);
        const below = j >= 0 ? parseCredit(lines[j]!.text) : null;
        if (!below || kind !== 'articles') {
          throw new ListingParseError(line.no, `item ${number} has a number but no title; write the title after "${number}."`);
        }
        credit = below;
        consumed = j;
      } else {
        const inline = parseCredit(rest);
        if (inline) {
          if (kind !== 'articles') {
            throw new ListingParseError(line.no, `${quote(rest)} is a photo credit, but events do not carry photo credits; the numbered line should hold the event's title`);
          }
          credit = inline;
          rest = '';
        }
      }
      if (credit && pendingCredit) {
        throw new ListingParseError(line.no, `item ${number} has two photo credits (the other is on line ${pendingCredit.line})`);
      }
      draft = {
        line: line.no,
        number,
        title: rest,
        credit: credit ?? pendingCredit?.credit ?? null,
        start: '',
        end: null,
        dateText: '',
        paragraphs: [],
        monthHeading: groupMonth?.key ?? null,
      };
      pendingCredit = null;
      state = rest === '' ? 'title' : 'date';
      continue;
    }

    // --- Month heading ("September 2020", "Tháng Chín 2020").
    const month = parseMonthHeading(t);
    if (month) {
      startGroup(line, true);
      groupMonth = { key: month.month, text: t, line: line.no };
      groupYear = null;
      if (/^tháng/iu.test(t)) markVietnamese();
      continue;
    }

    // --- Year heading ("2021").
    const year = YEAR_HEADING.exec(t);
    if (year) {
      startGroup(line, true);
      groupYear = { year: Number(year[1]), line: line.no };
      groupMonth = null;
      continue;
    }

    // --- Section heading ("Past events", "Sự kiện sắp tới").
    const sectionLang = SECTION_HEADINGS[headingKey(t)];
    if (sectionLang) {
      if (kind !== 'events') {
        throw new ListingParseError(line.no, `${quote(t)} is an events heading, but this is an articles page`);
      }
      startGroup(line, false);
      groupMonth = null;
      groupYear = null;
      if (sectionLang === 'vi') markVietnamese();
      continue;
    }

    // --- Photo credit on its own line, before the numbered title line.
    const credit = parseCredit(t);
    if (credit) {
      if (kind !== 'articles') {
        throw new ListingParseError(line.no, `${quote(t)} looks like a photo credit, but events do not carry photo credits`);
      }
      if (state === 'title' && draft) {
        throw new ListingParseError(line.no, `item ${draft.number} already has a photo credit on line ${draft.line}`);
      }
      if (state === 'date' && draft) {
        throw new ListingParseError(line.no, `a photo credit must come before the title it belongs to, not after ${itemLabel(draft)}`);
      }
      const j = nextNonBlank(i + 1);
      if (j < 0 || !NUMBERED.test(lines[j]!.text)) {
        throw new ListingParseError(line.no, 'this photo credit is not followed by a numbered article title; a credit goes just before the "N. Title" line of its article');
      }
      pendingCredit = { credit, line: line.no };
      continue;
    }

    // --- Any other text: its meaning depends on where it stands.
    switch (state) {
      case 'intro': {
        if (heading === '') {
          throw new ListingParseError(line.no, `${quote(t)} comes before the first numbered item and is not a page heading or introduction`);
        }
        if ('start' in parseDateText(t)) {
          throw new ListingParseError(line.no, `the date ${quote(t)} comes before the first numbered item; each date belongs under an item's title`);
        }
        // The heading again (pages copied with their title shown twice): it is the heading, not the intro.
        if (introParagraphs.length === 0 && headingKey(t) === headingKey(heading)) break;
        if (wasBlankBefore || introParagraphs.length === 0) introParagraphs.push(t);
        else introParagraphs[introParagraphs.length - 1] += ` ${t}`;
        break;
      }
      case 'group': {
        const under = groupHeading ? ` under the heading ${quote(groupHeading.text)}` : '';
        throw new ListingParseError(line.no, `${quote(t)} stands${under} before any numbered item; every entry needs a number, as in "1. Title"`);
      }
      case 'title': {
        const d = draft!;
        if ('start' in parseDateText(t)) {
          throw new ListingParseError(line.no, `item ${d.number} has a photo credit but no title: the date ${quote(t)} comes straight after the credit`);
        }
        d.title = t;
        state = 'date';
        break;
      }
      case 'date': {
        const d = draft!;
        const parsed = parseDateText(t);
        if ('error' in parsed) {
          if (looksLikeDate(t)) throw new ListingParseError(line.no, parsed.error);
          throw new ListingParseError(
            line.no,
            `${itemLabel(d)} has no date line: expected a date such as "17 September 2020" under the title, but found ${quote(t)}`,
          );
        }
        if (dateTextLanguage(t) === 'vi') markVietnamese();
        if (kind === 'articles' && parsed.end !== null) {
          throw new ListingParseError(line.no, `${quote(t)} is a range, but an article has a single publication date`);
        }
        if (eventDatesProblem(parsed.start, parsed.end) === 'tooLong') {
          throw new ListingParseError(line.no, `${itemLabel(d)} lasts ${daysSpanned(parsed.start, parsed.end)} days; an event lasts at most ${MAX_EVENT_DAYS}`);
        }
        if (groupMonth && listingMonth(parsed.start) !== groupMonth.key) {
          throw new ListingParseError(
            line.no,
            `${itemLabel(d)} starts on ${formatDate(parsed.start, 'en')} but is listed under ${quote(groupMonth.text)}; ` +
              'an item belongs under the month it starts in',
          );
        }
        if (groupYear && Number(parsed.start.slice(0, 4)) !== groupYear.year) {
          throw new ListingParseError(
            line.no,
            `${itemLabel(d)} is dated ${formatDate(parsed.start, 'en')} but is listed under the year ${groupYear.year}`,
          );
        }
        d.start = parsed.start;
        d.end = parsed.end;
        d.dateText = t;
        state = 'body';
        break;
      }
      case 'body': {
        const d = draft!;
        if (wasBlankBefore || d.paragraphs.length === 0) {
          // A second date usually means the numbered title line of the next item is missing.
          if (looksLikeDate(t) && 'start' in parseDateText(t)) {
            throw new ListingParseError(
              line.no,
              `${quote(t)} looks like a second date for ${itemLabel(d)}; is the numbered title line of the next item missing above it?`,
            );
          }
          d.paragraphs.push(t);
        } else {
          d.paragraphs[d.paragraphs.length - 1] += ` ${t}`;
        }
        break;
      }
    }
  }
  finishItem(true);

  const intro = introParagraphs.join('\n\n').trim();
  return {
    kind,
    lang: lang ?? 'en',
    heading,
    intro: intro === '' ? null : intro,
    events,
    articles,
    unplaced,
  };
}
