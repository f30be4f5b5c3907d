/**
 * The event form's "Repeats" fieldset: how the event repeats in plain fields
 * (recurrence-fields.ts), its skipped dates, and the "Show sessions" button
 * that brings the form back unsaved with the sessions it makes. Every field
 * is on the page and works without JavaScript; recurrence-form.js hides the
 * ones that do not apply to the choice made.
 */
import { ChoiceFieldset, RadioGroup, type AdminViewContext, type FieldErrors } from '../../admin/index.js';
import { InputField, SelectField, TextAreaField } from '../../content/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { formatDate } from '../../../shared/dates/format.js';
import { MONTH_ORDINALS, WEEKDAY_CODES } from '../../../shared/dates/recurrence.js';
import { scriptUrl } from '../../../shared/http/assets.js';
import { repeatChoiceOf, ruleOfForm, sessionPreview, weekdayField, type RecurrenceFormValues, type SessionPreview } from '../recurrence-fields.js';

interface RecurrenceFieldsProps {
  ctx: AdminViewContext;
  values: RecurrenceFormValues & { start_date: string; start_time: string; all_day: string };
  errors: FieldErrors;
  /** The sessions page of a stored recurring event, when there is one. */
  sessionsHref?: string | undefined;
}

/** The parts shown for each choice (by recurrence-form.js; all are shown without it). */
const PART = { repeating: 'weekly monthly', weekly: 'weekly', monthly: 'monthly', rule: 'rule', skipped: 'weekly monthly rule' } as const;

export function RecurrenceFields({ ctx, values, errors, sessionsHref }: RecurrenceFieldsProps) {
  const { t } = ctx;
  const e = (name: string) => errors[name];
  const choice = repeatChoiceOf(values) ?? 'none';
  const offered = choice === 'rule' ? (['none', 'weekly', 'monthly', 'rule'] as const) : (['none', 'weekly', 'monthly'] as const);
  const dayName = (d: string) => t(`editing.repeat.day.${d}` as MessageKey);
  return (
    <fieldset class="form-section recurrence-fields" data-recurrence>
      <legend>{t('editing.form.recurrence')}</legend>
      <SelectField
        name="repeat"
        label={t('editing.field.repeat')}
        hint={t('editing.hint.repeat')}
        value={choice}
        error={e('repeat')}
        options={offered.map((x) => ({ value: x, label: t(`editing.repeat.${x}` as MessageKey) }))}
      />
      {choice === 'rule' ? (
        <div data-repeat-part={PART.rule}>
          <InputField name="recurrence_rule" label={t('editing.field.recurrence_rule')} hint={t('editing.hint.recurrenceRule')} value={values.recurrence_rule} error={e('recurrence_rule')} />
        </div>
      ) : null}
      <div data-repeat-part={PART.repeating}>
        <InputField name="repeat_interval" label={t('editing.field.repeat_interval')} hint={t('editing.hint.repeatInterval')} value={values.repeat_interval} error={e('repeat_interval')} maxLength={4} />
      </div>
      <div data-repeat-part={PART.weekly}>
        <ChoiceFieldset name="repeat_weekdays" legend={t('editing.field.repeat_weekdays')} hint={t('editing.hint.repeatWeekdays')} error={e('repeat_weekdays')} kind="checkbox-group weekday-choice">
          <ul>
            {WEEKDAY_CODES.map((d) => (
              <li>
                <input type="checkbox" id={`field-${weekdayField(d)}`} name={weekdayField(d)} value="1" checked={values[weekdayField(d)] !== ''} />
                <label for={`field-${weekdayField(d)}`}>{dayName(d)}</label>
              </li>
            ))}
          </ul>
        </ChoiceFieldset>
      </div>
      <div data-repeat-part={PART.monthly}>
        <RadioGroup
          name="repeat_monthly"
          legend={t('editing.field.repeat_monthly')}
          value={values.repeat_monthly || 'day'}
          error={e('repeat_monthly')}
          options={[
            { value: 'day', label: t('editing.repeat.byDay') },
            { value: 'weekday', label: t('editing.repeat.byWeekday') },
          ]}
        />
        <div data-monthly-part="day">
          <InputField name="repeat_month_day" label={t('editing.field.repeat_month_day')} hint={t('editing.hint.repeatMonthDay')} value={values.repeat_month_day} error={e('repeat_month_day')} maxLength={2} />
        </div>
        {/* A wrapper of its own: the row's display would outdo the hidden attribute. */}
        <div data-monthly-part="weekday">
          <div class="field-row">
            <SelectField
              name="repeat_ordinal"
              label={t('editing.field.repeat_ordinal')}
              value={values.repeat_ordinal}
              error={e('repeat_ordinal')}
              options={MONTH_ORDINALS.map((n) => ({ value: String(n), label: t(`editing.repeat.ordinal.${n}` as MessageKey) }))}
            />
            <SelectField name="repeat_weekday" label={t('editing.field.repeat_weekday')} value={values.repeat_weekday} error={e('repeat_weekday')} options={WEEKDAY_CODES.map((d) => ({ value: d, label: dayName(d) }))} />
          </div>
        </div>
      </div>
      <div data-repeat-part={PART.repeating}>
        <RadioGroup
          name="repeat_ends"
          legend={t('editing.field.repeat_ends')}
          value={values.repeat_ends || 'never'}
          error={e('repeat_ends')}
          options={[
            { value: 'never', label: t('editing.repeat.endsNever') },
            { value: 'on', label: t('editing.repeat.endsOn') },
            { value: 'after', label: t('editing.repeat.endsAfter') },
          ]}
        />
        <div class="field-row">
          <div data-ends-part="on">
            <InputField name="repeat_until" type="date" label={t('editing.field.repeat_until')} hint={t('editing.hint.date')} value={values.repeat_until} error={e('repeat_until')} />
          </div>
          <div data-ends-part="after">
            <InputField name="repeat_count" label={t('editing.field.repeat_count')} hint={t('editing.hint.repeatCount')} value={values.repeat_count} error={e('repeat_count')} maxLength={4} />
          </div>
        </div>
      </div>
      <div data-repeat-part={PART.skipped}>
        <TextAreaField name="recurrence_exdates" label={t('editing.field.recurrence_exdates')} hint={t('editing.hint.skippedDates')} value={values.recurrence_exdates} error={e('recurrence_exdates')} rows={3} />
      </div>
      <p data-repeat-part={PART.skipped}>
        <button type="submit" name="show_sessions" value="1" class="button button--secondary">
          {t('editing.sessions.show')}
        </button>
      </p>
      {values.show_sessions !== '' ? <SessionsPreview ctx={ctx} values={values} errors={errors} /> : null}
      {sessionsHref && choice !== 'none' ? (
        <p>
          <a href={sessionsHref}>{t('series.sessions.manage')}</a>
        </p>
      ) : null}
      <script type="module" src={scriptUrl('recurrence-form.js')} />
    </fieldset>
  );
}

