/** Small files made on the spot for upload tests: real images, a fake one, a PDF. */
import sharp from 'sharp';

/** A flat-colour JPEG carrying EXIF with GPS coordinates (Ha Noi), a copyright and, optionally, a rotation. */
export async function jpegWithGps(width = 800, height = 600, orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } }).withExif({
    IFD0: { Copyright: 'Test Photographer', Make: 'TestCam' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
  });
  if (orientation) image = image.withMetadata({ orientation });
  return image.jpeg({ quality: 80 }).toBuffer();
}

/** A PNG with a transparent area. */
export async function pngWithAlpha(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

export async function webpImage(width = 500, height = 500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#208040' } }).webp().toBuffer();
}

export async function avifImage(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#804020' } }).avif({ effort: 0 }).toBuffer();
}

export async function gifImage(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).gif().toBuffer();
}

/** Text pretending to be an image: what a renamed file or a spoofed Content-Type looks like. */
export function fakeImage(): Buffer {
  return Buffer.from('<?php echo "this is not a picture"; ?>\n'.repeat(20));
}

/** JPEG's first bytes followed by garbage: passes a magic-number check, fails to decode. */
export function brokenJpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(2000, 0x41)]);
}

/** A minimal one-page PDF. */
export function pdfDocument(title = 'Agenda'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** True when a JPEG/TIFF EXIF block holds a GPS directory pointer (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}
