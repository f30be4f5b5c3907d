import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import sharp from 'sharp';
import { loadEnv } from '../../config/env.js';
import type { DatabaseHandle } from '../../db/database.js';
import { createTestUser } from '../../../test/helpers/admin-session.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { fakeImage, jpegWithGps, pdfDocument, pngWithAlpha } from '../../../test/helpers/images.js';
import { tempDirForBlock } from '../../../test/helpers/temp-dir.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { MediaInputError } from './media.schemas.js';
import {
  attachDocument,
  deleteMedia,
  detachDocument,
  listEventAttachments,
  listMediaPage,
  listRecentImages,
  loadPicture,
  moveAttachment,
  relabelAttachment,
  updateMediaDetails,
  uploadMedia,
  type MediaDeps,
  type UploadInput,
} from './media.service.js';

const NOW = new Date('2026-11-23T02:00:00Z');

function issuesOf(error: unknown): Record<string, string> {
  assert.ok(error instanceof MediaInputError, `expected MediaInputError, got ${String(error)}`);
  return Object.fromEntries(Object.entries(error.issues).map(([field, issue]) => [field, issue.key]));
}

/** Every file under the media folder, as relative paths. */
function storedFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe('media service', () => {
  let handle: DatabaseHandle;
  let dir: string;
  let deps: MediaDeps;
  let clock = NOW;
  // Who makes the changes (the audit log refers to a real account).
  let ACTOR: { userId: number; ip: string };

  beforeEach(async () => {
    handle = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'almanac-media-test-'));
    clock = NOW;
    deps = { db: handle.db, config: loadEnv({ MEDIA_DIR: dir, MEDIA_MAX_BYTES: '200000' }), now: () => clock };
    ACTOR = { userId: (await createTestUser(handle.db, { role: 'editor' })).id, ip: '203.0.113.9' };
  });
  afterEach(async () => {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function image(overrides: Partial<UploadInput> = {}): Promise<UploadInput> {
    return {
      data: await jpegWithGps(700, 400),
      originalName: 'IMG_0042.JPG',
      altEn: 'Workers at a garment factory in Hai Phong',
      accept: 'image',
      ...ACTOR,
      ...overrides,
    };
  }

  test('an image is stored as variants with its alt text and credit, and can be shown', async () => {
    const { media, existing } = await uploadMedia(deps, await image({ altVi: 'Công nhân tại một nhà máy may', credit: 'ILO/Nguyen Hai Dat 2024' }));
    assert.equal(existing, false);
    assert.equal(media.kind, 'image');
    assert.equal(media.mime, 'image/jpeg');
    assert.equal(media.width, 700);
    assert.equal(media.height, 400);
    assert.equal(media.alt_en, 'Workers at a garment factory in Hai Phong');
    assert.equal(media.alt_vi, 'Công nhân tại một nhà máy may');
    assert.deepEqual([media.credit_holder, media.credit_photographer, media.credit_year], ['ILO', 'Nguyen Hai Dat', 2024]);
    assert.equal(media.created_by, ACTOR.userId);
    assert.equal(media.created_at, NOW.toISOString());
    assert.match(media.sha256, /^[0-9a-f]{64}$/);

    const files = storedFiles(dir);
    assert.equal(files.length, 9, '3 widths × 3 formats');
    for (const f of files) assert.match(f, /^i\/[0-9a-f]{2}\/[0-9a-f]{32}\.(avif|webp|jpg)$/);

    const picture = await loadPicture(handle.db, media.id);
    assert.ok(picture);
    assert.deepEqual(picture.avif.map((s) => s.width), [320, 640, 700]);
    assert.deepEqual(picture.fallback.map((s) => s.width), [320, 640, 700]);
    assert.equal(picture.fallbackType, 'image/jpeg');
    assert.deepEqual(picture.credit, { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 });
    for (const s of [...picture.avif, ...picture.webp, ...picture.fallback]) {
      assert.ok(existsSync(join(dir, s.url.replace(/^\/media\//, ''))), `${s.url} exists`);
    }
    // No stored file keeps the camera's GPS.
    for (const f of files) assert.equal((await sharp(join(dir, f)).metadata()).exif, undefined);
  });

  test('the same file uploaded again is the same item, stored once', async () => {
    const data = await jpegWithGps(500, 300);
    const first = await uploadMedia(deps, await image({ data }));
    const before = storedFiles(dir);
    const second = await uploadMedia(deps, await image({ data, originalName: 'copy.jpg', altEn: 'Another description' }));
    assert.equal(second.existing, true);
    assert.equal(second.media.id, first.media.id);
    assert.equal(second.media.alt_en, first.media.alt_en);
    assert.deepEqual(storedFiles(dir), before);
  });

  test('the type comes from the bytes, not the name: text named .jpg is refused', async () => {
    await assert.rejects(uploadMedia(deps, await image({ data: fakeImage(), originalName: 'photo.jpg' })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.notImage' });
      return true;
    });
    assert.deepEqual(storedFiles(dir), []);
  });

  test('a PDF is not an image, and an image is not a document', async () => {
    await assert.rejects(uploadMedia(deps, await image({ data: pdfDocument(), originalName: 'photo.jpg' })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.notImage' });
      return true;
    });
    await assert.rejects(uploadMedia(deps, await image({ accept: 'document', originalName: 'agenda.pdf' })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.notPdf' });
      return true;
    });
  });

  test("the library's form takes either kind, asking alt text of images only", async () => {
    const doc = await uploadMedia(deps, { data: pdfDocument(), originalName: 'a.pdf', accept: 'any', userId: ACTOR.userId });
    assert.equal(doc.media.kind, 'document');
    const img = await uploadMedia(deps, await image({ accept: 'any' }));
    assert.equal(img.media.kind, 'image');
    await assert.rejects(uploadMedia(deps, await image({ accept: 'any', data: await jpegWithGps(90, 90), altEn: '' })), (e) => {
      assert.deepEqual(issuesOf(e), { altEn: 'media.error.altRequired' });
      return true;
    });
    await assert.rejects(uploadMedia(deps, await image({ accept: 'any', data: fakeImage() })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.notAccepted' });
      return true;
    });
    await assert.rejects(uploadMedia(deps, await image({ accept: 'any', data: Buffer.alloc(0) })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.fileRequired' });
      return true;
    });
  });

  test('too large, missing alt text and an unreadable credit are reported together', async () => {
    const big = Buffer.concat([await jpegWithGps(100, 100), Buffer.alloc(200_001)]);
    await assert.rejects(uploadMedia(deps, await image({ data: big, altEn: '   ', credit: '2024' })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.tooLarge', altEn: 'media.error.altRequired', credit: 'media.error.creditFormat' });
      assert.ok(e instanceof MediaInputError);
      assert.equal(e.issues.file?.max, 200000);
      assert.match(e.message, /at most 195 KB/);
      return true;
    });
    await assert.rejects(uploadMedia(deps, await image({ truncated: true })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.tooLarge' });
      return true;
    });
    await assert.rejects(uploadMedia(deps, await image({ data: Buffer.alloc(0) })), (e) => {
      assert.deepEqual(issuesOf(e), { file: 'media.error.imageRequired' });
      return true;
    });
    assert.equal((await listMediaPage(handle.db, {}, 1)).info.total, 0);
  });

  test('a transparent PNG gets PNG fallbacks', async () => {
    const { media } = await uploadMedia(deps, await image({ data: await pngWithAlpha(300, 200), originalName: 'logo.png' }));
    const picture = await loadPicture(handle.db, media.id);
    assert.equal(picture?.fallbackType, 'image/png');
    assert.match(picture?.fallback[0]?.url ?? '', /\.png$/);
  });

  test('a PDF is stored under its hash with a readable name, and needs no alt text', async () => {
    const { media } = await uploadMedia(deps, { data: pdfDocument(), originalName: 'C:\\fakepath\\Concept note (final).PDF', accept: 'document', userId: ACTOR.userId });
    assert.equal(media.kind, 'document');
    assert.equal(media.mime, 'application/pdf');
    assert.equal(media.original_name, 'Concept note (final).PDF');
    assert.match(media.path ?? '', /^d\/[0-9a-f]{32}\/concept-note-final\.pdf$/);
    assert.equal(media.alt_en, null);
    assert.deepEqual(storedFiles(dir), [media.path]);
    assert.equal(await loadPicture(handle.db, media.id), null, 'a document is not a picture');
  });

  test('alt text and credit can be changed, with the same checks', async () => {
    const { media } = await uploadMedia(deps, await image());
    clock = new Date('2026-11-24T00:00:00Z');
    const updated = await updateMediaDetails(deps, media.id, { altEn: 'New text', altVi: '', credit: '© UNICEF 2023' }, ACTOR);
    assert.equal(updated.alt_en, 'New text');
    assert.equal(updated.alt_vi, null);
    assert.deepEqual([updated.credit_holder, updated.credit_photographer, updated.credit_year], ['UNICEF', null, 2023]);
    assert.equal(updated.updated_at, '2026-11-24T00:00:00.000Z');
    await assert.rejects(updateMediaDetails(deps, media.id, { altEn: '' }, ACTOR), (e) => {
      assert.deepEqual(issuesOf(e), { altEn: 'media.error.altRequired' });
      return true;
    });
    await assert.rejects(updateMediaDetails(deps, 9999, { altEn: 'x' }, ACTOR), NotFoundError);
  });

  test('an unused item is deleted with its files; one in use is refused', async () => {
    const { media: hero } = await uploadMedia(deps, await image());
    const { media: spare } = await uploadMedia(deps, await image({ data: await jpegWithGps(400, 400) }));
    const article = await createArticle(handle.db);
    await handle.db.updateTable('articles').set({ hero_media_id: hero.id }).where('id', '=', article.id).execute();

    await assert.rejects(deleteMedia(deps, hero.id, ACTOR), ConflictError);
    const before = storedFiles(dir).length;
    await deleteMedia(deps, spare.id, ACTOR);
    assert.equal(storedFiles(dir).length, before - 6, '2 widths × 3 formats removed');
    assert.equal(await loadPicture(handle.db, spare.id), null);
    await assert.rejects(deleteMedia(deps, spare.id, ACTOR), NotFoundError);

    // Each change is in the audit log, with who, from where and when.
    const log = await handle.db.selectFrom('audit_log').select(['action', 'user_id', 'subject_id', 'ip', 'at']).orderBy('id').execute();
    assert.deepEqual(
      log.map((e) => [e.action, e.subject_id]),
      [['media.upload', String(hero.id)], ['media.upload', String(spare.id)], ['media.delete', String(spare.id)]],
    );
    assert.deepEqual([log[2]?.user_id, log[2]?.ip, log[2]?.at], [ACTOR.userId, '203.0.113.9', NOW.toISOString()]);
  });

  test('the same picture with different metadata shares its variant files; deleting one keeps them', async () => {
    const plain = await sharp({ create: { width: 330, height: 200, channels: 3, background: '#123456' } }).jpeg().toBuffer();
    const tagged = await sharp(plain).withExif({ IFD0: { Copyright: 'Someone' } }).jpeg().toBuffer();
    const a = await uploadMedia(deps, await image({ data: plain }));
    const b = await uploadMedia(deps, await image({ data: tagged }));
    assert.notEqual(a.media.id, b.media.id);
    const urls = async (id: number) => {
      const p = await loadPicture(handle.db, id);
      return [...(p?.avif ?? []), ...(p?.webp ?? []), ...(p?.fallback ?? [])].map((s) => s.url);
    };
    assert.deepEqual(await urls(a.media.id), await urls(b.media.id), 'once stripped, the two are the same pictures');
    const files = storedFiles(dir);
    await deleteMedia(deps, a.media.id, ACTOR);
    const kept = await loadPicture(handle.db, b.media.id);
    assert.ok(kept);
    for (const s of [...kept.avif, ...kept.webp, ...kept.fallback]) {
      assert.ok(existsSync(join(dir, s.url.replace(/^\/media\//, ''))), `${s.url} is still there`);
    }
    assert.deepEqual(storedFiles(dir), files);
  });

  test('the library pages newest first and searches names, alt texts and credits', async () => {
    await uploadMedia(deps, await image({ data: await jpegWithGps(330, 200), altEn: 'Rice harvest in An Giang', originalName: 'rice.jpg' }));
    clock = new Date('2026-11-23T03:00:00Z');
    await uploadMedia(deps, await image({ data: await jpegWithGps(331, 200), altEn: 'A 100% cotton shirt', credit: 'ILO/Le Van A' }));
    clock = new Date('2026-11-23T04:00:00Z');
    await uploadMedia(deps, { data: pdfDocument(), originalName: 'agenda.pdf', accept: 'document', userId: ACTOR.userId });

    const all = await listMediaPage(handle.db, {}, 1);
    assert.deepEqual(all.rows.map((r) => r.original_name), ['agenda.pdf', 'IMG_0042.JPG', 'rice.jpg']);
    assert.deepEqual((await listMediaPage(handle.db, { kind: 'image' }, 1)).rows.length, 2);
    assert.deepEqual((await listMediaPage(handle.db, { search: 'RICE' }, 1)).rows.map((r) => r.original_name), ['rice.jpg']);
    assert.deepEqual((await listMediaPage(handle.db, { search: 'le van' }, 1)).rows.map((r) => r.alt_en), ['A 100% cotton shirt']);
    // "%" and "_" are searched for as themselves.
    assert.equal((await listMediaPage(handle.db, { search: '100%' }, 1)).info.total, 1);
    assert.equal((await listMediaPage(handle.db, { search: '0%c' }, 1)).info.total, 0);
    assert.equal((await listMediaPage(handle.db, { search: '_' }, 1)).info.total, 1, 'only IMG_0042.JPG has an underscore');
    const paged = await listMediaPage(handle.db, {}, 2, 2);
    assert.deepEqual(paged.rows.map((r) => r.original_name), ['rice.jpg']);
    await assert.rejects(listMediaPage(handle.db, {}, 3, 2), NotFoundError);

    const recent = await listRecentImages(handle.db);
    assert.deepEqual(recent.map((r) => r.kind), ['image', 'image']);
  });

  test('event attachments: labels, order, detaching, and no deleting while attached', async () => {
    const event = await createEvent(handle.db);
    const agenda = (await uploadMedia(deps, { data: pdfDocument('Agenda'), originalName: 'agenda.pdf', accept: 'document', userId: ACTOR.userId })).media;
    const note = (await uploadMedia(deps, { data: pdfDocument('Note'), originalName: 'note.pdf', accept: 'document', userId: ACTOR.userId })).media;
    const photo = (await uploadMedia(deps, await image())).media;

    await assert.rejects(attachDocument(deps, event.id, agenda.id, { labelEn: ' ' }, ACTOR), (e) => {
      assert.deepEqual(issuesOf(e), { labelEn: 'media.error.labelRequired' });
      return true;
    });
    await attachDocument(deps, event.id, agenda.id, { labelEn: 'Agenda', labelVi: 'Chương trình' }, ACTOR);
    await attachDocument(deps, event.id, note.id, { labelEn: 'Concept note' }, ACTOR);
    await assert.rejects(attachDocument(deps, event.id, note.id, { labelEn: 'Again' }, ACTOR), ConflictError);
    await assert.rejects(attachDocument(deps, event.id, photo.id, { labelEn: 'Photo' }, ACTOR), NotFoundError, 'only documents are attached');
    await assert.rejects(attachDocument(deps, 9999, note.id, { labelEn: 'x' }, ACTOR), NotFoundError);

    let list = await listEventAttachments(handle.db, event.id);
    assert.deepEqual(list.map((a) => [a.label_en, a.label_vi, a.position]), [['Agenda', 'Chương trình', 1], ['Concept note', null, 2]]);
    assert.equal(list[0]?.bytes, pdfDocument('Agenda').length);

    await moveAttachment(deps, event.id, note.id, 'up', ACTOR);
    await moveAttachment(deps, event.id, note.id, 'up', ACTOR);
    list = await listEventAttachments(handle.db, event.id);
    assert.deepEqual(list.map((a) => a.label_en), ['Concept note', 'Agenda']);
    assert.deepEqual(list.map((a) => a.position), [1, 2]);

    await relabelAttachment(deps, event.id, agenda.id, { labelEn: 'Programme', labelVi: '' }, ACTOR);
    await assert.rejects(deleteMedia(deps, agenda.id, ACTOR), ConflictError);
    await detachDocument(deps, event.id, agenda.id, ACTOR);
    list = await listEventAttachments(handle.db, event.id);
    assert.deepEqual(list.map((a) => a.label_en), ['Concept note']);
    await deleteMedia(deps, agenda.id, ACTOR);
  });
});

describe('media service without a database', () => {
  let dir: string;
  tempDirForBlock('almanac-media-test-', (made) => (dir = made));

  test('a refused upload never reaches the database', async () => {
    // A database that fails on any use proves the checks come first.
    const db = new Proxy({}, { get: () => () => { throw new Error('database used'); } }) as MediaDeps['db'];
    const deps: MediaDeps = { db, config: loadEnv({ MEDIA_DIR: dir }), now: () => NOW };
    await assert.rejects(uploadMedia(deps, { data: fakeImage(), originalName: 'x.png', accept: 'image', userId: null, altEn: 'x' }), MediaInputError);
  });
});
