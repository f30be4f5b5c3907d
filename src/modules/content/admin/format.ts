/** How the admin writes instants and field names. */
import type { LangCode } from '../../../db/schema.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { declaredLabel } from '../kinds.js';
import { wordsIn } from '../translated-texts.js';

/** An instant in the admin: "24 Nov 2026, 09:00" on the wall clock of the zone given, in the admin's language. */
export { formatInstant } from '../../../shared/dates/format.js';

/**
 * "Title (English)" for a dotted field name such as "en.title"; plain names
 * map to their own label: a translated field's as its kind declares it, any
 * other field's from the catalogue (`editing.field.<name>`).
 */
export function fieldLabel(ctx: { lang: LangCode; t: Translate }, field: string): string {
  // A name without a label (from a newer version, say) is shown as it is rather than blank.
  const label = (name: string) => {
    const declared = declaredLabel(name);
    return declared ? wordsIn(ctx, declared) : ctx.t(`editing.field.${name}` as MessageKey) || name;
  };
  const [first, second] = field.split('.');
  if (second !== undefined && (first === 'en' || first === 'vi')) return `${label(second)} (${label(first)})`;
  return label(field);
}
