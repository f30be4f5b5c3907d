/** Reading the subscription form: what was typed, kept as typed, and a message by each field that is wrong. */
import { z } from 'zod';
import type { LangCode } from '../../db/schema.js';
import type { Translate } from '../i18n/index.js';
import type { Choices } from './subscriptions.repository.js';

export interface FormValues {
  email: string;
  lang: LangCode;
  events: boolean;
  articles: boolean;
  topics: string[];
  programmes: string[];
  frequency: 'published' | 'weekly';
  day: string;
}

export type FormErrors = Partial<Record<'email' | 'follow' | 'terms' | 'day', string>>;

const emailSchema = z.email();

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function one(value: unknown): string {
  const all = list(value);
  return all[all.length - 1] ?? '';
}

/** The values as the visitor sent them (unknown fields and odd shapes ignored). */
export function formValues(body: unknown, fallbackLang: LangCode): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const lang = one(b.lang);
  return {
    email: one(b.email).trim().slice(0, 320),
    lang: lang === 'en' || lang === 'vi' ? lang : fallbackLang,
    events: one(b.events) === '1',
    articles: one(b.articles) === '1',
    topics: [...new Set(list(b.topic).map((s) => s.slice(0, 200)))],
    programmes: [...new Set(list(b.programme).map((s) => s.slice(0, 200)))],
    frequency: one(b.frequency) === 'weekly' ? 'weekly' : 'published',
    day: one(b.day),
  };
}

/** Checks the values against the known topics and programmes; the choices when all is well. */
export function checkForm(
  values: FormValues,
  known: { topics: ReadonlySet<string>; programmes: ReadonlySet<string> },
  t: Translate,
  needEmail = true,
): { ok: true; email: string; choices: Choices } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (needEmail && !emailSchema.safeParse(values.email).success) errors.email = t('subs.error.email');
  if (!values.events && !values.articles && values.topics.length === 0 && values.programmes.length === 0) errors.follow = t('subs.error.follow');
  if (values.topics.some((s) => !known.topics.has(s)) || values.programmes.some((s) => !known.programmes.has(s))) errors.terms = t('subs.error.unknownTerm');
  const day = /^[0-6]$/.test(values.day) ? Number(values.day) : null;
  if (values.frequency === 'weekly' && day === null) errors.day = t('subs.error.day');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    email: values.email.toLowerCase(),
    choices: {
      lang: values.lang,
      allEvents: values.events,
      allArticles: values.articles,
      topics: values.topics,
      programmes: values.programmes,
      frequency: values.frequency,
      digestDay: values.frequency === 'weekly' ? day : null,
    },
  };
}

/** The form's values for a stored subscription. */
export function valuesOf(email: string, choices: Choices): FormValues {
  return {
    email,
    lang: choices.lang,
    events: choices.allEvents,
    articles: choices.allArticles,
    topics: choices.topics,
    programmes: choices.programmes,
    frequency: choices.frequency,
    day: choices.digestDay === null ? '1' : String(choices.digestDay),
  };
}