/** The sessions the fields make, before saving: the first few (skipped ones struck through) and how many in all. */
function SessionsPreview({ ctx, values, errors }: Pick<RecurrenceFieldsProps, 'ctx' | 'values' | 'errors'>) {
  const { t, lang } = ctx;
  const refused = errors.start_date !== undefined || Object.keys(errors).some((name) => name.startsWith('repeat') || name.startsWith('recurrence'));
  if (refused) return null;
  const { rule, exdates } = ruleOfForm(values, values.start_date);
  const preview: SessionPreview | null = rule ? sessionPreview(rule, values.start_date, exdates) : null;
  const time = values.all_day === '' && values.start_time !== '' ? `, ${values.start_time}` : '';
  return (
    <section class="sessions-preview" aria-labelledby="sessions-preview-title" id="sessions-preview">
      <h2 id="sessions-preview-title">{t('editing.sessions.previewTitle')}</h2>
      <p class="field-hint">{t('editing.sessions.notSaved')}</p>
      {preview === null ? (
        <p>{t('editing.sessions.none')}</p>
      ) : (
        <>
          <p>{t(preview.endless ? 'editing.sessions.totalEndless' : preview.total === 1 ? 'editing.sessions.totalOne' : 'editing.sessions.total', { count: String(preview.total) })}</p>
          {preview.first.length < preview.planned ? <p>{t('editing.sessions.firstOnes', { count: String(preview.first.length) })}</p> : null}
          <ol class="sessions-preview__list">
            {preview.first.map((s) => (
              <li>
                {s.skipped ? (
                  <>
                    <s>
                      <time dateTime={s.date}>{formatDate(s.date, lang)}</time>
                      {time}
                    </s>{' '}
                    {t('editing.sessions.skipped')}
                  </>
                ) : (
                  <>
                    <time dateTime={s.date}>{formatDate(s.date, lang)}</time>
                    {time}
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
