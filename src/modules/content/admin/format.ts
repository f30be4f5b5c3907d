/** How the admin writes instants and field names. */
import type { MessageKey, Translate } from '../../i18n/index.js';

/** An instant in the admin: "24 Nov 2026, 09:00" on the wall clock of the zone given, in the admin's language. */
export { formatInstant } from '../../../shared/dates/format.js';

/** "Title (English)" for a dotted field name such as "en.title"; plain names map to their own label. */
export function fieldLabel(t: Translate, field: string): string {
  // A name without a label (from a newer version, say) is shown as it is rather than blank.
  const label = (name: string) => t(`editing.field.${name}` as MessageKey) || name;
  const [first, second] = field.split('.');
  if (second !== undefined && (first === 'en' || first === 'vi')) return `${label(second)} (${label(first)})`;
  return label(field);
}
