import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import {
  avifImage,
  brokenJpeg,
  exifHasGps,
  fakeImage,
  gifImage,
  jpegWithGps,
  pdfDocument,
  pngWithAlpha,
  webpImage,
} from '../../../test/helpers/images.js';
import { detectType, processImage, SerialQueue, UnreadableImageError, variantWidths } from './media.processing.js';

/** The default MEDIA_MAX_PIXELS. */
const LIMITS = { maxPixels: 40_000_000 };

describe('detectType', () => {
  test('reads the type from the bytes', async () => {
    assert.deepEqual(await detectType(await jpegWithGps(40, 30)), { kind: 'image', mime: 'image/jpeg' });
    assert.deepEqual(await detectType(await pngWithAlpha(40, 30)), { kind: 'image', mime: 'image/png' });
    assert.deepEqual(await detectType(await webpImage(40, 30)), { kind: 'image', mime: 'image/webp' });
    assert.deepEqual(await detectType(await avifImage(40, 30)), { kind: 'image', mime: 'image/avif' });
    assert.deepEqual(await detectType(pdfDocument()), { kind: 'document', mime: 'application/pdf' });
  });

  test('refuses text, GIF and unknown bytes', async () => {
    assert.equal(await detectType(fakeImage()), undefined);
    assert.equal(await detectType(await gifImage()), undefined);
    assert.equal(await detectType(Buffer.alloc(0)), undefined);
  });
});

describe('variantWidths', () => {
  test('standard widths below the image, then its own width; never enlarged', () => {
    assert.deepEqual(variantWidths(4000), [320, 640, 960, 1280, 1920]);
    assert.deepEqual(variantWidths(1920), [320, 640, 960, 1280, 1920]);
    assert.deepEqual(variantWidths(1000), [320, 640, 960, 1000]);
    assert.deepEqual(variantWidths(640), [320, 640]);
    assert.deepEqual(variantWidths(200), [200]);
  });
});

describe('processImage', () => {
  test('strips EXIF and GPS and applies the camera orientation', async () => {
    const input = await jpegWithGps(800, 600, 6);
    const before = await sharp(input).metadata();
    // The test image really carries what must be removed.
    assert.ok(exifHasGps(before.exif), 'the input has a GPS directory');
    assert.equal(before.orientation, 6);

    const result = await processImage(input, LIMITS);
    // Orientation 6 is a quarter turn: the stored image is portrait.
    assert.equal(result.width, 600);
    assert.equal(result.height, 800);
    assert.equal(result.fallback, 'jpeg');
    for (const variant of result.variants) {
      const meta = await sharp(variant.data).metadata();
      assert.equal(meta.exif, undefined, `${variant.format} ${variant.width} has no EXIF`);
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
      assert.equal(meta.orientation, undefined);
      assert.ok(meta.width < meta.height, 'pixels are turned upright');
      assert.ok(!variant.data.includes(Buffer.from('Test Photographer')), 'no copyright text from the EXIF');
      assert.ok(!variant.data.includes(Buffer.from('TestCam')));
    }
  });

  test('makes AVIF, WebP and JPEG at each width, never larger than the original', async () => {
    const result = await processImage(await jpegWithGps(700, 350), LIMITS);
    const summary = result.variants.map((v) => `${v.format}:${v.width}x${v.height}`);
    assert.deepEqual(summary, [
      'avif:320x160', 'webp:320x160', 'jpeg:320x160',
      'avif:640x320', 'webp:640x320', 'jpeg:640x320',
      'avif:700x350', 'webp:700x350', 'jpeg:700x350',
    ]);
    for (const v of result.variants) {
      const meta = await sharp(v.data).metadata();
      assert.equal(meta.format === 'heif' ? 'avif' : meta.format, v.format);
      assert.equal(meta.width, v.width);
    }
  });

  test('a transparent PNG keeps its transparency: PNG instead of JPEG', async () => {
    const result = await processImage(await pngWithAlpha(400, 300), LIMITS);
    assert.equal(result.fallback, 'png');
    assert.deepEqual(
      result.variants.map((v) => v.format),
      ['avif', 'webp', 'png', 'avif', 'webp', 'png'],
    );
    const largestPng = result.variants.filter((v) => v.format === 'png').pop();
    assert.ok(largestPng);
    assert.equal((await sharp(largestPng.data).metadata()).hasAlpha, true);
  });

  test('bytes that look like a JPEG but do not decode are refused', async () => {
    await assert.rejects(processImage(brokenJpeg(), LIMITS), (error: unknown) => error instanceof UnreadableImageError && error.reason === 'unreadable');
  });
});

describe('images that would take the server memory', () => {
  /** A canvas of one colour compresses to almost nothing whatever size it declares. */
  async function hugeCanvas(width: number, height: number): Promise<Buffer> {
    return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
  }

  test('a 145 KB PNG declaring 49000 × 1000 pixels is refused from its header, before decoding', async () => {
    const png = await hugeCanvas(49_000, 1_000);
    assert.ok(png.length < 200_000, `the file is small (${png.length} bytes)`);
    await assert.rejects(
      processImage(png, LIMITS),
      (error: unknown) => error instanceof UnreadableImageError && error.reason === 'too_many_pixels',
    );
  });

  test('the limit is the one given: just under it is processed, just over it refused', async () => {
    const png = await hugeCanvas(1_100, 1_000);
    await assert.rejects(processImage(png, { maxPixels: 1_000_000 }), (error: unknown) => error instanceof UnreadableImageError && error.reason === 'too_many_pixels');
    const result = await processImage(png, { maxPixels: 1_100_000 });
    assert.equal(result.width, 1_100);
  });

  test('libvips keeps no cache of decoded images and works on one thread', async () => {
    await processImage(await jpegWithGps(200, 100), LIMITS);
    assert.equal(sharp.cache().memory.max, 0, 'no operation cache');
    assert.equal(sharp.cache().items.max, 0);
    assert.equal(sharp.concurrency(), 1);
  });
});

describe('SerialQueue', () => {
  test('runs one task at a time, in order, and a failure does not stop the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const gates = [0, 1, 2].map(() => {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve: () => resolve() };
    });
    const tasks = [0, 1, 2].map((i) =>
      queue.run(async () => {
        log.push(`start ${i}`);
        await gates[i]!.promise;
        log.push(`end ${i}`);
        if (i === 1) throw new Error('task 1 fails');
        return i;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(log, ['start 0'], 'the others wait');
    assert.deepEqual(queue.stats(), { running: 1, waiting: 2, peakRunning: 1, peakWaiting: 3 });
    gates[2]!.resolve();
    gates[1]!.resolve();
    gates[0]!.resolve();
    const settled = await Promise.allSettled(tasks);
    assert.deepEqual(log, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(queue.stats(), { running: 0, waiting: 0, peakRunning: 1, peakWaiting: 3 });
  });
});
