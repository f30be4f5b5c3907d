/**
 * The heart of the conflict page: the version someone else saved and the one
 * the second person sent, side by side, differences marked. The page around
 * it (each kind's) adds the edit form, filled with the second person's text.
 */
import type { AdminViewContext } from '../../admin/index.js';
import { flattenSnapshot } from '../snapshots.js';
import { fieldLabel } from './format.js';

interface ConflictProps {
  ctx: AdminViewContext;
  /** What the form edits, as stored now. */
  stored: object;
  /** The same fields as the second person sent them. */
  yours: object;
  fieldOrder: readonly string[];
}

/** Every field that differs, stored version on the left and the second person's on the right. */
export function ConflictComparison({ ctx, stored, yours, fieldOrder }: ConflictProps) {
  const { t } = ctx;
  const a = flattenSnapshot(stored);
  const b = flattenSnapshot(yours);
  const names = [...new Set([...fieldOrder, ...Object.keys(a), ...Object.keys(b)])].filter(
    (name) => name in a || name in b,
  );
  const differing = names.filter((name) => (a[name] ?? null) !== (b[name] ?? null));
  return (
    <div class="table-wrap">
      <table class="data-table conflict-table">
        <caption>{t('editing.conflict.caption', { count: differing.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editing.history.field')}</th>
            <th scope="col">{t('editing.conflict.saved')}</th>
            <th scope="col">{t('editing.conflict.yours')}</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((name) => (
            <tr class="conflict-row">
              <th scope="row">{fieldLabel(ctx, name)}</th>
              <td class="conflict-saved" data-label={t('editing.conflict.saved')}>{a[name] ?? <span class="muted">{t('editing.history.empty')}</span>}</td>
              <td class="conflict-yours" data-label={t('editing.conflict.yours')}>{b[name] ?? <span class="muted">{t('editing.history.empty')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
