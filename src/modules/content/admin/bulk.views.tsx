/**
 * Changing many items of a list at once: the bar under the list (what to do,
 * and the topic to add), the page that names every item chosen before
 * anything changes, and the page that says what was done and what was
 * refused, item by item.
 */
import { AdminLayout, CsrfField, Notice, type AdminViewContext } from '../../admin/index.js';
import type { MessageKey } from '../../i18n/index.js';
import type { TermRow } from '../../taxonomy/index.js';
import { SelectField } from './fields.js';

/** What can be done to many items at once, in the order offered. */
export const BULK_ACTIONS = ['publish', 'unpublish', 'add_topic'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const ACTION_KEYS: Record<BulkAction, MessageKey> = {
  publish: 'editing.bulk.publish',
  unpublish: 'editing.bulk.unpublish',
  add_topic: 'editing.bulk.addTopic',
};

/** What was chosen on the list, as typed (an action or topic may be unknown). */
export interface BulkChoice {
  ids: number[];
  action: string;
  topic: string;
}

/** The bar of the list's form: the action, the topic it adds, and the button that leads to the confirmation. */
export function BulkBar({ ctx, choice, topics, problem }: { ctx: AdminViewContext; choice: BulkChoice; topics: readonly TermRow[]; problem?: string | undefined }) {
  const { t } = ctx;
  return (
    <fieldset class="bulk-bar">
      <legend>{t('editing.bulk.legend')}</legend>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <SelectField
        name="action"
        label={t('editing.bulk.action')}
        value={choice.action}
        options={[{ value: '', label: t('editing.bulk.choose') }, ...BULK_ACTIONS.map((a) => ({ value: a, label: t(ACTION_KEYS[a]) }))]}
      />
      <SelectField
        name="topic"
        label={t('editing.bulk.topic')}
        hint={t('editing.bulk.topicHint')}
        value={choice.topic}
        options={[{ value: '', label: t('editing.bulk.choose') }, ...topics.map((x) => ({ value: String(x.id), label: x.name }))]}
      />
      <p>
        <button type="submit" class="button">
          {t('editing.bulk.review')}
        </button>
      </p>
    </fieldset>
  );
}

export interface BulkConfirmProps {
  ctx: AdminViewContext;
  title: string;
  action: string;
  listHref: string;
  choice: { ids: number[]; action: BulkAction; topic: string };
  /** The topic's name, when one is added. */
  topicName?: string | undefined;
  items: readonly { id: number; title: string }[];
}

/** Every item chosen, named, and what will be done to them; nothing changes until the button. */
export function BulkConfirmPage({ ctx, title, action, listHref, choice, topicName, items }: BulkConfirmProps) {
  const { t } = ctx;
  const actionName = t(ACTION_KEYS[choice.action]);
  const heading = items.length === 1 ? t('editing.bulk.confirmTitleOne', { action: actionName }) : t('editing.bulk.confirmTitle', { action: actionName, count: items.length });
  return (
    <AdminLayout ctx={ctx} title={`${heading} — ${title}`}>
      <h1>{heading}</h1>
      {topicName ? <p>{t('editing.bulk.topicChosen', { topic: topicName })}</p> : null}
      <ul class="bulk-items">
        {items.map((item) => (
          <li>{item.title}</li>
        ))}
      </ul>
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        {choice.ids.map((id) => (
          <input type="hidden" name="ids" value={String(id)} />
        ))}
        <input type="hidden" name="action" value={choice.action} />
        <input type="hidden" name="topic" value={choice.topic} />
        <input type="hidden" name="confirmed" value="yes" />
        <p>
          <button type="submit" class="button">
            {t('editing.bulk.confirm')}
          </button>{' '}
          <a href={listHref}>{t('editing.bulk.cancel')}</a>
        </p>
      </form>
    </AdminLayout>
  );
}

/** After the change: the items changed, and those refused with why. */
export function BulkDonePage({
  ctx,
  title,
  listHref,
  changed,
  refused,
}: {
  ctx: AdminViewContext;
  title: string;
  listHref: string;
  changed: readonly string[];
  refused: readonly { title: string; reason: string }[];
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={`${t('editing.bulk.doneTitle')} — ${title}`}>
      <h1>{t('editing.bulk.doneTitle')}</h1>
      <Notice kind={refused.length > 0 ? 'warning' : 'success'}>{t('editing.bulk.doneSummary', { changed: changed.length, refused: refused.length })}</Notice>
      {changed.length > 0 ? (
        <section aria-labelledby="bulk-changed">
          <h2 id="bulk-changed">{t('editing.bulk.changed')}</h2>
          <ul>
            {changed.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {refused.length > 0 ? (
        <section aria-labelledby="bulk-refused">
          <h2 id="bulk-refused">{t('editing.bulk.refused')}</h2>
          <ul>
            {refused.map((x) => (
              <li>
                {x.title}: {x.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={listHref}>{t('editing.bulk.backToList')}</a>
      </p>
    </AdminLayout>
  );
}
