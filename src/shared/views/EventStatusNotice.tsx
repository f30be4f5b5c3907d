/**
 * How a cancelled or postponed event says so wherever visitors meet it (its
 * page, the listings, the home page, search results): the status in the
 * page's language, then the reason the editor gave, in the page's language
 * when one was given in it, else the English one marked as English.
 */
import type { Lang } from '../dates/format.js';
import type { ViewContext } from './view-context.js';

/** An event's status and its reasons as stored (`events.status_reason_*`). */
export interface EventStatusColumns {
  event_status: 'scheduled' | 'cancelled' | 'postponed';
  status_reason_en: string | null;
  status_reason_vi: string | null;
}

/** The reason shown in `lang` for an event no longer on as planned: its own, else the English; null when none was given or the event is on. */
export function shownStatusReason(event: EventStatusColumns, lang: Lang): { text: string; lang: Lang } | null {
  if (event.event_status === 'scheduled') return null;
  if (lang === 'vi' && event.status_reason_vi) return { text: event.status_reason_vi, lang: 'vi' };
  return event.status_reason_en ? { text: event.status_reason_en, lang: 'en' } : null;
}

/** The status in words: "This event has been cancelled.", and for a postponed event without a reason, that a date will follow. */
export function statusText(ctx: Pick<ViewContext, 't'>, event: EventStatusColumns, reason: unknown): string | null {
  if (event.event_status === 'cancelled') return ctx.t('event.cancelled');
  if (event.event_status === 'postponed') return reason ? ctx.t('event.postponedShort') : ctx.t('event.postponed');
  return null;
}

/** The status and the reason as plain text, for a calendar's DESCRIPTION or a page's description. */
export function statusLine(ctx: Pick<ViewContext, 't'>, event: EventStatusColumns, lang: Lang): string | null {
  const reason = shownStatusReason(event, lang);
  const status = statusText(ctx, event, reason);
  return status === null ? null : reason ? `${status} ${reason.text}` : status;
}

/** A listed event's badge and reason, after its title; nothing for an event going ahead. */
export function EventStatusBadge({ ctx, event }: { ctx: ViewContext; event: EventStatusColumns }) {
  const reason = shownStatusReason(event, ctx.lang);
  const status = statusText(ctx, event, reason);
  if (status === null) return null;
  return (
    <>
      {' '}
      <strong class={`badge badge--${event.event_status}`}>{status}</strong>
      {reason ? (
        <>
          {' '}
          <span class="status-reason" lang={reason.lang === ctx.lang ? undefined : reason.lang}>
            {reason.text}
          </span>
        </>
      ) : null}
    </>
  );
}

/** The notice at the top of a cancelled or postponed event's page, with its reason. */
export function EventStatusNotice({ ctx, event }: { ctx: ViewContext; event: EventStatusColumns }) {
  const reason = shownStatusReason(event, ctx.lang);
  const status = statusText(ctx, event, reason);
  if (status === null) return null;
  return (
    <div class={`status-notice status-notice--${event.event_status}`} role="status">
      <p>{status}</p>
      {reason ? (
        <p class="status-reason" lang={reason.lang === ctx.lang ? undefined : reason.lang}>
          {reason.text}
        </p>
      ) : null}
    </div>
  );
}
