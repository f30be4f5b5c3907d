/**
 * The importer and the generator write through the content service, as the
 * admin does: every item they create or change gets a revision naming them,
 * and the history page shows who it was.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, DEFAULT_NOW, type TestApp } from '../../../test/helpers/build-test-app.js';
import { getPage, postForm, signIn } from '../../../test/helpers/admin-session.js';
import { formFields } from '../../../test/helpers/forms.js';
import { html, text } from '../../../test/helpers/html.js';
import type { ContentKind, Database } from '../../db/schema.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { generateContent } from './generate.service.js';
import { importListings, type ImportSource } from './importer.service.js';
import { contentDir, loadTaxonomy, SEED_FILES } from './sample-content.js';

const seed = (name: string): ImportSource => ({ file: `content/${name}`, text: readFileSync(`${contentDir}${name}`, 'utf8') });
const LATER = new Date(DEFAULT_NOW.getTime() + 86_400_000);

async function revisionsOf(db: Kysely<Database>, kind: ContentKind) {
  return db
    .selectFrom('revisions')
    .select(['item_id', 'revision', 'user_id', 'actor', 'action', 'changes', 'snapshot'])
    .where('item_kind', '=', kind)
    .orderBy('item_id')
    .orderBy('revision')
    .execute();
}

async function itemsOf(db: Kysely<Database>, kind: ContentKind) {
  return db
    .selectFrom(kind === 'event' ? 'events' : 'articles')
    .select(['id', 'revision'])
    .orderBy('id')
    .execute();
}

describe('one write path: the importer and the generator leave revisions', () => {
  let t: TestApp;
  const taxonomy = loadTaxonomy();
  beforeEach(async () => {
    t = await buildTestApp();
    await ensureTaxonomy(t.db, taxonomy, DEFAULT_NOW.toISOString());
  });
  afterEach(() => t.close());

  test('importing the seed gives every item a revision by the importer, at the item’s own revision', async () => {
    await importListings(t.db, SEED_FILES.map(seed), { now: DEFAULT_NOW, taxonomy });
    for (const kind of ['event', 'article'] as const) {
      const items = await itemsOf(t.db, kind);
      const revisions = await revisionsOf(t.db, kind);
      assert.ok(items.length > 0);
      for (const item of items) {
        const own = revisions.filter((r) => r.item_id === item.id);
        assert.ok(own.length > 0, `${kind} ${item.id} has a revision`);
        assert.ok(own.every((r) => r.actor === 'importer' && r.user_id === null), `${kind} ${item.id}: made by the importer`);
        assert.equal(own.at(-1)!.revision, item.revision, `${kind} ${item.id}: its newest revision is its own`);
        assert.equal(own[0]!.action, 'create');
      }
    }
    // The Vietnamese page adds the Vietnamese text to the English events: a second revision naming it.
    const events = await revisionsOf(t.db, 'event');
    const translated = events.filter((r) => r.revision === 2);
    assert.ok(translated.length > 0);
    for (const r of translated) {
      assert.ok((JSON.parse(r.changes) as string[]).includes('vi.title'));
      assert.ok((JSON.parse(r.snapshot) as { vi: { title: string } | null }).vi?.title);
    }
  });

  test('re-importing a changed page writes a new revision with the change, and an unchanged one writes none', async () => {
    const english = seed('seeds/events.en.txt');
    await importListings(t.db, [english], { now: DEFAULT_NOW, taxonomy });
    const before = await revisionsOf(t.db, 'event');

    await importListings(t.db, [english], { now: LATER, taxonomy });
    assert.equal((await revisionsOf(t.db, 'event')).length, before.length, 'nothing changed, nothing recorded');

    const description = 'This meeting discusses international labour migration data statistics';
    assert.ok(english.text.includes(description), 'the seed has the text this test changes');
    const changed = { ...english, text: english.text.replace(description, `${description}, and its new sources,`) };
    const report = await importListings(t.db, [changed], { now: LATER, taxonomy });
    assert.deepEqual(
      report.items.filter((i) => i.outcome !== 'unchanged').map((i) => [i.outcome, i.note]),
      [['changed', 'description']],
    );

    const after = await revisionsOf(t.db, 'event');
    assert.equal(after.length, before.length + 1);
    const newest = after.find((r) => !before.some((b) => b.item_id === r.item_id && b.revision === r.revision))!;
    assert.deepEqual([newest.actor, newest.user_id, newest.action, newest.revision], ['importer', null, 'update', 2]);
    assert.deepEqual(JSON.parse(newest.changes), ['en.description']);
    assert.match((JSON.parse(newest.snapshot) as { en: { description: string } }).en.description, /and its new sources,/);
    const row = await t.db.selectFrom('events').select('revision').where('id', '=', newest.item_id).executeTakeFirstOrThrow();
    assert.equal(row.revision, 2);
  });

  test('generated items each have a first revision by the generator', async () => {
    await generateContent(t.db, { events: 30, articles: 12, now: DEFAULT_NOW, seed: 3 });
    for (const [kind, n] of [['event', 30], ['article', 12]] as const) {
      const revisions = await revisionsOf(t.db, kind);
      assert.equal(revisions.length, n);
      assert.ok(revisions.every((r) => r.actor === 'generator' && r.user_id === null && r.revision === 1 && r.action === 'create'));
      const snapshot = JSON.parse(revisions[0]!.snapshot) as { en: { title: string }; vi: { title: string } | null; status: string };
      assert.ok(snapshot.en.title && snapshot.vi?.title);
      assert.equal(snapshot.status, 'published');
      assert.deepEqual(
        (await itemsOf(t.db, kind)).map((i) => i.revision),
        Array.from({ length: n }, () => 1),
      );
    }
  });

  test('the history page of an imported item names the importer, in English and in Vietnamese', async () => {
    await importListings(t.db, SEED_FILES.map(seed), { now: DEFAULT_NOW, taxonomy });
    const event = await t.db.selectFrom('events').select('id').orderBy('id').executeTakeFirstOrThrow();
    const article = await t.db.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow();
    const editor = await signIn(t.app, t.db, 'editor');
    const vietnamese = await signIn(t.app, t.db, 'editor', { uiLang: 'vi' });
    for (const [path, session, name] of [
      [`/admin/events/${event.id}/history`, editor, 'Importer'],
      [`/admin/articles/${article.id}/history`, editor, 'Importer'],
      [`/admin/events/${event.id}/history`, vietnamese, 'Trình nhập dữ liệu'],
    ] as const) {
      const page = await getPage(t.app, path, session);
      assert.equal(page.statusCode, 200, path);
      const rows = html(page.body).querySelectorAll('.history-table tbody tr');
      assert.ok(rows.length > 0, `${path} lists revisions`);
      for (const row of rows) assert.ok(text(row).includes(name), `${path}: "${text(row)}" names ${name}`);
    }
  });

  test('the dashboard’s recent changes name the importer as who made an imported change', async () => {
    await importListings(t.db, SEED_FILES.map(seed), { now: DEFAULT_NOW, taxonomy });
    const editor = await signIn(t.app, t.db, 'editor');
    const page = await getPage(t.app, '/admin', editor);
    assert.equal(page.statusCode, 200);
    const lines = html(page.body).querySelectorAll('section[aria-labelledby="work-recent"] li');
    assert.ok(lines.length > 0, 'imported items are among the recent changes');
    for (const line of lines) assert.match(text(line), /by Importer/);
  });

  test('an editor whose form an import overtook is told the importer saved the newer version', async () => {
    const english = seed('seeds/events.en.txt');
    await importListings(t.db, [english], { now: DEFAULT_NOW, taxonomy });
    const description = 'This meeting discusses international labour migration data statistics';
    const item = await t.db
      .selectFrom('event_translations')
      .select('event_id')
      .where('lang', '=', 'en')
      .where('description', 'like', `${description}%`)
      .executeTakeFirstOrThrow();
    const editor = await signIn(t.app, t.db, 'editor');
    const form = formFields((await getPage(t.app, `/admin/events/${item.event_id}`, editor)).body, 'form.edit-form');

    await importListings(t.db, [{ ...english, text: english.text.replace(description, `${description}, and its new sources,`) }], { now: LATER, taxonomy });
    const res = await postForm(t.app, { url: `/admin/events/${item.event_id}`, session: editor, fields: { ...form, en_description: 'Typed meanwhile.' } });
    assert.equal(res.statusCode, 409);
    assert.match(text(html(res.body).querySelector('.notice')), /^Importer saved a new version/);
  });
});
