/**
 * The media library's rules: what may be uploaded, how images are turned into
 * variants and stored, when an item may be deleted, and event attachments.
 */
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { recordAudit } from '../audit/index.js';
import type { Database, MediaKind, MediaRow } from '../../db/schema.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { pageInfo, type PageInfo } from '../../shared/pagination.js';
import { detectType, processImage, UnreadableImageError, type ProcessedImage } from './media.processing.js';
import * as repo from './media.repository.js';
import type { AttachmentListRow, MediaFilter, MediaUsage, PictureRow, PictureVariantRow } from './media.repository.js';
import { readJsonList, type JsonListOrder } from '../../db/json-list.js';
import { MediaInputError, parseMediaDetails, parseAttachmentLabels, type MediaDetails, type MediaDetailsInput, type MediaIssue } from './media.schemas.js';
import { documentPath, mediaUrl, removeFile, sha256Hex, storeFile, variantPath } from './media.storage.js';
import type { PhotoCredit } from './photo-credit.js';

export type { AttachmentListRow, MediaFilter, MediaUsage };

/** What the media service needs from the app. */
export type MediaDeps = Pick<AppDeps, 'db' | 'config' | 'now'>;

/** Who makes a change, for the audit log. */
export interface MediaActor {
  userId: number | null;
  /** The client's address, when the change came over HTTP. */
  ip?: string | undefined;
}

async function audit(deps: MediaDeps, db: Kysely<Database>, actor: MediaActor, action: string, subject: { kind: string; id: number }, summary: string) {
  await recordAudit(db, { userId: actor.userId, ip: actor.ip, at: deps.now(), action, subjectKind: subject.kind, subjectId: subject.id, summary });
}

export interface UploadInput extends MediaDetailsInput {
  /** The file's bytes; empty when no file was chosen. */
  data: Buffer;
  /** True when the upload was cut off at the size limit. */
  truncated?: boolean;
  /** The name the browser sent: kept for display and for a document's download name, never trusted for its type. */
  originalName: string;
  /** Which kind the form asks for; 'any' takes either, and asks for alt text only if the file is an image. */
  accept: MediaKind | 'any';
  userId: number | null;
  ip?: string | undefined;
  /** Problems the rest of the form already has (an attachment's label): reported with the file's own, and nothing is stored. */
  otherIssues?: Readonly<Record<string, MediaIssue>> | undefined;
}

export interface UploadResult {
  media: MediaRow;
  /** True when the same file was already in the library (nothing new was stored). */
  existing: boolean;
}

/** Longest file name kept; longer ones are shortened, keeping the extension. */
const MAX_NAME_LENGTH = 200;

