/**
 * Form controls of the editing forms, built on the admin's `Field` so that
 * every control has its label, hint and message in the same places, with
 * `aria-describedby` pointing at the hint and the message and
 * `aria-invalid` set when the value was refused.
 */
import type { ComponentChildren } from 'preact';
import { ChoiceFieldset, controlAria, Field } from '../../admin/index.js';

/** A labelled one-line input of any of the types the forms use. */
export { TextInput as InputField } from '../../admin/index.js';
/** A labelled drop-down. */
export { Select as SelectField } from '../../admin/index.js';

interface Common {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** The language of the value, for screen readers and spelling (the Vietnamese fields say vi). */
  lang?: string | undefined;
}

interface TextAreaProps extends Common {
  value: string;
  rows?: number;
  maxLength?: number;
}

/** A labelled multi-line text. */
export function TextAreaField({ name, label, error, hint, lang, value, rows = 4, maxLength }: TextAreaProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <textarea id={`field-${name}`} name={name} rows={rows} lang={lang} maxLength={maxLength} {...controlAria(name, error, hint)}>
        {value}
      </textarea>
    </Field>
  );
}

/** A checkbox with its label after it. */
export function CheckboxField({ name, label, error, hint, checked }: Common & { checked: boolean }) {
  return (
    <div class={error ? 'field field--check field--error' : 'field field--check'}>
      {error ? (
        <p class="field-error" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      <input id={`field-${name}`} name={name} type="checkbox" value="1" checked={checked} {...controlAria(name, error, hint)} />
      <label for={`field-${name}`}>{label}</label>
      {hint ? (
        <p class="field-hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes (topics, programmes) in a fieldset named by its legend. */
export function CheckboxGroup({
  name,
  legend,
  error,
  options,
  chosen,
}: {
  name: string;
  legend: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
}) {
  return (
    <ChoiceFieldset name={name} legend={legend} error={error} kind="checkbox-group">
      <ul>
        {options.map((o) => (
          <li>
            <input type="checkbox" id={`field-${name}-${o.value}`} name={name} value={o.value} checked={chosen.includes(o.value)} />
            <label for={`field-${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </ChoiceFieldset>
  );
}

/**
 * One language's fields, side by side with the other's on wide screens (the
 * inputs carry the language), with where its text stands (`status`) beside
 * the language's name.
 */
export function LanguageFieldset({ lang, legend, status, children }: { lang: string; legend: string; status?: ComponentChildren; children: ComponentChildren }) {
  return (
    <fieldset class={`language-fieldset language-fieldset--${lang}`} data-lang={lang}>
      <legend>
        {legend}
        {status ? <> {status}</> : null}
      </legend>
      {children}
    </fieldset>
  );
}
