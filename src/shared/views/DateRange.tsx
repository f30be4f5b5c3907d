import { formatDate, formatDateRange, RANGE_SEPARATOR, type Lang } from '../dates/format.js';
import { isOneDay } from '../dates/day-range.js';
import { fillShell, hole, renderShell } from './shell.js';

interface DateRangeProps {
  start: string;
  end?: string | null | undefined;
  lang: Lang;
}

/**
 * A date or date range as the office writes it ("22 - 23 July 2020"), with
 * machine-readable <time> elements. A range's text is split at its separator
 * so each end carries its own datetime attribute while the visible text stays
 * exactly as formatted.
 */
export function DateRange({ start, end, lang }: DateRangeProps) {
  const text = formatDateRange(start, end ?? null, lang);
  const at = text.indexOf(RANGE_SEPARATOR);
  if (!end || isOneDay(start, end) || at < 0) {
    return start === '' ? <OneDate date={start} text={text} /> : fillShell(oneDate, [start, text]);
  }
  return fillShell(range, [start, text.slice(0, at), end, text.slice(at + RANGE_SEPARATOR.length)]);
}

function OneDate({ date, text }: { date: string; text: string }) {
  return <time dateTime={date}>{text}</time>;
}

function Range({ start, end, first, last }: { start: string; end: string; first: string; last: string }) {
  return (
    <span class="date-range">
      <time dateTime={start}>{first}</time>
      {RANGE_SEPARATOR}
      <time dateTime={end}>{last}</time>
    </span>
  );
}

// Rendered once: a listing shows a date for every item.
const oneDate = renderShell(<OneDate date={hole(0)} text={hole(1)} />);
const range = renderShell(<Range start={hole(0)} first={hole(1)} end={hole(2)} last={hole(3)} />);

/** A single publication date in the articles' style ("05 April 2022"). */
export function PublishedDate({ date, lang }: { date: string; lang: Lang }) {
  return <time dateTime={date}>{formatDate(date, lang, { padDay: true })}</time>;
}
