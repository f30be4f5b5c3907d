/**
 * The publishing panel beside an edit form: where the item stands, and one
 * small form per step the signed-in person may take now (each carries the
 * revision the page was loaded at, so a step on a stale page is refused).
 */
import { can } from '../../auth/index.js';
import { CsrfField, type AdminViewContext } from '../../admin/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { isLiveAt, type BaseSnapshot, type Editable } from '../editing.js';
import { workflowState, type WorkflowState } from '../workflow.js';
import { InputField, TextAreaField } from './fields.js';
import { formatInstant } from './format.js';

export type StepName = 'submit' | 'return_to_draft' | 'publish' | 'schedule' | 'unpublish' | 'postpone' | 'cancel' | 'delete';

/** Steps every item has, in the order the panel shows them. */
const PUBLICATION_STEPS: readonly StepName[] = ['submit', 'return_to_draft', 'publish', 'schedule', 'unpublish'];

/**
 * The steps `user` may take on the item now: allowed by their role and
 * applicable to its state (the services check both again).
 */
export function availableSteps(
  user: AdminViewContext['user'],
  item: Editable<BaseSnapshot & { event_status?: string }>,
  now: Date,
  withEventSteps: boolean,
): StepName[] {
  const s = item.snapshot;
  const policy = { createdBy: item.createdBy, status: s.status };
  const live = isLiveAt(s, now);
  const applies: Record<StepName, boolean> = {
    submit: s.status === 'draft' && can(user, 'content.submit', policy),
    return_to_draft: s.status === 'in_review' && can(user, 'content.publish', policy),
    publish: !live && can(user, 'content.publish', policy),
    schedule: !live && can(user, 'content.publish', policy),
    unpublish: s.status === 'published' && can(user, 'content.publish', policy),
    // Cancelling or postponing is news for visitors: offered once the event is published.
    postpone: withEventSteps && s.status === 'published' && s.event_status === 'scheduled' && can(user, 'content.edit', policy),
    cancel: withEventSteps && s.status === 'published' && s.event_status !== 'cancelled' && can(user, 'content.edit', policy),
    delete: can(user, 'content.delete', policy),
  };
  const order: StepName[] = [...PUBLICATION_STEPS, 'postpone', 'cancel', 'delete'];
  return order.filter((step) => applies[step]);
}

const STATE_KEYS: Record<WorkflowState, MessageKey> = {
  draft: 'editing.state.draft',
  in_review: 'editing.state.in_review',
  scheduled: 'editing.state.scheduled',
  published: 'editing.state.published',
};

/** The item's place in the workflow as a small label. */
export function StateTag({ ctx, state }: { ctx: AdminViewContext; state: WorkflowState }) {
  return <span class={`tag tag--${state}`}>{ctx.t(STATE_KEYS[state])}</span>;
}

const STEP_KEYS: Record<StepName, MessageKey> = {
  submit: 'editing.step.submit',
  return_to_draft: 'editing.step.return_to_draft',
  publish: 'editing.step.publish',
  schedule: 'editing.step.schedule',
  unpublish: 'editing.step.unpublish',
  postpone: 'editing.step.postpone',
  cancel: 'editing.step.cancel',
  delete: 'editing.step.delete',
};

const STEP_PATHS: Record<StepName, string> = {
  submit: 'submit',
  return_to_draft: 'return',
  publish: 'publish',
  schedule: 'schedule',
  unpublish: 'unpublish',
  postpone: 'postpone',
  cancel: 'cancel',
  delete: 'delete',
};

/** The last part of a step's address ('return' for returning to draft). */
export function stepPathName(step: StepName): string {
  return STEP_PATHS[step];
}

/** The path a step's form posts to, under the item's own path. */
export function stepPath(basePath: string, step: StepName): string {
  return `${basePath}/${STEP_PATHS[step]}`;
}

/** Steps taken from a page of their own that asks again (and, for an event called off, why): the panel links to it. */
const CONFIRMED_STEPS: ReadonlySet<StepName> = new Set(['unpublish', 'postpone', 'cancel', 'delete']);

/** The label of a step's button or link. */
export function stepLabel(step: StepName): MessageKey {
  return STEP_KEYS[step];
}

interface PanelProps {
  ctx: AdminViewContext;
  /** The item's admin path, e.g. /admin/events/12. */
  basePath: string;
  item: Editable<BaseSnapshot>;
  steps: readonly StepName[];
  now: Date;
  /** The office's zone: scheduling times are typed and shown in it. */
  zone: string;
  /** What was typed in the schedule field and why it was refused, when it was. */
  schedule?: { value: string; error?: string | undefined } | undefined;
}

/** Where the item stands and the forms of the steps that may be taken. */
export function WorkflowPanel({ ctx, basePath, item, steps, now, zone, schedule }: PanelProps) {
  const { t } = ctx;
  const s = item.snapshot;
  const state = workflowState(s.status, s.publish_at, now);
  const revision = <input type="hidden" name="revision" value={String(item.revision)} />;
  return (
    <section class="workflow-panel" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t('editing.workflow.heading')}</h2>
      <p>
        <StateTag ctx={ctx} state={state} />{' '}
        {state === 'scheduled' && s.publish_at
          ? t('editing.workflow.scheduledFor', { when: formatInstant(s.publish_at, zone, ctx.lang), zone })
          : state === 'published' && s.published_at
            ? t('editing.workflow.publishedAt', { when: formatInstant(s.published_at, zone, ctx.lang), zone })
            : null}
      </p>
      {steps.length === 0 ? <p class="muted">{t('editing.workflow.noSteps')}</p> : null}
      <ul class="workflow-steps">
        {steps.map((step) =>
          step === 'schedule' ? (
            <li>
              <form method="post" action={stepPath(basePath, step)} class="schedule-form">
                <CsrfField ctx={ctx} />
                {revision}
                <InputField
                  name="publish_at"
                  type="datetime-local"
                  label={t('editing.workflow.scheduleLabel')}
                  hint={t('editing.workflow.scheduleHint', { zone })}
                  value={schedule?.value ?? ''}
                  error={schedule?.error}
                  required
                />
                <button type="submit" class="button button--secondary">
                  {t(STEP_KEYS[step])}
                </button>
              </form>
            </li>
          ) : step === 'return_to_draft' ? (
            <li>
              <form method="post" action={stepPath(basePath, step)} class="schedule-form">
                <CsrfField ctx={ctx} />
                {revision}
                <TextAreaField name="message" label={t('editing.workflow.returnMessage')} hint={t('editing.workflow.returnMessageHint')} value="" rows={3} maxLength={4000} />
                <button type="submit" class="button button--secondary">
                  {t(STEP_KEYS[step])}
                </button>
              </form>
            </li>
          ) : CONFIRMED_STEPS.has(step) ? (
            <li>
              <a class={step === 'delete' ? 'button button--danger' : 'button button--secondary'} href={stepPath(basePath, step)}>
                {t(STEP_KEYS[step])}
              </a>
            </li>
          ) : step === 'publish' ? (
            // Its button is in the action bar, always in view (it names this form).
            <li hidden>
              <form method="post" action={stepPath(basePath, step)} id="step-publish">
                <CsrfField ctx={ctx} />
                {revision}
              </form>
            </li>
          ) : (
            <li>
              <form method="post" action={stepPath(basePath, step)} class="inline-form">
                <CsrfField ctx={ctx} />
                {revision}
                <button type="submit" class="button button--secondary">
                  {t(STEP_KEYS[step])}
                </button>
              </form>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
