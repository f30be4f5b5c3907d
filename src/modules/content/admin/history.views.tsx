/**
 * The history of an item and the comparison of two revisions: who saved
 * what and when, the changes field by field (long text word by word, as
 * deletions and insertions), and a way to bring an older version back.
 */
import { AdminLayout, CsrfField, DataTable, Notice, type AdminViewContext } from '../../admin/index.js';
import type { MessageKey } from '../../i18n/index.js';
import type { RevisionDiff, RevisionSummary } from '../editing.js';
import type { FieldDiff } from '../snapshots.js';
import type { DiffPart } from '../../../shared/text/word-diff.js';
import { fieldLabel, formatInstant } from './format.js';

/** What a revision did, as the history lists it. */
export function actionLabel(ctx: AdminViewContext, action: string): string {
  return ctx.t(`editing.action.${action}` as MessageKey) || action;
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p) => (p.op === 'same' ? <span>{p.text}</span> : p.op === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}
    </>
  );
}

/** An ISO instant as stored (publish_at, published_at…). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Stored codes that have a name in the interface, by field. */
const CODE_KEYS: Record<string, string> = { status: 'editing.state.', event_status: 'editing.eventStatus.' };

/** A stored value as people read it: instants on the office's clock, status codes by name, the rest as it is. */
function shownValue(ctx: AdminViewContext, field: string, value: string, zone: string): string {
  if (INSTANT.test(value)) return formatInstant(value, zone, ctx.lang);
  const prefix = CODE_KEYS[field];
  return (prefix && ctx.t(`${prefix}${value}` as MessageKey)) || value;
}

function Value({ ctx, field, value, zone }: { ctx: AdminViewContext; field: string; value: string | null; zone: string }) {
  return value === null ? <span class="muted">{ctx.t('editing.history.empty')}</span> : <span class="diff-value">{shownValue(ctx, field, value, zone)}</span>;
}

