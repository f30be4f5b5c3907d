/**
 * Files under MEDIA_DIR. Every stored name is derived from the file's own
 * content hash, so a URL always means the same bytes (and may be cached for a
 * year), the same variant is never stored twice, and a name can never be
 * chosen by whoever uploaded the file.
 *
 *   i/<2 hex>/<32 hex>.<avif|webp|jpg|png>   image variants
 *   d/<32 hex>/<name>.pdf                    documents, under a readable name
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { MediaFormat } from '../../db/schema.js';
import { slugify } from '../../shared/text/slugify.js';

/** 128 bits of the SHA-256: no two different files will share a name. */
const NAME_HASH_LENGTH = 32;

const EXTENSIONS: Record<MediaFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

/** MIME types by extension, for serving. */
export const CONTENT_TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The only relative paths that exist under MEDIA_DIR: anything else (`..`, slashes, odd names) is not a stored file. */
const STORED_PATH = /^(?:i\/[0-9a-f]{2}\/[0-9a-f]{32}\.(?:avif|webp|jpg|png)|d\/[0-9a-f]{32}\/[a-z0-9][a-z0-9-]{0,99}\.pdf)$/;

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Where an image variant with these bytes is stored. */
export function variantPath(data: Uint8Array, format: MediaFormat): string {
  const hash = sha256Hex(data).slice(0, NAME_HASH_LENGTH);
  return `i/${hash.slice(0, 2)}/${hash}.${EXTENSIONS[format]}`;
}

/** Where a document is stored: its hash as the folder, and its original name made safe ("Concept note (final).PDF" → "concept-note-final.pdf"). */
export function documentPath(sha256: string, originalName: string): string {
  const base = originalName.replace(/\.[^.]*$/, '');
  const name = slugify(base, 100) || 'document';
  return `d/${sha256.slice(0, NAME_HASH_LENGTH)}/${name}.pdf`;
}

/** True when `path` has the shape of a stored file's path. */
export function isStoredPath(path: string): boolean {
  return STORED_PATH.test(path);
}

/** The absolute file for a stored path; throws for anything that is not one, so a request can never leave MEDIA_DIR. */
export function absolutePath(mediaDir: string, path: string): string {
  if (!isStoredPath(path)) throw new Error(`Not a stored media path: ${path}`);
  const root = resolve(mediaDir);
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) throw new Error(`Media path escapes the media folder: ${path}`);
  return full;
}

/** Writes a file unless it is already there; a temporary name and a rename mean no reader ever sees half a file. */
export async function storeFile(mediaDir: string, path: string, data: Uint8Array): Promise<void> {
  const full = absolutePath(mediaDir, path);
  if (await fileExists(full)) return;
  await mkdir(dirname(full), { recursive: true });
  const temporary = `${full}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, full);
}

/** Removes a stored file (and a document's folder); a file already gone is not an error. */
export async function removeFile(mediaDir: string, path: string): Promise<void> {
  const full = absolutePath(mediaDir, path);
  await rm(path.startsWith('d/') ? dirname(full) : full, { force: true, recursive: path.startsWith('d/') });
}

export async function fileExists(full: string): Promise<boolean> {
  try {
    return (await stat(full)).isFile();
  } catch {
    return false;
  }
}

/** The public URL of a stored file. */
export function mediaUrl(path: string): string {
  return `/media/${path}`;
}
