/**
 * What an upload is, decided from its bytes, and the responsive variants of
 * an image. Nothing here touches the database or the disk.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { default as SharpFactory, Sharp } from 'sharp';
import type { MediaFormat, MediaKind } from '../../db/schema.js';

/** The types accepted, by what the bytes say they are (never the name or the Content-Type). */
const ACCEPTED: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/avif': 'image',
  'application/pdf': 'document',
};

export interface DetectedType {
  kind: MediaKind;
  mime: string;
}

/** The kind and MIME type of an upload from its first bytes; undefined when it is none of the accepted types. */
export async function detectType(bytes: Uint8Array): Promise<DetectedType | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return undefined;
  const kind = ACCEPTED[found.mime];
  return kind ? { kind, mime: found.mime } : undefined;
}

/**
 * Widths made of every image, in CSS pixels × density: from a phone's list
 * thumbnail (320) to the hero at its widest (60rem = 960 px) on a 2× screen
 * (1920). An image narrower than a width is never enlarged: its own width is
 * the largest variant instead.
 */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
const LARGEST_WIDTH = 1920;

/** Encoder settings: quality chosen by eye for photographs; AVIF effort 2 because effort 4 takes ten times longer on a large image for about 5% smaller files. */
const ENCODERS: Record<MediaFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  jpeg: (image) => image.jpeg({ quality: 80, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
};

export interface EncodedVariant {
  format: MediaFormat;
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  /** Size after applying the camera's orientation. */
  width: number;
  height: number;
  /** The fallback format: JPEG, or PNG when the image has transparency. */
  fallback: 'jpeg' | 'png';
  variants: EncodedVariant[];
}

/** The widths to make for an image `width` pixels wide: the standard widths below it, and its own width capped at the largest. */
export function variantWidths(width: number): number[] {
  const largest = Math.min(width, LARGEST_WIDTH);
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < largest);
  widths.push(largest);
  return widths;
}

/** Thrown when the bytes claim to be an image but cannot be decoded, or are too large to decode. */
export class UnreadableImageError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too_many_pixels',
    options?: ErrorOptions,
  ) {
    super(reason === 'unreadable' ? 'The image could not be read.' : 'The image has too many pixels.', options);
    this.name = 'UnreadableImageError';
  }
}

/**
 * Runs tasks one after another, in the order they were given: a small queue
 * with a concurrency of one. A failed task does not stop the next. Its
 * counts (and their highest values since the last reset) say what it is
 * doing, for logs and tests.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;
  private waiting = 0;
  private peakRunning = 0;
  private peakWaiting = 0;

  /** Runs `task` once every task given before it has finished; settles as `task` does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    this.peakWaiting = Math.max(this.peakWaiting, this.waiting);
    const result = this.tail.then(async () => {
      this.waiting -= 1;
      this.running += 1;
      this.peakRunning = Math.max(this.peakRunning, this.running);
      try {
        return await task();
      } finally {
        this.running -= 1;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Tasks running and waiting now, and the most of each at once since the last reset. */
  stats(): { running: number; waiting: number; peakRunning: number; peakWaiting: number } {
    return { running: this.running, waiting: this.waiting, peakRunning: this.peakRunning, peakWaiting: this.peakWaiting };
  }

  resetPeaks(): void {
    this.peakRunning = this.running;
    this.peakWaiting = this.waiting;
  }
}

/**
 * Every image of the process is decoded and encoded through this queue, one
 * at a time: each decode holds up to a few hundred MB outside the JavaScript
 * heap, and eight at once took a server from 350 MB to 1.5 GB.
 */
export const imageWork = new SerialQueue();

let sharpModule: Promise<typeof SharpFactory> | undefined;

/**
 * sharp (libvips) is loaded at the first upload, not at start: most
 * instances only serve pages, and it adds about 10 MB to a process. Its
 * operation cache is turned off (an upload is never decoded twice, and the
 * cache would keep decoded images after the upload is done) and libvips
 * works on one thread, so one image at a time uses one core and one set of
 * buffers.
 */
function loadSharp(): Promise<typeof SharpFactory> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return sharpModule;
}

export interface ProcessOptions {
  /** The most pixels (width × height, as declared) an image may have: MEDIA_MAX_PIXELS. */
  maxPixels: number;
}

/**
 * Makes the variants of an image: each width in AVIF, WebP and the fallback
 * format (JPEG, or PNG for images with transparency). The camera's
 * orientation is applied to the pixels, and no metadata (EXIF, GPS, XMP,
 * IPTC, colour profile) is written to any variant: sharp keeps none unless
 * asked, and the pixels are converted to sRGB.
 *
 * The size the header declares is checked before anything is decoded (a
 * file of 145 KB can declare 49 megapixels); then the image waits its turn
 * in `imageWork`, and its variants are encoded one at a time.
 */
export async function processImage(bytes: Uint8Array, options: ProcessOptions): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const limits = { limitInputPixels: options.maxPixels, failOn: 'error' } as const;
  let width: number;
  let height: number;
  let hasAlpha: boolean;
  try {
    // Reads the header only. Checked here too, not only by libvips, so that the refusal does not rest on an error's wording.
    const meta = await sharp(bytes, limits).metadata();
    if (meta.width * meta.height > options.maxPixels) throw new UnreadableImageError('too_many_pixels');
    width = meta.autoOrient.width;
    height = meta.autoOrient.height;
    hasAlpha = meta.hasAlpha;
  } catch (error) {
    if (error instanceof UnreadableImageError) throw error;
    throw new UnreadableImageError(/pixel limit/i.test(String(error)) ? 'too_many_pixels' : 'unreadable', { cause: error });
  }
  const fallback = hasAlpha ? 'png' : 'jpeg';
  return imageWork.run(async () => {
    const variants: EncodedVariant[] = [];
    try {
      for (const target of variantWidths(width)) {
        for (const format of ['avif', 'webp', fallback] as const) {
          const resized = sharp(bytes, limits).autoOrient().resize({ width: target, withoutEnlargement: true });
          const { data, info } = await ENCODERS[format](resized).toBuffer({ resolveWithObject: true });
          variants.push({ format, width: info.width, height: info.height, data });
        }
      }
    } catch (error) {
      throw new UnreadableImageError('unreadable', { cause: error });
    }
    return { width, height, fallback, variants };
  });
}
