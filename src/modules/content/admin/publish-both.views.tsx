/**
 * The question asked when an item is published or scheduled while its
 * Vietnamese text is filled in but still a draft: publish it too, or the
 * English alone. A page of its own with a plain form, so it works without
 * JavaScript; each button takes the step with the choice.
 */
import { AdminLayout, CsrfField, type AdminViewContext } from '../../admin/index.js';
import type { BaseSnapshot, Editable } from '../editing.js';
import { formatInstant } from './format.js';
import { itemAdminPath, type AnyContentAdmin } from './content-admin.views.js';
import { stepPath } from './workflow.views.js';

export interface PublishBothProps {
  kind: AnyContentAdmin;
  ctx: AdminViewContext;
  item: Editable<BaseSnapshot>;
  /** The revision the edit page was loaded at, as its step form sent it ('' when it sent none). */
  revision: string;
  /** Scheduling: the time as typed and as the instant it names. Publishing now: undefined. */
  schedule?: { typed: string; at: Date } | undefined;
  zone: string;
}

/** "Publish the Vietnamese text too?" with Publish both, Publish English only, and the way back. */
export function PublishBothPage({ kind, ctx, item, revision, schedule, zone }: PublishBothProps) {
  const { t } = ctx;
  const title = t('editing.publishBoth.title');
  const editHref = itemAdminPath(kind, item.id);
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={editHref}>{t('editing.preview.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="confirm-explanation">{t('editing.publishBoth.explain', { title: item.snapshot.en.title })}</p>
      <p>
        {t('editing.publishBoth.viTitle')} <strong lang="vi">{item.snapshot.vi?.title}</strong>
      </p>
      {schedule ? <p>{t('editing.publishBoth.when', { when: formatInstant(schedule.at.toISOString(), zone, ctx.lang), zone })}</p> : null}
      <form method="post" action={stepPath(editHref, schedule ? 'schedule' : 'publish')} class="confirm-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={revision} />
        {schedule ? <input type="hidden" name="publish_at" value={schedule.typed} /> : null}
        <div class="form-actions">
          <button type="submit" class="button" name="vietnamese" value="both">
            {t(schedule ? 'editing.publishBoth.scheduleBoth' : 'editing.publishBoth.both')}
          </button>
          <button type="submit" class="button button--secondary" name="vietnamese" value="english">
            {t(schedule ? 'editing.publishBoth.scheduleEnglishOnly' : 'editing.publishBoth.englishOnly')}
          </button>
          <a href={editHref}>{t('editing.publishBoth.back')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