function cleanName(name: string): string {
  // Browsers may send a path ("C:\fakepath\photo.jpg"); only the last part is the name.
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned || 'upload';
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

/**
 * Adds a file to the library. The file's type is read from its bytes (JPEG,
 * PNG, WebP or AVIF images; PDF documents), never from its name or the
 * browser's Content-Type. An image must have English alt text; it is stored
 * as variants (several widths in AVIF, WebP and JPEG, or PNG when it has
 * transparency) with no metadata. A file already in the library (same
 * SHA-256) is not stored again: the existing item is returned.
 *
 * Throws MediaInputError with every problem at once (too large, wrong type,
 * missing alt text, credit not understood).
 */
export async function uploadMedia(deps: MediaDeps, input: UploadInput): Promise<UploadResult> {
  const issues: Record<string, MediaIssue> = {};
  const maxBytes = deps.config.MEDIA_MAX_BYTES;
  let type: Awaited<ReturnType<typeof detectType>>;
  const missing: Record<MediaKind | 'any', MediaIssue['key']> = {
    image: 'media.error.imageRequired',
    document: 'media.error.documentRequired',
    any: 'media.error.fileRequired',
  };
  const wrong: Record<MediaKind | 'any', MediaIssue['key']> = {
    image: 'media.error.notImage',
    document: 'media.error.notPdf',
    any: 'media.error.notAccepted',
  };
  if (input.truncated || input.data.length > maxBytes) {
    issues.file = { key: 'media.error.tooLarge', max: maxBytes };
  } else if (input.data.length === 0) {
    issues.file = { key: missing[input.accept] };
  } else {
    type = await detectType(input.data);
    if (!type || (input.accept !== 'any' && type.kind !== input.accept)) {
      issues.file = { key: wrong[input.accept] };
      type = undefined;
    }
  }
  // Alt text is asked of images: of what the file is, or else of what the form wants.
  const kind: MediaKind = type?.kind ?? (input.accept === 'document' ? 'document' : 'image');
  const details = parseMediaDetails(input, kind);
  Object.assign(issues, details.issues, input.otherIssues);
  if (Object.keys(issues).length > 0 || !type) throw new MediaInputError(issues);

  const sha256 = sha256Hex(input.data);
  const known = await repo.findMediaBySha256(deps.db, sha256);
  if (known) return { media: known, existing: true };

  const now = deps.now().toISOString();
  const originalName = cleanName(input.originalName);
  const base = {
    kind: type.kind,
    original_name: originalName,
    mime: type.mime,
    bytes: input.data.length,
    sha256,
    ...detailColumns(details.value),
    created_by: input.userId,
    created_at: now,
    updated_at: now,
  };

  if (type.kind === 'document') {
    const path = documentPath(sha256, originalName);
    await storeFile(deps.config.MEDIA_DIR, path, input.data);
    const id = await insertOrFindRaced(deps.db, sha256, (db) =>
      db.transaction().execute(async (trx) => {
        const mediaId = await repo.insertMedia(trx, { ...base, alt_en: null, alt_vi: null, width: null, height: null, path });
        await audit(deps, trx, input, 'media.upload', { kind: 'media', id: mediaId }, `Uploaded document "${originalName}"`);
        return mediaId;
      }),
    );
    return { media: await getMedia(deps.db, id.id), existing: id.existing };
  }

  let image: ProcessedImage;
  try {
    image = await processImage(input.data, { maxPixels: deps.config.MEDIA_MAX_PIXELS });
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    throw new MediaInputError({
      file: error.reason === 'too_many_pixels' ? { key: 'media.error.tooManyPixels', maxPixels: deps.config.MEDIA_MAX_PIXELS } : { key: 'media.error.unreadable' },
    });
  }
  const variants = image.variants.map((v) => ({ ...v, path: variantPath(v.data, v.format) }));
  for (const v of variants) await storeFile(deps.config.MEDIA_DIR, v.path, v.data);
  const id = await insertOrFindRaced(deps.db, sha256, (db) =>
    db.transaction().execute(async (trx) => {
      const mediaId = await repo.insertMedia(trx, { ...base, width: image.width, height: image.height, path: null });
      await repo.insertVariants(
        trx,
        variants.map((v) => ({ media_id: mediaId, format: v.format, width: v.width, height: v.height, path: v.path, bytes: v.data.length })),
      );
      await audit(deps, trx, input, 'media.upload', { kind: 'media', id: mediaId }, `Uploaded image "${originalName}"`);
      return mediaId;
    }),
  );
  return { media: await getMedia(deps.db, id.id), existing: id.existing };
}

/**
 * Runs an insert; when it fails because someone else stored the same file a
 * moment earlier (the unique hash), answers with their item instead.
 */
async function insertOrFindRaced(
  db: Kysely<Database>,
  sha256: string,
  insert: (db: Kysely<Database>) => Promise<number>,
): Promise<{ id: number; existing: boolean }> {
  try {
    return { id: await insert(db), existing: false };
  } catch (error) {
    const raced = await repo.findMediaBySha256(db, sha256);
    if (raced) return { id: raced.id, existing: true };
    throw error;
  }
}

function detailColumns(details: MediaDetails) {
  return {
    alt_en: details.altEn,
    alt_vi: details.altVi,
    credit_holder: details.credit?.holder ?? null,
    credit_photographer: details.credit?.photographer ?? null,
    credit_year: details.credit?.year ?? null,
  };
}

/** A media item by id; NotFoundError when there is none. */
export async function getMedia(db: Kysely<Database>, id: number): Promise<MediaRow> {
  const row = await repo.findMediaById(db, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** Changes an item's alt text and credit (the file itself never changes). Throws MediaInputError. */
export async function updateMediaDetails(deps: MediaDeps, id: number, input: MediaDetailsInput, actor: MediaActor): Promise<MediaRow> {
  const current = await getMedia(deps.db, id);
  const details = parseMediaDetails(input, current.kind);
  if (Object.keys(details.issues).length > 0) throw new MediaInputError(details.issues);
  const columns = detailColumns(details.value);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateMedia(trx, id, {
      ...(current.kind === 'image' ? columns : { ...columns, alt_en: null, alt_vi: null }),
      updated_at: deps.now().toISOString(),
    });
    await audit(deps, trx, actor, 'media.update', { kind: 'media', id }, `Changed the description or credit of "${current.original_name}"`);
  });
  return getMedia(deps.db, id);
}

/** Where an item is used (articles' heroes, events' attachments). */
export async function getMediaUsage(db: Kysely<Database>, id: number): Promise<MediaUsage> {
  return repo.findMediaUsage(db, id);
}

/**
 * Removes an item and its files. Refused with ConflictError while any article
 * or event uses it. A variant file that another item also produced (the same
 * picture uploaded with different metadata) stays on disk.
 */
export async function deleteMedia(deps: MediaDeps, id: number, actor: MediaActor): Promise<MediaRow> {
  const media = await getMedia(deps.db, id);
  const paths = await deps.db.transaction().execute(async (trx) => {
    const usage = await repo.findMediaUsage(trx, id);
    if (usage.articles.length > 0 || usage.events.length > 0) {
      throw new ConflictError('This file is in use and cannot be deleted. Remove it from the articles and events that use it first.');
    }
    const variants = await repo.listVariants(trx, [id]);
    const variantPaths = variants.map((v) => v.path);
    const shared = await repo.pathsUsedElsewhere(trx, variantPaths, id);
    await repo.deleteMediaRow(trx, id);
    await audit(deps, trx, actor, 'media.delete', { kind: 'media', id }, `Deleted "${media.original_name}"`);
    return [...variantPaths.filter((p) => !shared.has(p)), ...(media.path ? [media.path] : [])];
  });
  for (const path of new Set(paths)) await removeFile(deps.config.MEDIA_DIR, path);
  return media;
}

/** Library items per page: a grid of 4 × 6 on a wide screen. */
export const LIBRARY_PAGE_SIZE = 24;

export interface MediaListing {
  info: PageInfo;
  rows: MediaRow[];
}

/** One page of the library, newest first; NotFoundError past the last page. */
export async function listMediaPage(db: Kysely<Database>, filter: MediaFilter, page: number, pageSize = LIBRARY_PAGE_SIZE): Promise<MediaListing> {
  const total = await repo.countMedia(db, filter);
  const info = pageInfo(page, total, pageSize);
  if (page > info.pages) throw new NotFoundError();
  const rows = await repo.listMedia(db, filter, info.pageSize, info.offset);
  return { info, rows };
}

/** How many images a picker offers: recent enough to find this week's photos without scrolling forever. */
export const PICKER_SIZE = 24;

/** The newest images, for a picker; `includeId` is added when it is older (the one currently chosen). */
export async function listRecentImages(db: Kysely<Database>, includeId?: number | null): Promise<MediaRow[]> {
  const rows = await repo.listMedia(db, { kind: 'image' }, PICKER_SIZE, 0);
  if (includeId && !rows.some((r) => r.id === includeId)) {
    const chosen = await repo.findMediaById(db, includeId);
    if (chosen?.kind === 'image') rows.unshift(chosen);
  }
  return rows;
}

/** How many library documents the attach form offers: this season's agendas and notes. */
const DOCUMENT_CHOICES = 50;

/** The newest documents in the library, to attach one to an event. */
export async function listDocumentChoices(db: Kysely<Database>): Promise<MediaRow[]> {
  return repo.listDocuments(db, DOCUMENT_CHOICES);
}

/** An event's English title, status and author; NotFoundError when there is no such event. */
export async function getEventForAttachments(db: Kysely<Database>, eventId: number) {
  const event = await repo.findEventSummary(db, eventId);
  if (!event) throw new NotFoundError();
  return event;
}

/** An event's attachments in order. */
export async function listEventAttachments(db: Kysely<Database>, eventId: number): Promise<AttachmentListRow[]> {
  return repo.listEventAttachments(db, eventId);
}

export interface AttachmentLabelsInput {
  labelEn?: string | undefined;
  labelVi?: string | undefined;
}

/** Attaches a document from the library to an event, last in the list. Throws MediaInputError, NotFoundError or ConflictError. */
export async function attachDocument(deps: MediaDeps, eventId: number, mediaId: number, input: AttachmentLabelsInput, actor: MediaActor): Promise<void> {
  const labels = parseAttachmentLabels(input);
  if (Object.keys(labels.issues).length > 0) throw new MediaInputError(labels.issues);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.eventExists(trx, eventId))) throw new NotFoundError();
    const media = await repo.findMediaById(trx, mediaId);
    if (!media || media.kind !== 'document') throw new NotFoundError();
    if (await repo.findEventAttachment(trx, eventId, mediaId)) {
      throw new ConflictError('This document is already attached to the event.');
    }
    const position = (await repo.maxAttachmentPosition(trx, eventId)) + 1;
    await repo.insertEventAttachment(trx, { event_id: eventId, media_id: mediaId, position, label_en: labels.value.labelEn, label_vi: labels.value.labelVi });
    await audit(deps, trx, actor, 'event.attach', { kind: 'event', id: eventId }, `Attached "${media.original_name}" as "${labels.value.labelEn}"`);
  });
}

