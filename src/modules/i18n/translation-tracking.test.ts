import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { NotFoundError } from '../../shared/errors.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { databaseForBlock, databaseForEachTest } from '../../../test/helpers/test-database.js';
import { articleKind } from '../articles/index.js';
import { emptyText, textNames } from '../content/index.js';
import { eventKind } from '../events/index.js';
import { contentDir, importListings } from '../importer/index.js';
import { translatableFields } from './translations.repository.js';
import {
  changesSince,
  englishChangesSinceTranslation,
  listTranslationTodos,
  markTranslationCurrent,
  parseSnapshot,
  snapshotOf,
  sourceChangedSinceTranslation,
  translationStatus,
} from './translation-tracking.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const LATER = new Date('2026-11-24T08:30:00.000Z');

async function setEnglish(db: Kysely<Database>, eventId: number, changes: { title?: string; description?: string | null }) {
  await db.updateTable('event_translations').set(changes).where('event_id', '=', eventId).where('lang', '=', 'en').execute();
}

describe('snapshots and changes (no database)', () => {
  test('a snapshot holds exactly the translatable fields of its kind, in order, absent ones as null', () => {
    assert.deepEqual(snapshotOf('event', { title: 'T', description: 'D', extra: 'x' } as never), {
      ...emptyText(eventKind.texts),
      title: 'T',
      description: 'D',
    });
    assert.deepEqual(Object.keys(snapshotOf('article', { title: 'T' })), textNames(articleKind.texts));
  });

  test("a kind's translatable fields are the title and the fields its description declares, in their order", () => {
    assert.deepEqual(translatableFields('event'), ['title', ...Object.keys(eventKind.texts)]);
    assert.deepEqual(translatableFields('article').slice(0, 3), ['title', 'summary', 'body']);
  });

  test('unreadable snapshots read as none', () => {
    assert.equal(parseSnapshot(null), undefined);
    assert.equal(parseSnapshot('not json'), undefined);
    assert.equal(parseSnapshot('[1,2]'), undefined);
    assert.deepEqual(parseSnapshot('{"title":"A","summary":3}'), { title: 'A', summary: null });
  });

  test('empty equals absent, line endings do not count, and each change has a word diff', () => {
    const before = snapshotOf('event', { title: 'Workshop on wages', summary: '', description: 'Line one\r\nLine two' });
    assert.deepEqual(changesSince('event', before, { title: 'Workshop on wages', summary: null, description: 'Line one\nLine two' }), []);
    const changes = changesSince('event', before, { title: 'Workshop on minimum wages', description: 'Line one\nLine two', venue: 'Hanoi' });
    assert.deepEqual(
      changes.map((c) => [c.field, c.before, c.after]),
      [
        ['title', 'Workshop on wages', 'Workshop on minimum wages'],
        ['venue', null, 'Hanoi'],
      ],
    );
    const diff = changes[0]?.diff ?? [];
    assert.ok(diff.some((p) => p.op === 'added' && p.text.includes('minimum')));
    assert.equal(diff.filter((p) => p.op !== 'added').map((p) => p.text).join(''), 'Workshop on wages');
    assert.equal(diff.filter((p) => p.op !== 'removed').map((p) => p.text).join(''), 'Workshop on minimum wages');
  });
});

