/**
 * The dashboard's panels of editing work. Each list shows a few lines, each
 * line a link to the item's edit page, and a link to the full list where
 * there is one.
 */
import type { ComponentChildren } from 'preact';
import type { AdminViewContext } from '../../admin/index.js';
import type { ContentKind } from '../../../db/schema.js';
import { formatDateRange } from '../../../shared/dates/format.js';
import type { DashboardLists } from '../dashboard.js';
import type { WorkItemRow } from '../dashboard.repository.js';
import { fieldLabel, formatInstant } from './format.js';
import { actionLabel } from './history.views.js';

function editPath(kind: ContentKind, id: number): string {
  return `/admin/${kind === 'event' ? 'events' : 'articles'}/${id}`;
}

function KindTag({ ctx, kind }: { ctx: AdminViewContext; kind: ContentKind }) {
  return <span class={`tag tag--${kind}`}>{ctx.t(kind === 'event' ? 'editing.dashboard.event' : 'editing.dashboard.article')}</span>;
}

interface ListProps {
  ctx: AdminViewContext;
  id: string;
  heading: string;
  /** The full lists, one per kind, when there are any. */
  more?: { events: string; articles: string } | undefined;
  children: ComponentChildren[];
}

function WorkList({ ctx, id, heading, more, children }: ListProps) {
  return (
    <section class="work-list" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {children.length === 0 ? (
        <p class="muted">{ctx.t('editing.dashboard.none')}</p>
      ) : (
        <ul>{children}</ul>
      )}
      {more && children.length > 0 ? (
        <p class="work-list__more">
          {ctx.t('editing.dashboard.fullLists')} <a href={more.events}>{ctx.t('editing.dashboard.allEvents')}</a> · <a href={more.articles}>{ctx.t('editing.dashboard.allArticles')}</a>
        </p>
      ) : null}
    </section>
  );
}

function WorkLine({ ctx, item, detail }: { ctx: AdminViewContext; item: { kind: ContentKind; id: number; title: string }; detail?: string | undefined }) {
  return (
    <li>
      <KindTag ctx={ctx} kind={item.kind} /> <a href={editPath(item.kind, item.id)}>{item.title}</a>
      {detail ? <span class="work-list__detail"> {detail}</span> : null}
    </li>
  );
}

function statusLists(status: string) {
  return { events: `/admin/events?status=${status}`, articles: `/admin/articles?status=${status}` };
}

/** The lists of items waiting in the workflow: their ids and headings (one's own, or everyone's). */
const WORKFLOW_LISTS = [
  { id: 'work-drafts', status: 'draft', mine: 'editing.dashboard.myDrafts', everyone: 'editing.dashboard.drafts' },
  { id: 'work-review', status: 'in_review', mine: 'editing.dashboard.myInReview', everyone: 'editing.dashboard.inReview' },
] as const;

export function WorkPanel({ ctx, lists, zone }: { ctx: AdminViewContext; lists: DashboardLists; zone: string }) {
  const { t, lang } = ctx;
  const when = (iso: string) => formatInstant(iso, zone, lang);
  const saved = (item: WorkItemRow) => t('editing.dashboard.savedAt', { when: when(item.updated_at) });
  return (
    <section class="panel panel--wide" aria-labelledby="work-heading">
      <h2 id="work-heading">{t('editing.dashboard.title')}</h2>
      <div class="work-lists">
        {WORKFLOW_LISTS.map(({ id, status, mine, everyone }) => (
          <WorkList ctx={ctx} id={id} heading={t(lists.scope === 'own' ? mine : everyone)} more={lists.scope === 'all' ? statusLists(status) : undefined}>
            {(status === 'draft' ? lists.drafts : lists.inReview).map((item) => (
              <WorkLine ctx={ctx} item={item} detail={saved(item)} />
            ))}
          </WorkList>
        ))}
        {lists.scheduled ? (
          <WorkList ctx={ctx} id="work-scheduled" heading={t('editing.dashboard.scheduled')} more={statusLists('scheduled')}>
            {lists.scheduled.map((item) => (
              <WorkLine ctx={ctx} item={item} detail={t('editing.dashboard.scheduledFor', { when: when(item.publish_at ?? item.updated_at) })} />
            ))}
          </WorkList>
        ) : null}
        {lists.recent ? (
          <WorkList ctx={ctx} id="work-recent" heading={t('editing.dashboard.recent')}>
            {lists.recent.map((change) => (
              <WorkLine
                ctx={ctx}
                item={change}
                detail={
                  change.actor !== null
                    ? t('editing.dashboard.changedBy', {
                        action: actionLabel(ctx, change.action),
                        name: t(`editing.history.actor.${change.actor}`),
                        when: when(change.at),
                      })
                    : change.by === null
                      ? t('editing.dashboard.changedAt', { action: actionLabel(ctx, change.action), when: when(change.at) })
                      : t('editing.dashboard.changedBy', { action: actionLabel(ctx, change.action), name: change.by, when: when(change.at) })
                }
              />
            ))}
          </WorkList>
        ) : null}
        {lists.missingVietnamese ? (
          <WorkList ctx={ctx} id="work-missing-vi" heading={t('editing.dashboard.missingVietnamese')}>
            {lists.missingVietnamese.map((event) => (
              <WorkLine
                ctx={ctx}
                item={{ kind: 'event', id: event.id, title: event.title }}
                detail={[
                  t('editing.dashboard.startsOn', { date: formatDateRange(event.start_date, event.end_date, lang) }),
                  event.vi_status ? t('editing.dashboard.viDraft') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </WorkList>
        ) : null}
        {lists.outdatedVietnamese ? (
          <WorkList ctx={ctx} id="work-outdated-vi" heading={t('editing.dashboard.sourceChanged')}>
            {lists.outdatedVietnamese.map((todo) => (
              <WorkLine
                ctx={ctx}
                item={todo}
                detail={t('editing.dashboard.changedFields', { fields: todo.changedFields.map((f) => fieldLabel(ctx, f)).join(', ') })}
              />
            ))}
          </WorkList>
        ) : null}
      </div>
    </section>
  );
}