/** The differences between two versions, one row per changed field. */
export function DiffTable({ ctx, diffs, zone }: { ctx: AdminViewContext; diffs: readonly FieldDiff[]; zone: string }) {
  const { t } = ctx;
  if (diffs.length === 0) return <p>{t('editing.history.noDifferences')}</p>;
  return (
    <DataTable kind="diff-table" headings={[t('editing.history.field'), t('editing.history.before'), t('editing.history.after')]}>
      {diffs.map((d) => (
        <tr>
          <th scope="row">{fieldLabel(ctx, d.field)}</th>
          {d.parts ? (
            <td colSpan={2} class="diff-words">
              <Parts parts={d.parts} />
            </td>
          ) : (
            <>
              <td data-label={t('editing.history.before')}>
                <Value ctx={ctx} field={d.field} value={d.before} zone={zone} />
              </td>
              <td data-label={t('editing.history.after')}>
                <Value ctx={ctx} field={d.field} value={d.after} zone={zone} />
              </td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

export interface HistoryPageProps {
  ctx: AdminViewContext;
  /** e.g. "History: Workshop in Đắk Lắk". */
  title: string;
  basePath: string;
  revisions: readonly RevisionSummary[];
  /** Names of the people in the history, by id. */
  names: ReadonlyMap<number, string>;
  /** The item's revision now (restores are made against it). */
  currentRevision: number;
  comparison: RevisionDiff | undefined;
  canRestore: boolean;
  zone: string;
  /** A message after a restore, or why one was refused. */
  notice?: { kind: 'success' | 'error'; text: string } | undefined;
}

/** The list of revisions, two chosen for comparison, and restore buttons. */
export function HistoryPage({ ctx, title, basePath, revisions, names, currentRevision, comparison, canRestore, zone, notice }: HistoryPageProps) {
  const { t } = ctx;
  const from = comparison?.from.revision;
  const to = comparison?.to.revision;
  const who = (r: RevisionSummary) =>
    r.actor !== null
      ? t(`editing.history.actor.${r.actor}`)
      : r.userId === null
        ? t('editing.history.system')
        : (names.get(r.userId) ?? t('editing.history.formerUser'));
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={basePath}>{t('editing.history.backToEdit')}</a>
      </p>
      <h1>{title}</h1>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {comparison ? (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">{t('editing.history.comparing', { from: comparison.from.revision, to: comparison.to.revision })}</h2>
          <DiffTable ctx={ctx} diffs={comparison.diffs} zone={zone} />
        </section>
      ) : null}
      <form method="get" action={`${basePath}/history`}>
        <DataTable
          kind="history-table"
          caption={t('editing.history.caption')}
          headings={[
            t('editing.history.from'),
            t('editing.history.to'),
            t('editing.history.revision'),
            t('editing.history.when'),
            t('editing.history.who'),
            t('editing.history.what'),
            canRestore ? t('editing.history.restore') : null,
          ]}
        >
          {revisions.map((r) => (
            <tr>
              <CompareEnd ctx={ctx} end="from" revision={r.revision} chosen={from} />
              <CompareEnd ctx={ctx} end="to" revision={r.revision} chosen={to} />
              <td class="nowrap" data-label={t('editing.history.revision')}>
                {r.revision}
              </td>
              <td class="nowrap" data-label={t('editing.history.when')}>
                <time dateTime={r.createdAt}>{formatInstant(r.createdAt, zone, ctx.lang)}</time>
              </td>
              <td data-label={t('editing.history.who')}>{who(r)}</td>
              <td data-label={t('editing.history.what')}>
                <strong>{actionLabel(ctx, r.action)}</strong>{' '}
                {r.changes.length > 0 ? <span class="changed-fields">{r.changes.map((f) => fieldLabel(ctx, f)).join(', ')}</span> : null}
              </td>
              {canRestore ? (
                <td data-label={t('editing.history.restore')}>{restorable(r, currentRevision) ? <RestoreButton ctx={ctx} revision={r.revision} /> : null}</td>
              ) : null}
            </tr>
          ))}
        </DataTable>
        <p>
          <button type="submit" class="button button--secondary">
            {t('editing.history.compare')}
          </button>
        </p>
      </form>
      {canRestore ? <RestoreForms ctx={ctx} basePath={basePath} revisions={revisions} current={currentRevision} /> : null}
    </AdminLayout>
  );
}

/** The radio button choosing a revision as one end of the comparison. */
function CompareEnd({ ctx, end, revision, chosen }: { ctx: AdminViewContext; end: 'from' | 'to'; revision: number; chosen: number | undefined }) {
  const { t } = ctx;
  return (
    <td data-label={t(`editing.history.${end}`)}>
      <input
        type="radio"
        name={end}
        value={String(revision)}
        checked={revision === chosen}
        aria-label={t(end === 'from' ? 'editing.history.compareFrom' : 'editing.history.compareTo', { revision })}
      />
    </td>
  );
}

/**
 * A restore is a POST of its own; forms cannot nest, so the button sits in
 * the comparison table and names its form (placed after it) by id.
 */
function RestoreButton({ ctx, revision }: { ctx: AdminViewContext; revision: number }) {
  return (
    <button type="submit" class="link-button" form={`restore-${revision}`}>
      {ctx.t('editing.history.restoreThis', { revision })}
    </button>
  );
}

function restorable(r: RevisionSummary, current: number): boolean {
  return r.revision !== current && r.action !== 'delete';
}

/** The forms the restore buttons submit: each sends the revision to bring back and the one the page was loaded at. */
function RestoreForms({ ctx, basePath, revisions, current }: { ctx: AdminViewContext; basePath: string; revisions: readonly RevisionSummary[]; current: number }) {
  return (
    <>
      {revisions
        .filter((r) => restorable(r, current))
        .map((r) => (
          <form id={`restore-${r.revision}`} method="post" action={`${basePath}/restore`} class="restore-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="revision" value={String(current)} />
            <input type="hidden" name="restore" value={String(r.revision)} />
          </form>
        ))}
    </>
  );
}
