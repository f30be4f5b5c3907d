import { formatDate, formatDateRange, RANGE_SEPARATOR, type Lang } from '../dates/format.js';
import { isOneDay } from '../dates/day-range.js';

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
    return <time dateTime={start}>{text}</time>;
  }
  return (
    <span class="date-range">
      <time dateTime={start}>{text.slice(0, at)}</time>
      {RANGE_SEPARATOR}
      <time dateTime={end}>{text.slice(at + RANGE_SEPARATOR.length)}</time>
    </span>
  );
}

/** A single publication date in the articles' style ("05 April 2022"). */
export function PublishedDate({ date, lang }: { date: string; lang: Lang }) {
  return <time dateTime={date}>{formatDate(date, lang, { padDay: true })}</time>;
}
