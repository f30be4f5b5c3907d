/** How the admin writes instants and field names. */
import type { Lang, MessageKey, Translate } from '../../i18n/index.js';

// One formatter per language and zone: building them is the costly part.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall clock of `zone` shows it, in the admin's language:
 * "24 Nov 2026, 09:00". The zone is explicit, so the server's never matters.
 */
export function formatInstant(instant: string, zone: string, lang: Lang): string {
  const key = `${lang}|${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(instant));
}

/** "Title (English)" for a dotted field name such as "en.title"; plain names map to their own label. */
export function fieldLabel(t: Translate, field: string): string {
  // A name without a label (from a newer version, say) is shown as it is rather than blank.
  const label = (name: string) => t(`editing.field.${name}` as MessageKey) || name;
  const [first, second] = field.split('.');
  if (second !== undefined && (first === 'en' || first === 'vi')) return `${label(second)} (${label(first)})`;
  return label(field);
}