/** Changes an attachment's labels. Throws MediaInputError or NotFoundError. */
export async function relabelAttachment(deps: MediaDeps, eventId: number, mediaId: number, input: AttachmentLabelsInput, actor: MediaActor): Promise<void> {
  const labels = parseAttachmentLabels(input);
  if (Object.keys(labels.issues).length > 0) throw new MediaInputError(labels.issues);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findEventAttachment(trx, eventId, mediaId))) throw new NotFoundError();
    await repo.updateEventAttachment(trx, eventId, mediaId, { label_en: labels.value.labelEn, label_vi: labels.value.labelVi });
    await audit(deps, trx, actor, 'event.relabel_attachment', { kind: 'event', id: eventId }, `Relabelled an attachment "${labels.value.labelEn}"`);
  });
}

/** Moves an attachment one place up or down; at either end nothing changes. Positions are renumbered 1…n. */
export async function moveAttachment(deps: MediaDeps, eventId: number, mediaId: number, direction: 'up' | 'down', actor: MediaActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const list = await repo.listEventAttachments(trx, eventId);
    const index = list.findIndex((a) => a.media_id === mediaId);
    if (index < 0) throw new NotFoundError();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other >= 0 && other < list.length) [list[index], list[other]] = [list[other]!, list[index]!];
    for (const [i, a] of list.entries()) {
      if (a.position !== i + 1) await repo.updateEventAttachment(trx, eventId, a.media_id, { position: i + 1 });
    }
    await audit(deps, trx, actor, 'event.reorder_attachments', { kind: 'event', id: eventId }, `Moved "${list.find((a) => a.media_id === mediaId)?.label_en ?? ''}" ${direction}`);
  });
}

