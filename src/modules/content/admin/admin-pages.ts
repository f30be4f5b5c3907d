/**
 * Where a kind's admin pages live and what their titles say, from the kind's
 * name in the plural: `/admin/events`, and the messages `editing.events.title`,
 * `.new`, `.editTitle` and `.backToList`. Each kind names itself once.
 */
import type { ContentAdmin } from './content-admin.views.js';

type KindPages = Pick<ContentAdmin<never, never, never, never, never>, 'basePath' | 'messages'>;

export function adminPagesOf(plural: 'events' | 'articles'): KindPages {
  return {
    basePath: `/admin/${plural}`,
    messages: {
      title: `editing.${plural}.title`,
      new: `editing.${plural}.new`,
      editTitle: `editing.${plural}.editTitle`,
      backToList: `editing.${plural}.backToList`,
    },
  };
}
