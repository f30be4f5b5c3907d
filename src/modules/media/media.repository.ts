/** Queries on the media library, its variants and event attachments. */
import { sql, type Insertable, type Kysely, type RawBuilder, type Transaction, type Updateable } from 'kysely';
import { jsonList, type JsonListOrder } from '../../db/json-list.js';
import { keptQuery } from '../../db/kept-query.js';
import type {
  Database,
  EventAttachmentRow,
  MediaKind,
  MediaRow,
  MediaTable,
  MediaVariantRow,
  MediaVariantsTable,
} from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMediaBySha256(db: Db, sha256: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<number> {
  const inserted = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateMedia(db: Db, id: number, changes: Updateable<MediaTable>): Promise<void> {
  await db.updateTable('media').set(changes).where('id', '=', id).execute();
}

export async function deleteMediaRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

export async function insertVariants(db: Db, rows: Insertable<MediaVariantsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('media_variants').values(rows).execute();
}

/** Variants of several images, smallest first within each format; kept compiled per number of ids (a page's hero, a listing's images). */
const variantsQuery = keptQuery<{ ids: number[] }, string, MediaVariantRow>((db, v) =>
  db.selectFrom('media_variants').selectAll().where('media_id', 'in', v.ids).orderBy('media_id').orderBy('format').orderBy('width'),
);

/** Variants of several images at once, smallest first within each format. */
export async function listVariants(db: Db, mediaIds: readonly number[]): Promise<MediaVariantRow[]> {
  if (mediaIds.length === 0) return [];
  return (await variantsQuery(db, String(mediaIds.length), { ids: [...mediaIds] })).rows;
}

/** Library images by id; kept compiled per number of ids. */
const imagesQuery = keptQuery<{ ids: number[] }, string, MediaRow>((db, v) => db.selectFrom('media').selectAll().where('id', 'in', v.ids).where('kind', '=', 'image'));

/** The library images among these ids (others, and ids that are gone, are left out). */
export async function listImages(db: Db, ids: readonly number[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return (await imagesQuery(db, String(ids.length), { ids: [...ids] })).rows;
}

/** What a picture needs of an image's row (media.service.ts, pictureOf). */
export type PictureRow = Pick<MediaRow, 'id' | 'width' | 'height' | 'alt_en' | 'alt_vi' | 'credit_holder' | 'credit_photographer' | 'credit_year'>;
/** What a picture needs of each of its variants. */
export type PictureVariantRow = Pick<MediaVariantRow, 'media_id' | 'format' | 'width' | 'height' | 'path'>;

const PICTURE_FIELDS = {
  id: 'hm.id',
  width: 'hm.width',
  height: 'hm.height',
  alt_en: 'hm.alt_en',
  alt_vi: 'hm.alt_vi',
  credit_holder: 'hm.credit_holder',
  credit_photographer: 'hm.credit_photographer',
  credit_year: 'hm.credit_year',
} as const satisfies Record<keyof PictureRow, string>;

const VARIANT_FIELDS = { media_id: 'hv.media_id', format: 'hv.format', width: 'hv.width', height: 'hv.height', path: 'hv.path' } as const satisfies Record<
  keyof PictureVariantRow,
  string
>;

/**
 * The hero of an item's page as two JSON columns of the query that reads the
 * item (db/json-list.ts), `heroId` being its column of the hero's media id:
 * `hero_image`, the image (none when it is not one, or is gone), and
 * `hero_variants`, its variants. Two statements fewer than loadPicture;
 * media.service.ts's heroFromColumns makes the picture, its variants in
 * listVariants' order.
 */
export function heroColumns(db: Kysely<Database>, heroId: string) {
  return [
    jsonList(db, PICTURE_FIELDS, sql`from ${sql.table('media')} as hm where hm.id = ${sql.ref(heroId)} and hm.kind = ${'image'}`).as('hero_image'),
    jsonList(db, VARIANT_FIELDS, sql`from ${sql.table('media_variants')} as hv where hv.media_id = ${sql.ref(heroId)}`).as('hero_variants'),
  ] as const;
}

/** Of these paths, those still used by another media item than `exceptMediaId`. */
export async function pathsUsedElsewhere(db: Db, paths: readonly string[], exceptMediaId: number): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const rows = await db
    .selectFrom('media_variants')
    .select('path')
    .where('path', 'in', [...paths])
    .where('media_id', '<>', exceptMediaId)
    .execute();
  return new Set(rows.map((r) => r.path));
}

export interface MediaFilter {
  kind?: MediaKind | undefined;
  /** Matched against the file name, alt texts and credit, ignoring case. */
  search?: string | undefined;
}

/** Escapes LIKE's wildcards so a search for "50%" means those characters. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filtered(db: Db, filter: MediaFilter) {
  let query = db.selectFrom('media');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    query = query.where((eb) =>
      eb.or(
        (['original_name', 'alt_en', 'alt_vi', 'credit_holder', 'credit_photographer'] as const).map(
          // SQLite has no default escape character for LIKE; naming one works on both databases.
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return query;
}

/** A page of the library, newest first. */
export async function listMedia(db: Db, filter: MediaFilter, limit: number, offset: number): Promise<MediaRow[]> {
  return filtered(db, filter).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countMedia(db: Db, filter: MediaFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An item using a media item: its English title, and what decides who may edit it. */
export interface MediaUser {
  id: number;
  title: string;
  status: string;
  createdBy: number | null;
}

export interface MediaUsage {
  /** Articles using the image as their hero. */
  articles: MediaUser[];
  /** Events with the document attached, or the image as their hero. */
  events: MediaUser[];
}

/** Where a media item is used; it may be deleted only when both lists are empty. */
export async function findMediaUsage(db: Db, mediaId: number): Promise<MediaUsage> {
  const [articles, attachedTo, heroOf] = await Promise.all([
    db
      .selectFrom('articles as a')
      .innerJoin('article_translations as t', (j) => j.onRef('t.article_id', '=', 'a.id').on('t.lang', '=', 'en'))
      .select(['a.id', 't.title', 'a.status', 'a.created_by as createdBy'])
      .where('a.hero_media_id', '=', mediaId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('event_attachments as ea')
      .innerJoin('event_translations as t', (j) => j.onRef('t.event_id', '=', 'ea.event_id').on('t.lang', '=', 'en'))
      .innerJoin('events as e', 'e.id', 'ea.event_id')
      .select(['ea.event_id as id', 't.title', 'e.status', 'e.created_by as createdBy'])
      .where('ea.media_id', '=', mediaId)
      .orderBy('ea.event_id')
      .execute(),
    db
      .selectFrom('events as e')
      .innerJoin('event_translations as t', (j) => j.onRef('t.event_id', '=', 'e.id').on('t.lang', '=', 'en'))
      .select(['e.id', 't.title', 'e.status', 'e.created_by as createdBy'])
      .where('e.hero_media_id', '=', mediaId)
      .orderBy('e.id')
      .execute(),
  ]);
  const events = [...attachedTo, ...heroOf.filter((e) => !attachedTo.some((a) => a.id === e.id))].sort((a, b) => a.id - b.id);
  return { articles, events };
}

/** An event's English title, publication status and author, for the attachments page and its permission check. */
export async function findEventSummary(db: Db, eventId: number): Promise<{ id: number; title: string; status: string; created_by: number | null } | undefined> {
  return db
    .selectFrom('events as e')
    .innerJoin('event_translations as t', (j) => j.onRef('t.event_id', '=', 'e.id').on('t.lang', '=', 'en'))
    .select(['e.id', 't.title', 'e.status', 'e.created_by'])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
}

/** Documents in the library, newest first, for attaching one that is already there. */
export async function listDocuments(db: Db, limit: number): Promise<MediaRow[]> {
  return db.selectFrom('media').selectAll().where('kind', '=', 'document').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface AttachmentListRow extends EventAttachmentRow {
  original_name: string;
  bytes: number;
  path: string | null;
  mime: string;
}

/** The columns of an attachment as its list shows it, by the name each has in AttachmentListRow. */
const ATTACHMENT_FIELDS = {
  event_id: 'ea.event_id',
  media_id: 'ea.media_id',
  position: 'ea.position',
  label_en: 'ea.label_en',
  label_vi: 'ea.label_vi',
  original_name: 'm.original_name',
  bytes: 'm.bytes',
  path: 'm.path',
  mime: 'm.mime',
} as const satisfies Record<keyof AttachmentListRow, string>;

/** An event's attachments in their order; kept compiled, as every event page once ran it. */
const attachmentsQuery = keptQuery<{ eventId: number }, '', AttachmentListRow>((db, v) =>
  db
    .selectFrom('event_attachments as ea')
    .innerJoin('media as m', 'm.id', 'ea.media_id')
    .select(Object.values(ATTACHMENT_FIELDS))
    .where('ea.event_id', '=', v.eventId)
    .orderBy('ea.position')
    .orderBy('ea.media_id'),
);

/** An event's attachments in their order, with the file's size and path. */
export async function listEventAttachments(db: Db, eventId: number): Promise<AttachmentListRow[]> {
  return (await attachmentsQuery(db, '', { eventId })).rows;
}

/**
 * The attachments of the event whose id is the column `eventId` of the outer
 * query, as one JSON column (db/json-list.ts): for the event's page, which
 * reads them with the event. readJsonList with EVENT_ATTACHMENT_ORDER gives
 * the same rows as listEventAttachments.
 */
export function eventAttachmentsColumn(db: Kysely<Database>, eventId: string): RawBuilder<unknown> {
  return jsonList(
    db,
    ATTACHMENT_FIELDS,
    sql`from ${sql.table('event_attachments')} as ea inner join ${sql.table('media')} as m on m.id = ea.media_id where ea.event_id = ${sql.ref(eventId)}`,
  );
}

/** The order of an event's attachments, as listEventAttachments gives them. */
export const EVENT_ATTACHMENT_ORDER: JsonListOrder<AttachmentListRow> = ['position', 'media_id'];

export async function findEventAttachment(db: Db, eventId: number, mediaId: number): Promise<EventAttachmentRow | undefined> {
  return db
    .selectFrom('event_attachments')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
}

export async function maxAttachmentPosition(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_attachments')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p);
}

export async function insertEventAttachment(db: Db, row: EventAttachmentRow): Promise<void> {
  await db.insertInto('event_attachments').values(row).execute();
}

export async function updateEventAttachment(
  db: Db,
  eventId: number,
  mediaId: number,
  changes: Partial<Pick<EventAttachmentRow, 'position' | 'label_en' | 'label_vi'>>,
): Promise<void> {
  await db.updateTable('event_attachments').set(changes).where('event_id', '=', eventId).where('media_id', '=', mediaId).execute();
}

export async function deleteEventAttachment(db: Db, eventId: number, mediaId: number): Promise<void> {
  await db.deleteFrom('event_attachments').where('event_id', '=', eventId).where('media_id', '=', mediaId).execute();
}

export async function eventExists(db: Db, eventId: number): Promise<boolean> {
  const row = await db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
  return row !== undefined;
}
