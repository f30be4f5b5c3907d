/**
 * What an event's public page reads, in one statement (content's
 * keptItemPage): the live event its address names, with its texts in every
 * language, its programmes and topics, its attachments and its hero.
 */
import type { Kysely } from 'kysely';
import type { Database, EventRow, EventTranslationRow, LangCode } from '../../db/schema.js';
import { keptItemPage, type ItemPageRead } from '../content/index.js';
import { EVENT_ATTACHMENT_ORDER, eventAttachmentsColumn, type AttachmentListRow } from '../media/index.js';
import { rows } from './events.repository.js';
import { eventTexts } from './events.type.js';

/** The live event and its lists; kept compiled per language. */
const eventPage = keptItemPage(rows.tables, eventTexts, {
  attachments: { column: (db, eventId) => eventAttachmentsColumn(db, eventId).$castTo<AttachmentListRow[]>(), order: EVENT_ATTACHMENT_ORDER },
});

/** An event as its public page reads it: as content's ItemPageRead, the item named `event` and its attachments beside its tags. */
export interface EventPageRead extends Omit<ItemPageRead<EventRow, EventTranslationRow, object>, 'item' | 'lists'> {
  event: EventRow;
  attachments: AttachmentListRow[];
}

/**
 * The live event whose address in `lang` ends in its shown slug `slug`, with
 * what its page lists; undefined when none has it (another language's slug,
 * an old one: see findLiveEventByAddress).
 */
export async function findLiveEventPage(db: Kysely<Database>, lang: LangCode, slug: string, now: Date): Promise<EventPageRead | undefined> {
  const page = await eventPage(db, lang, slug, now);
  if (page === undefined) return undefined;
  const { item, lists, ...read } = page;
  return { event: item, ...read, attachments: lists.attachments };
}
