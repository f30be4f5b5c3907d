import type { Translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { AttachmentListRow } from './media.service.js';
import { formatBytes } from './media.schemas.js';
import { mediaUrl } from './media.storage.js';

interface AttachmentListProps {
  attachments: AttachmentListRow[];
  lang: Lang;
  t: Translate;
}

/**
 * An event's documents as a list of links with their size ("Agenda (PDF,
 * 120 KB)"), in the page's language; an English label on a Vietnamese page is
 * marked as English. Nothing when there are none.
 */
export function AttachmentList({ attachments, lang, t }: AttachmentListProps) {
  const files = attachments.filter((a) => a.path !== null);
  if (files.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('media.attachments.heading')}</h2>
      <ul class="attachment-list">
        {files.map((a) => {
          const label = lang === 'vi' && a.label_vi ? a.label_vi : a.label_en;
          return (
            <li>
              <a href={mediaUrl(a.path ?? '')} type={a.mime} lang={lang !== 'en' && label === a.label_en ? 'en' : undefined}>
                {label}
              </a>{' '}
              <span class="attachment-size">({t('media.attachments.size', { size: formatBytes(a.bytes, lang) })})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
