/**
 * Pieces of the edit pages events and articles share: the message after a
 * step, the links beside the form, and the top of the conflict page.
 */
import type { ComponentChildren } from 'preact';
import { Notice, type AdminViewContext } from '../../admin/index.js';
import type { MessageKey, TranslationStatusReport } from '../../i18n/index.js';
import { ConflictComparison } from './conflict.views.js';
import { fieldLabel, formatInstant } from './format.js';

/** A message shown after a step, named in the address it redirects to (`?done=published`). */
export const DONE_KEYS = {
  created: 'editing.done.created',
  saved: 'editing.done.saved',
  unchanged: 'editing.done.unchanged',
  submitted: 'editing.done.submitted',
  returned: 'editing.done.returned',
  published: 'editing.done.published',
  scheduled: 'editing.done.scheduled',
  unpublished: 'editing.done.unpublished',
  postponed: 'editing.done.postponed',
  cancelled: 'editing.done.cancelled',
  rescheduled: 'editing.done.rescheduled',
  restored: 'editing.done.restored',
  deleted: 'editing.done.deleted',
  discarded: 'editing.done.discarded',
} as const satisfies Record<string, MessageKey>;
export type Done = keyof typeof DONE_KEYS;

export function DoneNotice({ ctx, done }: { ctx: AdminViewContext; done: Done | undefined }) {
  return done ? <Notice>{ctx.t(DONE_KEYS[done])}</Notice> : null;
}

/** The message named in `?done=` after a redirect, when it is one of ours. */
export function doneOf(query: unknown): Done | undefined {
  const done = (query as Record<string, unknown> | undefined)?.done;
  return typeof done === 'string' && Object.hasOwn(DONE_KEYS, done) ? (done as Done) : undefined;
}

export interface ConflictInfo {
  stored: object;
  yours: object;
  fieldOrder: readonly string[];
  savedBy: string;
  savedAt: string;
}

/** The heading, the explanation and both versions side by side, above the second person's form. */
export function ConflictIntro({ ctx, conflict, zone }: { ctx: AdminViewContext; conflict: ConflictInfo; zone: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('editing.conflict.title')}</h1>
      <div class="notice notice--warning" role="alert">
        <p>{t('editing.conflict.explanation', { name: conflict.savedBy, when: formatInstant(conflict.savedAt, zone, ctx.lang) })}</p>
        <p>{t('editing.conflict.whatNow')}</p>
      </div>
      <ConflictComparison ctx={ctx} stored={conflict.stored} yours={conflict.yours} fieldOrder={conflict.fieldOrder} />
      <h2>{t('editing.conflict.yourVersion')}</h2>
    </>
  );
}

/** Preview in each language, the history, and the public page once live. */
export function ItemLinks({ ctx, basePath, publicLinks }: { ctx: AdminViewContext; basePath: string; publicLinks?: { en: string; vi: string } | undefined }) {
  const { t } = ctx;
  const links: ComponentChildren[] = [
    <a href={`${basePath}/preview?lang=en`}>{t('editing.links.previewEn')}</a>,
    <a href={`${basePath}/preview?lang=vi`}>{t('editing.links.previewVi')}</a>,
    <a href={`${basePath}/history`}>{t('editing.links.history')}</a>,
  ];
  if (publicLinks) {
    links.push(<a href={publicLinks.en}>{t('editing.links.publicEn')}</a>, <a href={publicLinks.vi}>{t('editing.links.publicVi')}</a>);
  }
  return (
    <ul class="item-links">
      {links.map((link) => (
        <li>{link}</li>
      ))}
    </ul>
  );
}


const TRANSLATION_STATE_KEYS = {
  missing: 'editing.translation.missing',
  untracked: 'editing.translation.untracked',
  outdated: 'editing.translation.outdated',
  current: 'editing.translation.current',
} as const satisfies Record<TranslationStatusReport['state'], MessageKey>;

/** Whether the Vietnamese text still matches the English, and what changed in the English since. */
export function TranslationState({ ctx, report }: { ctx: AdminViewContext; report: TranslationStatusReport }) {
  const { t } = ctx;
  return (
    <div class={`translation-state translation-state--${report.state}`}>
      <p>{t(TRANSLATION_STATE_KEYS[report.state])}</p>
      {report.changes.length > 0 ? (
        <details>
          <summary>{t('editing.translation.changesSince')}</summary>
          <ul>
            {report.changes.map((c) => (
              <li>
                <strong>{fieldLabel(ctx, `en.${c.field}`)}</strong>:{' '}
                <span lang="en">
                  {c.diff.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

