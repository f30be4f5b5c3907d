/** Display of instants in the admin: the office's time zone, the interface language. */
import type { Lang } from '../i18n/index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "23 Nov 2026, 09:00" (or its Vietnamese form) for an ISO instant, in the
 * given zone, whatever the server's own zone.
 */
export function formatInstant(iso: string, lang: Lang, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
