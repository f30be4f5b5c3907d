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

/**
 * The largest image accepted, in pixels (about 8000 × 6000). A small file can
 * declare a huge canvas; decoding one would take the server's memory.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

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
 * sharp (libvips) is loaded at the first upload, not at start: most
 * instances only serve pages, and it adds about 10 MB to a process.
 */
async function loadSharp(): Promise<typeof SharpFactory> {
  return (await import('sharp')).default;
}

/**
 * Makes the variants of an image: each width in AVIF, WebP and the fallback
 * format (JPEG, or PNG for images with transparency). The camera's
 * orientation is applied to the pixels, and no metadata (EXIF, GPS, XMP,
 * IPTC, colour profile) is written to any variant: sharp keeps none unless
 * asked, and the pixels are converted to sRGB. Encodes one variant at a
 * time, so an upload uses one core.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const open = (input: Uint8Array): Sharp => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  let width: number;
  let height: number;
  let hasAlpha: boolean;
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    width = meta.autoOrient.width;
    height = meta.autoOrient.height;
    hasAlpha = meta.hasAlpha;
  } catch (error) {
    throw new UnreadableImageError(/pixel limit/i.test(String(error)) ? 'too_many_pixels' : 'unreadable', { cause: error });
  }
  const fallback = hasAlpha ? 'png' : 'jpeg';
  const variants: EncodedVariant[] = [];
  try {
    for (const target of variantWidths(width)) {
      for (const format of ['avif', 'webp', fallback] as const) {
        const resized = open(bytes).resize({ width: target, withoutEnlargement: true });
        const { data, info } = await ENCODERS[format](resized).toBuffer({ resolveWithObject: true });
        variants.push({ format, width: info.width, height: info.height, data });
      }
    }
  } catch (error) {
    throw new UnreadableImageError('unreadable', { cause: error });
  }
  return { width, height, fallback, variants };
}
