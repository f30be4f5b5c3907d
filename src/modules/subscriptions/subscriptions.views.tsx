/** The form to follow the office by email, and the pages its links lead to. */
import type { ComponentChildren } from 'preact';
import { Layout } from '../../shared/views/Layout.js';
import { ShellCache, fillShell, hole } from '../../shared/views/shell.js';
import type { ViewContext } from '../../shared/views/view-context.js';
import type { TermRow } from '../taxonomy/index.js';
import type { FormErrors, FormValues } from './subscriptions.form.js';

/** What a form shown on a listing or a topic's page follows, unless the visitor chooses more on the full page. */
export type FollowPreset = { kind: 'events' } | { kind: 'articles' } | { kind: 'everything' } | { kind: 'topic'; slug: string } | { kind: 'programme'; slug: string };

export function subscribePath(lang: string): string {
  return `/${lang}/subscribe`;
}

const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} class="field-error">
      {message}
    </p>
  ) : null;
}

/** Email, language, and how often: the fields every form shares. */
function CommonFields({ ctx, values, errors, idPrefix, withEmail = true }: { ctx: ViewContext; values: FormValues; errors: FormErrors; idPrefix: string; withEmail?: boolean }) {
  const { t } = ctx;
  return (
    <>
      {withEmail ? (
        <div class={errors.email ? 'field field--invalid' : 'field'}>
          <label for={`${idPrefix}-email`}>{t('subs.form.email')}</label>
          <input
            id={`${idPrefix}-email`}
            type="email"
            name="email"
            autocomplete="email"
            required
            value={values.email}
            aria-invalid={errors.email ? 'true' : undefined}
            aria-describedby={errors.email ? `${idPrefix}-email-error` : undefined}
          />
          <FieldError id={`${idPrefix}-email-error`} message={errors.email} />
        </div>
      ) : null}
      <div class="field">
        <label for={`${idPrefix}-lang`}>{t('subs.form.lang')}</label>
        <select id={`${idPrefix}-lang`} name="lang">
          {(['en', 'vi'] as const).map((lang) => (
            <option value={lang} selected={values.lang === lang} lang={lang}>
              {ctx.languageNames[lang]}
            </option>
          ))}
        </select>
      </div>
      <fieldset class={errors.day ? 'field field--invalid' : 'field'}>
        <legend>{t('subs.form.frequency')}</legend>
        <label>
          <input type="radio" name="frequency" value="published" checked={values.frequency !== 'weekly'} /> {t('subs.form.asPublished')}
        </label>
        <label>
          <input type="radio" name="frequency" value="weekly" checked={values.frequency === 'weekly'} /> {t('subs.form.weekly')}
        </label>
        <label for={`${idPrefix}-day`}>{t('subs.form.day')}</label>
        <select id={`${idPrefix}-day`} name="day" aria-invalid={errors.day ? 'true' : undefined} aria-describedby={errors.day ? `${idPrefix}-day-error` : undefined}>
          {DAYS.map((day) => (
            <option value={String(day)} selected={values.day === String(day)}>
              {t(`subs.day.${day}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-day-error`} message={errors.day} />
      </fieldset>
    </>
  );
}

// The short form is the same on every page of a language that follows the same kind: rendered once for each.
const shortForms = new ShellCache<ViewContext['t']>();

/** The short form on the listings, topic and programme pages and the home page: it follows what the page shows. */
export function SubscribeByEmail({ ctx, follow }: { ctx: ViewContext; follow: FollowPreset }) {
  const slug = follow.kind === 'topic' || follow.kind === 'programme' ? follow.slug : undefined;
  if (slug === '') return <ShortForm ctx={ctx} follow={follow} />;
  const key = `${ctx.lang}\u0000${follow.kind}\u0000${ctx.languageNames.en}\u0000${ctx.languageNames.vi}`;
  const shell = shortForms.get(ctx.t, key, () => <ShortForm ctx={ctx} follow={slug === undefined ? follow : ({ kind: follow.kind, slug: hole(0) } as FollowPreset)} />);
  return fillShell(shell, [slug]);
}

function ShortForm({ ctx, follow }: { ctx: ViewContext; follow: FollowPreset }) {
  const { t } = ctx;
  const id = `subscribe-${follow.kind}`;
  // A legend rather than a heading: the form sits among the page's own sections without changing their outline.
  return (
    <form class="subscribe-by-email" method="post" action={subscribePath(ctx.lang)}>
      <fieldset>
        <legend>{t('subs.form.title')}</legend>
        {follow.kind === 'events' || follow.kind === 'everything' ? <input type="hidden" name="events" value="1" /> : null}
        {follow.kind === 'articles' || follow.kind === 'everything' ? <input type="hidden" name="articles" value="1" /> : null}
        {follow.kind === 'topic' ? <input type="hidden" name="topic" value={follow.slug} /> : null}
        {follow.kind === 'programme' ? <input type="hidden" name="programme" value={follow.slug} /> : null}
        <CommonFields ctx={ctx} values={{ email: '', lang: ctx.lang, events: false, articles: false, topics: [], programmes: [], frequency: 'published', day: '1' }} errors={{}} idPrefix={id} />
        <button type="submit">{t('subs.form.submit')}</button>
        <a class="subscribe-by-email__more" href={subscribePath(ctx.lang)}>
          {t('subs.form.more')}
        </a>
      </fieldset>
    </form>
  );
}

export interface TermOptions {
  topics: TermRow[];
  programmes: TermRow[];
}

/** What to follow: all events, all articles, and each topic and programme. */
function FollowFields({ ctx, values, errors, terms, idPrefix }: { ctx: ViewContext; values: FormValues; errors: FormErrors; terms: TermOptions; idPrefix: string }) {
  const { t } = ctx;
  const error = errors.follow ?? errors.terms;
  return (
    <fieldset id={`${idPrefix}-follow`} class={error ? 'field field--invalid' : 'field'} aria-describedby={error ? `${idPrefix}-follow-error` : undefined}>
      <legend>{t('subs.form.follow')}</legend>
      <FieldError id={`${idPrefix}-follow-error`} message={error} />
      <label>
        <input type="checkbox" name="events" value="1" checked={values.events} /> {t('subs.form.allEvents')}
      </label>
      <label>
        <input type="checkbox" name="articles" value="1" checked={values.articles} /> {t('subs.form.allArticles')}
      </label>
      {(['topic', 'programme'] as const).map((kind) => {
        const rows = kind === 'topic' ? terms.topics : terms.programmes;
        const chosen = kind === 'topic' ? values.topics : values.programmes;
        if (rows.length === 0) return null;
        return (
          <fieldset>
            <legend>{t(kind === 'topic' ? 'subs.form.topics' : 'subs.form.programmes')}</legend>
            {rows.map((row) => (
              <label>
                <input type="checkbox" name={kind} value={row.slug} checked={chosen.includes(row.slug)} /> <span lang={row.text_lang === ctx.lang ? undefined : row.text_lang}>{row.name}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** The form's problems at its top, in the form's order, each linking to its field (the same summary as the admin's forms). */
function ErrorSummary({ ctx, errors, idPrefix }: { ctx: ViewContext; errors: FormErrors; idPrefix: string }) {
  const entries: [string, string | undefined][] = [
    ['email', errors.email],
    ['day', errors.day],
    ['follow', errors.follow ?? errors.terms],
  ];
  const shown = entries.filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (shown.length === 0) return null;
  const titleId = `${idPrefix}-errors-title`;
  return (
    <div class="error-summary form-errors" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId}>{ctx.t('subs.error.title')}</h2>
      <p>{ctx.t('subs.error.summary')}</p>
      <ul>
        {shown.map(([field, message]) => (
          <li>
            <a href={`#${idPrefix}-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The full form, alone on its page or under a message (a link that could not be used, bad input). */
export function SubscribePage({ ctx, values, errors, terms, notice }: { ctx: ViewContext; values: FormValues; errors: FormErrors; terms: TermOptions; notice?: { title: string; body: string } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={notice?.title ?? t('subs.form.title')} noindex={notice !== undefined}>
      <h1>{notice?.title ?? t('subs.form.title')}</h1>
      {notice ? <p class="lead">{notice.body}</p> : <p class="lead">{t('subs.form.intro')}</p>}
      {notice ? <h2>{t('subs.form.title')}</h2> : null}
      <ErrorSummary ctx={ctx} errors={errors} idPrefix="subscribe" />
      <form method="post" action={subscribePath(ctx.lang)} class="subscribe-form" novalidate>
        <CommonFields ctx={ctx} values={values} errors={errors} idPrefix="subscribe" />
        <FollowFields ctx={ctx} values={values} errors={errors} terms={terms} idPrefix="subscribe" />
        <button type="submit">{t('subs.form.submit')}</button>
      </form>
    </Layout>
  );
}

/** A page that only says something (the confirmation sent, the subscription stopped). */
export function MessagePage({ ctx, title, body, children }: { ctx: ViewContext; title: string; body: string; children?: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      <p class="lead">{body}</p>
      {children}
    </Layout>
  );
}

/** The page a message's link leads to: change what one follows, or stop. The token is the only key. */
export function ManagePage({ ctx, email, token, values, errors, terms, saved }: { ctx: ViewContext; email: string; token: string; values: FormValues; errors: FormErrors; terms: TermOptions; saved?: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('subs.manage.title')} noindex>
      <h1>{t('subs.manage.title')}</h1>
      <p class="lead">{t('subs.manage.intro', { email })}</p>
      {saved ? (
        <p class="notice" role="status">
          {t('subs.manage.saved')}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} idPrefix="manage" />
      <form method="post" action={`/${ctx.lang}/subscription`} class="subscribe-form" novalidate>
        <input type="hidden" name="token" value={token} />
        <CommonFields ctx={ctx} values={values} errors={errors} idPrefix="manage" withEmail={false} />
        <FollowFields ctx={ctx} values={values} errors={errors} terms={terms} idPrefix="manage" />
        <button type="submit">{t('subs.manage.save')}</button>
      </form>
      <UnsubscribeForm ctx={ctx} token={token} />
    </Layout>
  );
}

export function UnsubscribeForm({ ctx, token }: { ctx: ViewContext; token: string }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/${ctx.lang}/subscription/unsubscribe?token=${encodeURIComponent(token)}`} class="unsubscribe-form">
      <p>{t('subs.manage.stopIntro')}</p>
      <button type="submit">{t('subs.manage.stop')}</button>
    </form>
  );
}
