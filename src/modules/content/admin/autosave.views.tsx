/**
 * The edit page's parts about unsaved changes: the notice offering an
 * autosave back (restore: the same page with the form filled from it, so no
 * script is needed; discard: a small form), the notice once it is back in
 * the form, and the status the edit script fills in as it keeps the form.
 */
import { CsrfField, Notice, type AdminViewContext } from '../../admin/index.js';
import { formatInstant } from './format.js';

/** An autosave as the edit page offers it: when it was kept, and who saved the item since it began, when someone did. */
export interface AutosaveOffer {
  savedAt: string;
  /** The item's content was saved after the autosave's form was loaded: by whom and when. */
  savedSince?: { name: string; at: string } | undefined;
}

/** Where a form's autosaves go, and whether the form shows one restored. */
export interface AutosaveForm {
  /** The address the script posts the form to (…/autosave). */
  url: string;
  restored: boolean;
}

/** "You have unsaved changes from …" with Restore them and Discard. */
export function AutosaveNotice({ ctx, offer, formHref, url, zone }: { ctx: AdminViewContext; offer: AutosaveOffer; formHref: string; url: string; zone: string }) {
  const { t } = ctx;
  return (
    <div class="notice notice--warning autosave-notice" role="status">
      <p>{t('editing.autosave.offer', { when: formatInstant(offer.savedAt, zone, ctx.lang) })}</p>
      {offer.savedSince ? <p>{t('editing.autosave.stale', { name: offer.savedSince.name, when: formatInstant(offer.savedSince.at, zone, ctx.lang) })}</p> : null}
      <div class="autosave-notice__actions">
        <a class="button" href={`${formHref}?autosave=restore`}>
          {t('editing.autosave.restore')}
        </a>
        <form method="post" action={`${url}/discard`} class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="button button--secondary">
            {t('editing.autosave.discard')}
          </button>
        </form>
      </div>
    </div>
  );
}

/** Above a form filled from an autosave: it is not saved yet. */
export function AutosaveRestored({ ctx, offer, zone }: { ctx: AdminViewContext; offer: AutosaveOffer; zone: string }) {
  const { t } = ctx;
  return (
    <div class="notice notice--warning autosave-notice" role="status">
      <p>{t('editing.autosave.restored', { when: formatInstant(offer.savedAt, zone, ctx.lang) })}</p>
      {offer.savedSince ? <p>{t('editing.autosave.stale', { name: offer.savedSince.name, when: formatInstant(offer.savedSince.at, zone, ctx.lang) })}</p> : null}
    </div>
  );
}

/** When a restore was asked for and there is nothing to restore. */
export function NothingToRestore({ ctx }: { ctx: AdminViewContext }) {
  return <Notice kind="warning">{ctx.t('editing.autosave.nothingToRestore')}</Notice>;
}

/**
 * The status in the action bar, empty until the edit script keeps the form:
 * a polite live region, with the script's texts in the page's language
 * (`{time}` is filled in the office's zone).
 */
export function AutosaveStatus({ ctx, zone }: { ctx: AdminViewContext; zone: string }) {
  const { t } = ctx;
  return (
    <span
      class="action-bar__autosave"
      role="status"
      aria-live="polite"
      data-autosave-status
      data-zone={zone}
      data-lang={ctx.lang}
      data-saved={t('editing.autosave.statusSaved')}
      data-failed={t('editing.autosave.statusFailed')}
      data-refused={t('editing.autosave.statusRefused')}
    />
  );
}
