/**
 * Small pieces shared by admin forms: the CSRF field, labelled fields with
 * their message, the error summary, notices.
 */
import type { ComponentChildren } from 'preact';
import type { MessageKey, Translate } from '../i18n/index.js';
import type { AdminViewContext } from './view-context.js';

/** Display messages per field name, already translated. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Translates a ValidationError's `fields` (field name → message key) for
 * display. A value that is not a known key is shown as it is.
 */
export function translateFieldErrors(t: Translate, fields: Readonly<Record<string, string>>): FieldErrors {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(fields)) {
    const text = t(key as MessageKey);
    out[name] = text === undefined ? key : text;
  }
  return out;
}

/** The hidden `_csrf` field every admin form must contain. */
export function CsrfField({ ctx }: { ctx: Pick<AdminViewContext, 'csrfToken'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/**
 * A list of the form's problems at its top, each linking to its field, in
 * the order of `labels` (the form's order) when given.
 */
export function ErrorSummary({ ctx, errors, labels }: { ctx: AdminViewContext; errors: FieldErrors; labels?: Record<string, string> }) {
  const order = labels ? Object.keys(labels) : [];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('admin.form.errorSummary')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#field-${name}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /** The stem of the ids (`field-…`, `hint-…`) when the same field is in several forms on one page; the name by default. */
  id?: string | undefined;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}

/** A field's hint and its message, when it has them, with the ids its control points at. */
function FieldNotes({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p class="field-hint" id={`hint-${id}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`error-${id}`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint, the message when there is one, then the control. */
export function Field({ name, id = name, label, error, hint, children }: FieldProps) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`field-${id}`}>{label}</label>
      <FieldNotes id={id} error={error} hint={hint} />
      {children}
    </div>
  );
}

/** The `aria-describedby` of a field's control: its hint and its message, when it has them. */
export function describedBy(name: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface ChoiceFieldsetProps {
  name: string;
  legend: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** The class naming the kind of choice ('radio-group', 'media-picker'…). */
  kind: string;
  children: ComponentChildren;
}

/**
 * A field made of several controls (radio buttons, checkboxes): a fieldset
 * named by its legend, with the hint and the message, then the controls.
 */
export function ChoiceFieldset({ name, legend, error, hint, kind, children }: ChoiceFieldsetProps) {
  return (
    <fieldset class={`field ${kind}${error ? ' field--error' : ''}`} id={`field-${name}`} aria-describedby={describedBy(name, error, hint)}>
      <legend>{legend}</legend>
      <FieldNotes id={name} error={error} hint={hint} />
      {children}
    </fieldset>
  );
}

/**
 * The attributes that tie a form control to its hint and message (ids from
 * `Field`), and mark it as refused when it has a message.
 */
export function controlAria(id: string, error?: string, hint?: string) {
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy(id, error, hint) };
}

interface TextInputProps {
  name: string;
  /** The stem of the ids when the same field is in several forms on one page; the name by default. */
  id?: string | undefined;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date' | 'time' | 'datetime-local';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  autofocus?: boolean;
  /** The id of a datalist of suggestions. */
  list?: string;
  /** The language of the value, for screen readers and spelling (the Vietnamese fields say vi). */
  lang?: string | undefined;
}

/** A labelled single-line input. Password inputs never carry a value back. */
export function TextInput({ name, id = name, label, value, error, hint, type = 'text', autocomplete, required, maxLength, autofocus, list, lang }: TextInputProps) {
  return (
    <Field name={name} id={id} label={label} error={error} hint={hint}>
      <input
        id={`field-${id}`}
        name={name}
        type={type}
        value={type === 'password' ? undefined : (value ?? '')}
        lang={lang}
        autoComplete={autocomplete}
        required={required}
        maxLength={maxLength}
        list={list}
        autoFocus={autofocus}
        {...controlAria(id, error, hint)}
      />
    </Field>
  );
}

interface SelectProps {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled drop-down. */
export function Select({ name, label, value, options, error, hint }: SelectProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <select id={`field-${name}`} name={name} {...controlAria(name, error, hint)}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A message after an action ("Password changed") or a warning. */
export function Notice({ kind = 'success', children }: { kind?: 'success' | 'warning' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

interface RadioGroupProps {
  name: string;
  legend: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled group of radio buttons (one choice among a few, all visible). */
export function RadioGroup({ name, legend, value, options, error, hint }: RadioGroupProps) {
  return (
    <ChoiceFieldset name={name} legend={legend} error={error} hint={hint} kind="radio-group">
      {options.map((option) => (
        <label class="radio">
          <input type="radio" name={name} value={option.value} checked={option.value === value} />
          <span>{option.label}</span>
        </label>
      ))}
    </ChoiceFieldset>
  );
}

interface DataTableProps {
  /** The class naming the kind of table ('audit-table'…). */
  kind?: string;
  /** Said to screen readers before the table. */
  caption?: string;
  /** The column headings; a column shown only sometimes has null when it is not. */
  headings: readonly ComponentChildren[];
  /** The rows. */
  children: ComponentChildren;
}

/** Column headings, then the rows: the admin's tables of records. */
export function DataTable({ kind, caption, headings, children }: DataTableProps) {
  return (
    <div class="table-wrap">
      <table class={kind ? `data-table ${kind}` : 'data-table'}>
        {caption ? <caption class="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {headings
              .filter((heading) => heading !== null)
              .map((heading) => (
                <th scope="col">{heading}</th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
