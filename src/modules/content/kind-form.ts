/**
 * A kind's form, written once from what the kind declares: its own fields'
 * rules (as typed on the form) and its translated fields (translated-texts.ts).
 * Reading a body, the field-by-field schema, a stored item's values and the
 * frame of validation (every message at once, the Vietnamese title required
 * once any Vietnamese field is filled) follow from them; the kind adds only
 * its rules across fields and how its own input is made from the parsed form.
 */
import { z } from 'zod';
import { normalizeLine } from '../../shared/text/normalize.js';
import {
  bilingualFields,
  bilingualInput,
  fieldErrorsFrom,
  fieldNames,
  formHeadFields,
  formTailFields,
  readBilingualForm,
  storedFormValues,
  vietnameseGiven,
  type BilingualFormValues,
  type BilingualInput,
  type FieldErrors,
  type FormResult,
} from './form-fields.js';
import { textNames, textRules, type TextFields, type TextOf, type TextRulesOf } from './translated-texts.js';

/** What a kind's rules across fields are given: the messages so far (to add to), and the fields as typed. */
export interface CrossFieldCheck<Values> {
  errors: FieldErrors;
  /** Whether a field passed its own rule (a rule across fields looks only at those). */
  ok(name: string): boolean;
  /** A field as typed, normalised as a line: a value of nothing but control characters is empty. */
  raw(name: keyof Values & string): string;
}

/** The form of a kind whose own fields have `fieldRules` and whose translated fields are `texts`. */
export function kindForm<FieldRules extends Record<string, z.ZodType>, Texts extends TextFields>(fieldRules: FieldRules, texts: Texts, maxTitle: number) {
  type Values = BilingualFormValues<FieldRules, TextRulesOf<Texts>>;
  const textFields = textNames(texts);
  const schema = z.object({ ...formHeadFields, ...fieldRules, ...bilingualFields(maxTitle, textRules(texts)), ...formTailFields });
  type Data = z.output<typeof schema>;

  /** Reads the form from an urlencoded body; missing fields are empty. */
  function read(body: unknown): Values {
    return readBilingualForm(body, fieldNames(fieldRules), textFields);
  }

  return {
    schema,
    /** The translated fields' names: the title, then the declared ones. */
    textFields,
    read,
    /**
     * Validates the form: each field's rule, then the kind's rules across
     * fields (`cross`, which sees every field's message so far), then, when
     * all passed, the input the editing service saves (`own`: the kind's own
     * fields from the parsed form; the slug, texts and tags are added).
     */
    validate<Own>(values: Values, cross: (check: CrossFieldCheck<Values>) => void, own: (data: Data) => Own): FormResult<{ slug: string | null } & Own & BilingualInput<TextOf<Texts>>> {
      const parsed = schema.safeParse(values);
      const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
      // Rules across fields are checked even when other fields failed, so every message shows at once.
      cross({ errors, ok: (name) => errors[name] === undefined, raw: (name) => normalizeLine(String(values[name])) });
      const viGiven = vietnameseGiven(values, textFields, errors);
      if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
      const data = parsed.data;
      const common = data as unknown as Parameters<typeof bilingualInput>[0] & { slug: string | null; revision: number | null };
      const input = { slug: common.slug, ...own(data), ...bilingualInput(common, textFields, viGiven) };
      return { ok: true, revision: common.revision, input: input as unknown as { slug: string | null } & Own & BilingualInput<TextOf<Texts>> };
    },
    /** A stored item's form at `revision`: the common fields and texts, then the kind's own as `own` gives them. */
    stored(item: Parameters<typeof storedFormValues>[0], revision: number, own: Partial<Values>): Values {
      return { ...read({}), ...storedFormValues(item, revision, textFields), ...own } as Values;
    },
  };
}
