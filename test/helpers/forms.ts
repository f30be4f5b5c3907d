/**
 * Reads a form off a page as a browser would send it: text inputs, hidden
 * fields, text areas, the chosen option of each select, ticked checkboxes.
 * Lets a test load an edit page, change one field and post the rest as it was.
 */
import type { HTMLElement } from 'node-html-parser';
import { html } from './html.js';

export type FormFields = Record<string, string | string[]>;

function add(fields: FormFields, name: string, value: string): void {
  const before = fields[name];
  if (before === undefined) fields[name] = value;
  else fields[name] = Array.isArray(before) ? [...before, value] : [before, value];
}

/** The fields of the first form matching `selector` on the page. */
export function formFields(body: string, selector = 'form'): FormFields {
  const form = html(body).querySelector(selector);
  if (!form) throw new Error(`no form matches ${selector}`);
  return fieldsOf(form);
}

export function fieldsOf(form: HTMLElement): FormFields {
  const fields: FormFields = {};
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'textarea') add(fields, name, el.textContent);
    else if (tag === 'select') {
      const chosen = el.querySelectorAll('option').find((o) => o.hasAttribute('selected')) ?? el.querySelector('option');
      if (chosen) add(fields, name, chosen.getAttribute('value') ?? chosen.textContent);
    } else {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
      if (type === 'submit' || type === 'button') continue;
      add(fields, name, el.getAttribute('value') ?? (type === 'checkbox' ? 'on' : ''));
    }
  }
  return fields;
}

/**
 * What the new-event form sends for a valid all-day workshop on 3 and 4
 * December 2026, with `fields` added or changed.
 */
export function newEventFields(fields?: Record<string, string>): Record<string, string>;
export function newEventFields(fields: FormFields): FormFields;
export function newEventFields(fields: FormFields = {}): FormFields {
  return {
    en_title: 'Tripartite workshop in Đắk Lắk',
    en_description: 'Employers, workers and government meet.',
    event_type: 'workshop',
    attendance_mode: 'in_person',
    all_day: '1',
    start_date: '2026-12-03',
    end_date: '2026-12-04',
    time_zone: '',
    ...fields,
  };
}

/**
 * What the new-article form sends for a valid article of 20 November 2026
 * with a photo credit and a byline, with `fields` added or changed.
 */
export function newArticleFields(fields: FormFields = {}): FormFields {
  return {
    en_title: 'Coffee farms of Đắk Lắk',
    en_summary: 'Decent work on the plateau.',
    en_body: 'Harvest time.\n\n**Workers** speak about *safety*.',
    published_on: '2026-11-20',
    credit_holder: 'ILO',
    credit_photographer: 'Nguyen Hai Dat',
    credit_year: '2024',
    byline_kind: 'by',
    byline_name: 'Lan Nguyen',
    ...fields,
  };
}

/** A form validation's verdict as a table of cases states it: accepted, or the message of each field refused. */
export function verdictOf(result: { ok: true } | { ok: false; errors: Readonly<Record<string, string | undefined>> }): 'accepted' | Readonly<Record<string, string | undefined>> {
  return result.ok ? 'accepted' : result.errors;
}

/**
 * A validated form's input as the editing service stores it and hands it to
 * the edit form again: with its slug, the Vietnamese text's slug and status,
 * and no "checked against the English" (which is not stored).
 */
export function asStored<I extends { vi_current: boolean; vi: object | null }, S extends string>(input: I, slug: string, vi: { slug: string; status: S }) {
  const { vi_current: _current, ...content } = input;
  void _current;
  return { ...content, slug, vi: input.vi && { ...input.vi, ...vi } };
}

/**
 * What the new-event form sends for a webinar on Tuesday 16 March 2027 from
 * 14:00 to 15:30 in Geneva (the zone typed, not the office's), with `fields`
 * added or changed: the first session of the recurring event tests.
 */
export function genevaWebinarFields(fields: Record<string, string> = {}): Record<string, string> {
  return newEventFields({ all_day: '', start_date: '2027-03-16', end_date: '', start_time: '14:00', end_time: '15:30', time_zone: 'Europe/Zurich', ...fields });
}