describe('translation tracking', () => {
  let db: Kysely<Database>;
  databaseForEachTest((opened) => (db = opened));

  test('marking current stores the English as it is, with the time', async () => {
    const { id } = await createEvent(db, { title: 'Workshop', description: 'About wages.', vi: { title: 'Hội thảo' } });
    assert.equal((await translationStatus(db, 'event', id)).state, 'untracked');
    await markTranslationCurrent(db, 'event', id, NOW);
    const row = await db.selectFrom('event_translations').selectAll().where('event_id', '=', id).where('lang', '=', 'vi').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(row.source_snapshot)), { ...emptyText(eventKind.texts), title: 'Workshop', description: 'About wages.' });
    assert.equal(row.translated_at, NOW.toISOString());
    assert.deepEqual(await translationStatus(db, 'event', id), { state: 'current', status: 'published', translatedAt: NOW.toISOString(), changes: [] });
    assert.equal(await sourceChangedSinceTranslation(db, 'event', id), false);
  });

  test('an English change after translation flags the source as changed and lists the changes', async () => {
    const { id } = await createEvent(db, { title: 'Workshop', description: 'About wages in 2026.', vi: { title: 'Hội thảo' } });
    await markTranslationCurrent(db, 'event', id, NOW);
    await setEnglish(db, id, { description: 'About minimum wages in 2027.' });
    assert.equal(await sourceChangedSinceTranslation(db, 'event', id), true);
    const changes = await englishChangesSinceTranslation(db, 'event', id);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.field, 'description');
    assert.equal(changes[0]?.before, 'About wages in 2026.');
    assert.equal(changes[0]?.after, 'About minimum wages in 2027.');
    const added = (changes[0]?.diff ?? []).filter((p) => p.op === 'added').map((p) => p.text.trim());
    const removed = (changes[0]?.diff ?? []).filter((p) => p.op === 'removed').map((p) => p.text.trim());
    assert.ok(added.join(' ').includes('minimum') && added.join(' ').includes('2027.'), JSON.stringify(changes[0]?.diff));
    assert.ok(removed.join(' ').includes('2026.'), JSON.stringify(changes[0]?.diff));
    // Saving the Vietnamese again as current clears the flag.
    await markTranslationCurrent(db, 'event', id, LATER);
    assert.equal(await sourceChangedSinceTranslation(db, 'event', id), false);
    assert.equal((await translationStatus(db, 'event', id)).translatedAt, LATER.toISOString());
  });

  test('articles are tracked over their own fields', async () => {
    const { id } = await createArticle(db, { title: 'Story', summary: 'Short.', vi: { title: 'Câu chuyện' } });
    await markTranslationCurrent(db, 'article', id, NOW);
    await db.updateTable('article_translations').set({ hero_alt: 'A bridge at dawn' }).where('article_id', '=', id).where('lang', '=', 'en').execute();
    assert.deepEqual(
      (await englishChangesSinceTranslation(db, 'article', id)).map((c) => c.field),
      ['hero_alt'],
    );
  });

  test('no Vietnamese text is "missing"; marking it current is refused', async () => {
    const { id } = await createEvent(db, { title: 'English only' });
    assert.equal((await translationStatus(db, 'event', id)).state, 'missing');
    assert.equal((await translationStatus(db, 'event', id)).status, null);
    await assert.rejects(markTranslationCurrent(db, 'event', id, NOW), NotFoundError);
    await assert.rejects(translationStatus(db, 'event', 9999), NotFoundError);
  });

  test('the dashboard list: missing, outdated and untracked translations of published and in-review items', async () => {
    const current = await createEvent(db, { title: 'Current', start: '2026-12-01', vi: { title: 'Hiện hành' } });
    await markTranslationCurrent(db, 'event', current.id, NOW);
    const outdated = await createEvent(db, { title: 'Outdated', start: '2026-12-02', vi: { title: 'Lỗi thời' } });
    await markTranslationCurrent(db, 'event', outdated.id, NOW);
    await setEnglish(db, outdated.id, { title: 'Outdated now' });
    await createEvent(db, { title: 'Missing', start: '2026-12-03' });
    await createEvent(db, { title: 'Untracked draft text', start: '2026-12-04', vi: { title: 'Bản nháp', status: 'draft' } });
    await createEvent(db, { title: 'Item still a draft', start: '2026-12-05', status: 'draft' });
    await createEvent(db, { title: 'In review', start: '2026-12-06', status: 'in_review' });
    await createArticle(db, { title: 'Article missing', date: '2026-11-01' });

    const todos = await listTranslationTodos(db);
    assert.deepEqual(
      todos.map((t) => [t.kind, t.title, t.state, t.status, t.changedFields]),
      [
        ['event', 'In review', 'missing', null, []],
        ['event', 'Untracked draft text', 'untracked', 'draft', []],
        ['event', 'Missing', 'missing', null, []],
        ['event', 'Outdated now', 'outdated', 'published', ['title']],
        ['article', 'Article missing', 'missing', null, []],
      ],
    );
    assert.deepEqual(
      (await listTranslationTodos(db, { kinds: ['article'] })).map((t) => t.title),
      ['Article missing'],
    );
    assert.ok((await listTranslationTodos(db, { itemStatuses: ['draft'] })).some((t) => t.title === 'Item still a draft'));
  });
});

describe('tracking through the importer', () => {
  let db: Kysely<Database>;
  databaseForBlock((opened) => (db = opened));
  const seed = (name: string) => ({ file: name, text: readFileSync(`${contentDir}seeds/${name}`, 'utf8') });

  test('imported translations are current; a re-imported English change makes them outdated', async () => {
    const english = seed('events.en.txt');
    await importListings(db, [english, seed('events.vi.txt')], { now: NOW });
    assert.equal((await listTranslationTodos(db, { kinds: ['event'] })).filter((t) => t.state !== 'missing').length, 0);

    const edited = { ...english, text: english.text.replace('brings together representatives', 'gathers representatives') };
    await importListings(db, [edited], { now: LATER });
    const outdated = (await listTranslationTodos(db, { kinds: ['event'] })).filter((t) => t.state === 'outdated');
    assert.equal(outdated.length, 1);
    assert.deepEqual(outdated[0]?.changedFields, ['description']);
    const changes = await englishChangesSinceTranslation(db, 'event', outdated[0]!.id);
    assert.ok(changes[0]?.diff.some((p) => p.op === 'removed' && p.text.includes('brings together')));
  });
});