/** Detaches a document from an event (the document stays in the library). */
export async function detachDocument(deps: MediaDeps, eventId: number, mediaId: number, actor: MediaActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const attachment = await repo.findEventAttachment(trx, eventId, mediaId);
    if (!attachment) throw new NotFoundError();
    await repo.deleteEventAttachment(trx, eventId, mediaId);
    await audit(deps, trx, actor, 'event.detach', { kind: 'event', id: eventId }, `Removed the attachment "${attachment.label_en}"`);
  });
}

/** One size of an image in one format. */
export interface PictureSource {
  url: string;
  width: number;
  height: number;
}

/** What a page needs to show a library image: its sizes per format, alt texts and credit. */
export interface PictureImage {
  id: number;
  width: number;
  height: number;
  altEn: string;
  altVi: string | null;
  credit: PhotoCredit | null;
  avif: PictureSource[];
  webp: PictureSource[];
  /** JPEG, or PNG for an image with transparency; what browsers without AVIF/WebP get. */
  fallback: PictureSource[];
  fallbackType: 'image/jpeg' | 'image/png';
}

/** Library images by id, ready for `Picture`; ids that are not images (or are gone) are left out. */
export async function loadPictures(db: Kysely<Database>, ids: readonly (number | null | undefined)[]): Promise<Map<number, PictureImage>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const pictures = new Map<number, PictureImage>();
  if (wanted.length === 0) return pictures;
  const [rows, variants] = await Promise.all([
    repo.listImages(db, wanted),
    repo.listVariants(db, wanted),
  ]);
  for (const row of rows) pictures.set(row.id, pictureOf(row, variants.filter((v) => v.media_id === row.id)));
  return pictures;
}

