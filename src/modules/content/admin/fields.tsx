/**
 * Form controls of the editing forms, built on the admin's `Field` so that
 * every control has its label, hint and message in the same places, with
 * `aria-describedby` pointing at the hint and the message and
 * `aria-invalid` set when the value was refused.
 */
import type { ComponentChildren } from 'preact';
import { Field } from '../../admin/index.js';

function describedBy(name: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface Common {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** The language of the value, for screen readers and spelling (the Vietnamese fields say vi). */
  lang?: string | undefined;
}

interface InputProps extends Common {
  value: string;
  type?: 'text' | 'url' | 'email' | 'date' | 'time' | 'datetime-local';
  required?: boolean;
  maxLength?: number;
  list?: string;
  autocomplete?: string;
}

/** A labelled one-line input of any of the types the forms use. */
export function InputField({ name, label, error, hint, lang, value, type = 'text', required, maxLength, list, autocomplete }: InputProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={value}
        lang={lang}
        required={required}
        maxLength={maxLength}
        list={list}
        autoComplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
      />
    </Field>
  );
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
      <textarea
        id={`field-${name}`}
        name={name}
        rows={rows}
        lang={lang}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
      >
        {value}
      </textarea>
    </Field>
  );
}

interface SelectProps extends Common {
  value: string;
  options: readonly { value: string; label: string }[];
}

/** A labelled drop-down. */
export function SelectField({ name, label, error, hint, value, options }: SelectProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <select id={`field-${name}`} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, error, hint)}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
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
      <input
        id={`field-${name}`}
        name={name}
        type="checkbox"
        value="1"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
      />
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
    <fieldset class={error ? 'field checkbox-group field--error' : 'field checkbox-group'} id={`field-${name}`} aria-describedby={error ? `error-${name}` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p class="field-error" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      <ul>
        {options.map((o) => (
          <li>
            <input type="checkbox" id={`field-${name}-${o.value}`} name={name} value={o.value} checked={chosen.includes(o.value)} />
            <label for={`field-${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** One language's fields, side by side with the other's on wide screens (the inputs carry the language). */
export function LanguageFieldset({ lang, legend, children }: { lang: string; legend: string; children: ComponentChildren }) {
  return (
    <fieldset class={`language-fieldset language-fieldset--${lang}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
