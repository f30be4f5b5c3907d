/**
 * The page a step is confirmed on before it is taken (unpublishing, an
 * event's postponement and cancellation): what will happen, and for a step
 * visitors are told of, why, in each language. It is a plain form, so it
 * works without JavaScript; the panel's button is a link to it.
 */
import { AdminLayout, CsrfField, ErrorSummary, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import type { MessageKey } from '../../i18n/index.js';
import type { BaseSnapshot, Editable } from '../editing.js';
import { InputField } from './fields.js';
import { itemAdminPath, type AnyContentAdmin } from './content-admin.views.js';
import { stepLabel, stepPath, type StepName } from './workflow.views.js';

/** Why a step is taken, as typed in each language. */
export interface StepReasons {
  en: string;
  vi: string;
}

type ConfirmedStep = Extract<StepName, 'unpublish' | 'postpone' | 'cancel'>;

const TITLE_KEYS: Record<ConfirmedStep, MessageKey> = {
  unpublish: 'editing.confirm.title.unpublish',
  postpone: 'editing.confirm.title.postpone',
  cancel: 'editing.confirm.title.cancel',
};

const EXPLAIN_KEYS: Record<ConfirmedStep, MessageKey> = {
  unpublish: 'editing.confirm.explain.unpublish',
  postpone: 'editing.confirm.explain.postpone',
  cancel: 'editing.confirm.explain.cancel',
};

export interface ConfirmStepProps {
  kind: AnyContentAdmin;
  ctx: AdminViewContext;
  item: Editable<BaseSnapshot>;
  step: StepName;
  asksReasons: boolean;
  typed: StepReasons;
  errors: FieldErrors;
  /** The reason fields' labels, for the error summary. */
  labels: Record<string, string>;
}

/** "Cancel this event?" with what it does, the reasons asked for, and the button that takes the step. */
export function ConfirmStepPage({ kind, ctx, item, step, asksReasons, typed, errors, labels }: ConfirmStepProps) {
  const { t } = ctx;
  const confirmed = step as ConfirmedStep;
  const title = t(TITLE_KEYS[confirmed], { title: item.snapshot.en.title });
  const editHref = itemAdminPath(kind, item.id);
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={editHref}>{t('editing.preview.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <p class="confirm-explanation">{t(EXPLAIN_KEYS[confirmed])}</p>
      <form method="post" action={stepPath(editHref, step)} class="confirm-form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(item.revision)} />
        <input type="hidden" name="confirmed" value="yes" />
        {asksReasons ? (
          <>
            <InputField
              name="reason_en"
              label={labels.reason_en ?? ''}
              hint={t(step === 'postpone' ? 'editing.confirm.reasonHint.postpone' : 'editing.confirm.reasonHint.cancel')}
              value={typed.en}
              error={errors.reason_en}
              lang="en"
              required
              maxLength={300}
            />
            <InputField
              name="reason_vi"
              label={labels.reason_vi ?? ''}
              hint={t('editing.confirm.reasonViHint')}
              value={typed.vi}
              error={errors.reason_vi}
              lang="vi"
              maxLength={300}
            />
          </>
        ) : null}
        <div class="form-actions">
          <button type="submit" class={step === 'unpublish' ? 'button' : 'button button--danger'}>
            {t(stepLabel(step))}
          </button>
          <a href={editHref}>{t('editing.confirm.back')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