/** A library image for `Picture` from its row and its variants (smallest first within each format). */
function pictureOf(row: PictureRow, own: readonly PictureVariantRow[]): PictureImage {
  const source = (v: PictureVariantRow): PictureSource => ({ url: mediaUrl(v.path), width: v.width, height: v.height });
  const png = own.some((v) => v.format === 'png');
  return {
    id: row.id,
    width: row.width ?? 0,
    height: row.height ?? 0,
    altEn: row.alt_en ?? '',
    altVi: row.alt_vi,
    credit: row.credit_holder ? { holder: row.credit_holder, photographer: row.credit_photographer, year: row.credit_year } : null,
    avif: own.filter((v) => v.format === 'avif').map(source),
    webp: own.filter((v) => v.format === 'webp').map(source),
    fallback: own.filter((v) => v.format === (png ? 'png' : 'jpeg')).map(source),
    fallbackType: png ? 'image/png' : 'image/jpeg',
  };
}

/** Variants as listVariants gives them: by format, then width. */
const VARIANT_ORDER: JsonListOrder<PictureVariantRow> = ['format', 'width'];

/**
 * A page's hero read with its item (`heroColumns` in media.repository.ts):
 * the picture, or null when the item has none or it is not an image.
 */
export function heroFromColumns(columns: { hero_image: unknown; hero_variants: unknown }): PictureImage | null {
  const [row] = readJsonList<PictureRow>(columns.hero_image);
  return row === undefined ? null : pictureOf(row, readJsonList<PictureVariantRow>(columns.hero_variants, VARIANT_ORDER));
}

/** One library image for `Picture`, or null when `id` is null or not an image. */
export async function loadPicture(db: Kysely<Database>, id: number | null | undefined): Promise<PictureImage | null> {
  if (id === null || id === undefined) return null;
  return (await loadPictures(db, [id])).get(id) ?? null;
}

/**
 * What is wrong with a hero chosen from the library, by its form field:
 * nothing, or that the image was deleted while the form was open. Every kind
 * with a hero checks its choice with this when it saves.
 */
export async function heroChoiceProblems(db: Kysely<Database>, heroMediaId: number | null | undefined): Promise<{ hero_media_id?: 'editing.error.heroMissing' }> {
  if (heroMediaId === null || heroMediaId === undefined || (await loadPictures(db, [heroMediaId])).has(heroMediaId)) return {};
  return { hero_media_id: 'editing.error.heroMissing' };
}

/** The images a picker offers (`MediaPickerField`): the newest, and `selectedId` even when older. */
export async function loadImageChoices(db: Kysely<Database>, selectedId?: number | null): Promise<PictureImage[]> {
  const rows = await listRecentImages(db, selectedId);
  const pictures = await loadPictures(db, rows.map((r) => r.id));
  return rows.map((r) => pictures.get(r.id)).filter((p): p is PictureImage => p !== undefined);
}

/** What a form with a hero picker loads besides its values. */
export interface HeroFormExtras {
  /** The library images the hero may be chosen from (the newest, and the chosen one). */
  heroChoices: readonly PictureImage[];
}

/**
 * The images a hero picker offers for a form's hero (typed or stored): the
 * newest, and the chosen one even when older. A kind with a hero gives this
 * as its form's extras.
 */
export async function loadHeroChoices(db: Kysely<Database>, values: { hero_media_id: string }): Promise<HeroFormExtras> {
  const value = values.hero_media_id;
  return { heroChoices: await loadImageChoices(db, /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null) };
}

/** The size of a library image to offer link previews and search engines: the widest fallback (JPEG or PNG), which every reader decodes. */
export function shareableImage(picture: PictureImage, lang: 'en' | 'vi'): { url: string; width: number; height: number; alt: string } | undefined {
  const widest = picture.fallback[picture.fallback.length - 1];
  if (!widest) return undefined;
  return { url: widest.url, width: widest.width, height: widest.height, alt: lang === 'vi' && picture.altVi ? picture.altVi : picture.altEn };
}
