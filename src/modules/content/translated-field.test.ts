/**
 * A translated field is one line of a kind's description: with articles
 * given a place (`venue`) in the test alone, and its column added as its
 * migration would, the form reads it, checks it, draws it, and the editing
 * service saves it, keeps it in revisions and compares it, with no other code.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { html } from '../../../test/helpers/html.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import type { AdminViewContext } from '../admin/index.js';
import { articleKind, articleTexts, type ArticleSnapshot } from '../articles/articles.type.js';
import type { AdminUser } from '../auth/index.js';
import { translator } from '../i18n/index.js';
import { DeclaredTextFields } from './admin/content-admin.views.js';
import { contentService } from './content-service.js';
import { contentStore, summaryLister, type ContentKindDescription } from './content-store.js';
import { calendarDate, optionalText } from './form-fields.js';
import { kindForm } from './kind-form.js';
import { textField } from './translated-texts.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');

/** Articles with one more translated field, declared as a kind declares one. */
const texts = { ...articleTexts, venue: textField(optionalText(300), { label: { en: 'Place', vi: 'Nơi viết' }, hint: { en: 'Where it was written.', vi: 'Nơi bài được viết.' } }) };
type Snapshot = ArticleSnapshot & { en: { venue: string | null }; vi: { venue: string | null } | null };
const kind = { ...articleKind, texts } as unknown as ContentKindDescription<Snapshot, typeof texts>;
const store = contentStore(kind);
const service = contentService<Snapshot, never, never>(store, { initial: {}, summaries: summaryLister(kind) });
/** The form machinery of every kind, given the declaration (and one field of the kind's own). */
const form = kindForm({ published_on: calendarDate }, texts, 300);

const ownFields = { hero_media_id: null, hero_image_path: null, credit_holder: null, credit_photographer: null, credit_year: null, byline_kind: null, byline_name: null };

function body(fields: Record<string, string>) {
  return { published_on: '2026-11-20', en_title: 'Coffee farms in Đắk Lắk', ...fields };
}

function validated(fields: Record<string, string>) {
  const result = form.validate(form.read(body(fields)), () => undefined, (data) => ({ ...ownFields, published_on: data.published_on }));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.input as never;
}

describe('a translated field declared once', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let editor: AdminUser;
  beforeEach(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    // What the field's migration does.
    await db.schema.alterTable('article_translations').addColumn('venue', 'text').execute();
    ({ editor } = await createPeople(db));
  });
  afterEach(() => handle.destroy());

  test('the form reads it in both languages and checks it with its rule', () => {
    const values = form.read(body({ en_venue: '  ILO Office, Hanoi ', vi_venue: 'Văn phòng ILO' }));
    assert.equal(values.en_venue, '  ILO Office, Hanoi ');
    assert.equal(values.vi_venue, 'Văn phòng ILO');
    assert.ok(form.textFields.includes('venue'));

    const tooLong = form.validate(form.read(body({ en_venue: 'x'.repeat(301) })), () => undefined, () => ({}));
    assert.equal(tooLong.ok, false);
    assert.equal(!tooLong.ok && tooLong.errors.en_venue, 'editing.error.tooLong');
    // Filling the field in Vietnamese alone gives Vietnamese text, which needs its title.
    const viAlone = form.validate(form.read(body({ vi_venue: 'Văn phòng ILO' })), () => undefined, () => ({}));
    assert.equal(!viAlone.ok && viAlone.errors.vi_title, 'editing.error.viTitleRequired');
  });

  test('the form draws it with its declared label and hint, in the admin\'s language', () => {
    const ctx = { lang: 'en', t: translator('en') } as AdminViewContext;
    const doc = html(renderToString(h(DeclaredTextFields, { ctx, lang: 'vi', texts, values: { vi_venue: 'Văn phòng ILO' }, errors: { vi_venue: 'Too long' } })));
    const input = doc.querySelector('input#field-vi_venue');
    assert.ok(input);
    assert.equal(input.getAttribute('value'), 'Văn phòng ILO');
    assert.equal(input.getAttribute('lang'), 'vi');
    assert.equal(doc.querySelector('label[for="field-vi_venue"]')?.textContent?.trim(), 'Place');
    assert.equal(doc.querySelector('#hint-vi_venue')?.textContent?.trim(), 'Where it was written.');
    assert.equal(doc.querySelector('#error-vi_venue')?.textContent?.trim(), 'Too long');
    // A label several kinds share is read from the catalogue by its key.
    assert.equal(doc.querySelector('label[for="field-vi_summary"]')?.textContent?.trim(), 'Summary');

    const vi = html(renderToString(h(DeclaredTextFields, { ctx: { lang: 'vi', t: translator('vi') } as AdminViewContext, lang: 'en', texts, values: {}, errors: {} })));
    assert.equal(vi.querySelector('label[for="field-en_venue"]')?.textContent?.trim(), 'Nơi viết');
    assert.equal(vi.querySelector('label[for="field-en_summary"]')?.textContent?.trim(), 'Tóm tắt');
  });

  test('the editing service saves it, snapshots it, gives it back to the form and compares it', async () => {
    const created = await service.create(db, { user: editor, now: NOW }, validated({ en_venue: 'ILO Office, Hanoi', vi_title: 'Nông trại cà phê', vi_venue: 'Văn phòng ILO' }));
    assert.equal(created.snapshot.en.venue, 'ILO Office, Hanoi');
    assert.equal(created.snapshot.vi?.venue, 'Văn phòng ILO');
    const rows = await db.selectFrom('article_translations').selectAll().where('article_id', '=', created.id).orderBy('lang').execute();
    assert.deepEqual(
      rows.map((r) => (r as unknown as { venue: string | null }).venue),
      ['ILO Office, Hanoi', 'Văn phòng ILO'],
    );

    // The stored item's form shows it again, as a re-rendered form would.
    const values = form.stored(created.snapshot, created.revision, {});
    assert.equal(values.en_venue, 'ILO Office, Hanoi');
    assert.equal(values.vi_venue, 'Văn phòng ILO');

    const saved = await service.update(db, { user: editor, now: NOW }, created.id, validated({ en_venue: 'Hotel Metropole', vi_title: 'Nông trại cà phê', vi_venue: 'Văn phòng ILO' }), 1);
    assert.equal(saved.snapshot.en.venue, 'Hotel Metropole');
    const [latest] = await service.listRevisions(db, created.id);
    assert.deepEqual(latest?.changes, ['en.venue']);
    const revision = await service.getRevision(db, created.id, 1);
    assert.equal(revision.snapshot.en.venue, 'ILO Office, Hanoi');

    // Compared in the history in its place: after the other English texts, before the Vietnamese.
    const lastArticleText = `en.${Object.keys(articleTexts).at(-1)}`;
    assert.deepEqual(store.fieldOrder.slice(store.fieldOrder.indexOf(lastArticleText), store.fieldOrder.indexOf('vi.title') + 1), [lastArticleText, 'en.venue', 'vi.title']);
    const diff = await service.diffRevisions(db, created.id, 1, 2, 'en');
    assert.deepEqual(
      diff.diffs.map((d) => [d.field, d.before, d.after]),
      [['en.venue', 'ILO Office, Hanoi', 'Hotel Metropole']],
    );
  });
});
