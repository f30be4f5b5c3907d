/**
 * The longest Markdown each field takes (MARKDOWN_MAX_LENGTH): the forms
 * refuse more with a message naming the limit, in both languages, and the
 * importer stops at the line of a description that is too long.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { postForm, signedInForBlock } from '../../../test/helpers/admin-session.js';
import { html, text } from '../../../test/helpers/html.js';
import { openTestDatabase } from '../../../test/helpers/test-database.js';
import { ImportError } from '../../shared/errors.js';
import { readArticleForm, validateArticleForm } from '../articles/articles.schemas.js';
import { readEventForm, validateEventForm } from '../events/events.schemas.js';
import { translator } from '../i18n/index.js';
import { importListings } from '../importer/index.js';
import { MARKDOWN_MAX_LENGTH } from './markdown.js';

const OFFICE = 'Asia/Ho_Chi_Minh';

/** A number as each language writes it: 10,000 and 10.000. */
function written(n: number, lang: 'en' | 'vi'): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '.');
}

function eventForm(fields: Record<string, string>) {
  return readEventForm({ event_type: 'workshop', attendance_mode: 'in_person', all_day: '1', start_date: '2026-12-03', en_title: 'Workshop', vi_title: 'Hội thảo', ...fields });
}

function articleForm(fields: Record<string, string>) {
  return readArticleForm({ published_on: '2026-11-20', en_title: 'Feature', vi_title: 'Bài viết', ...fields });
}

/** The form is refused: both languages' `field` too long, with a message naming `max` in each language. */
function assertTooLong(result: { ok: true } | { ok: false; errors: object }, field: 'description' | 'body', max: number): void {
  assert.equal(result.ok, false);
  if (result.ok) return;
  const code = field === 'description' ? ('editing.error.descriptionTooLong' as const) : ('editing.error.bodyTooLong' as const);
  const errors = result.errors as Record<string, unknown>;
  assert.equal(errors[`en_${field}`], code);
  assert.equal(errors[`vi_${field}`], code);
  for (const lang of ['en', 'vi'] as const) {
    assert.ok(translator(lang)(code).includes(written(max, lang)), lang);
  }
}

describe('the longest Markdown a field takes', () => {
  test('an event description: up to the limit is taken, one more character is refused with a message naming the limit', () => {
    const max = MARKDOWN_MAX_LENGTH.description;
    assert.ok(validateEventForm(eventForm({ en_description: 'a'.repeat(max), vi_description: 'ă'.repeat(max) }), OFFICE).ok);
    assertTooLong(validateEventForm(eventForm({ en_description: 'a'.repeat(max + 1), vi_description: 'ă'.repeat(max + 1) }), OFFICE), 'description', max);
  });

  test('an article body: up to the limit is taken, one more character is refused with a message naming the limit', () => {
    const max = MARKDOWN_MAX_LENGTH.body;
    const ok = validateArticleForm(articleForm({ en_body: 'a'.repeat(max) }));
    assert.ok(ok.ok, JSON.stringify(ok.ok ? {} : ok.errors));
    assertTooLong(validateArticleForm(articleForm({ en_body: 'a'.repeat(max + 1), vi_body: 'ă'.repeat(max + 1) })), 'body', max);
  });

  describe('the event form', () => {
    const t = appForBlock();
    const editor = signedInForBlock(t, 'editor');

    test('a description over the limit comes back (422) with the message by the field and the text kept', async () => {
      const long = `${'Word '.repeat(MARKDOWN_MAX_LENGTH.description / 5)}more`;
      const res = await postForm(t.app, {
        url: '/admin/events',
        session: editor,
        fields: { en_title: 'Long text', en_description: long, event_type: 'workshop', attendance_mode: 'in_person', all_day: '1', start_date: '2026-12-03', time_zone: '' },
      });
      assert.equal(res.statusCode, 422);
      const doc = html(res.body);
      assert.equal(doc.querySelector('#field-en_description')?.textContent, long);
      assert.match(text(doc), new RegExp(written(MARKDOWN_MAX_LENGTH.description, 'en')));
      assert.equal(await t.db.selectFrom('events').select('id').executeTakeFirst(), undefined);
    });
  });

  test('the importer stops at an event whose description is over the limit, naming the file and line', async () => {
    const handle = await openTestDatabase();
    try {
      const page = `Events and meetings\n\nSeptember 2020\n\n  1. A long meeting\n\n    17 September 2020\n\n    ${'Word '.repeat(MARKDOWN_MAX_LENGTH.description / 5)}more\n`;
      await assert.rejects(importListings(handle.db, [{ file: 'events.txt', text: page }], { now: new Date('2026-11-23T02:00:00Z') }), (error: unknown) => {
        assert.ok(error instanceof ImportError);
        assert.equal(error.file, 'events.txt');
        assert.equal(error.line, 5);
        assert.match(error.reason, new RegExp(written(MARKDOWN_MAX_LENGTH.description, 'en')));
        return true;
      });
      assert.equal(await handle.db.selectFrom('events').select('id').executeTakeFirst(), undefined);
    } finally {
      await handle.destroy();
    }
  });
});
