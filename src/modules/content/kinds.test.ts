/**
 * The kinds' descriptions handed over at start-up: the admin names a
 * translated field by the label its kind declares, in the admin's language,
 * and a name two kinds would label differently is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkModules } from '../../module-links.js';
import { translator } from '../i18n/index.js';
import { fieldLabel } from './admin/format.js';
import { optionalText } from './form-fields.js';
import { useContentKinds } from './kinds.js';
import { textField } from './translated-texts.js';

linkModules();
const en = { lang: 'en', t: translator('en') } as const;
const vi = { lang: 'vi', t: translator('vi') } as const;

test("a translated field's label is the one its kind declares, in the admin's language", () => {
  assert.equal(fieldLabel(en, 'en.venue'), 'Venue (English)');
  assert.equal(fieldLabel(vi, 'en.venue'), 'Địa điểm tổ chức (Tiếng Anh)');
  assert.equal(fieldLabel(en, 'vi.byline_role'), "Author's role (Vietnamese)");
  assert.equal(fieldLabel(vi, 'body'), 'Nội dung');
  // Words the kinds share, and the fields that are not translated, come from the catalogues.
  assert.equal(fieldLabel(en, 'en.summary'), 'Summary (English)');
  assert.equal(fieldLabel(en, 'en.title'), 'Title (English)');
  assert.equal(fieldLabel(en, 'start_date'), 'Start date');
  assert.equal(fieldLabel(en, 'no_such_field'), 'no_such_field');
});

test('two kinds declaring one field name with different labels are refused', () => {
  const field = (label: string) => textField(optionalText(10), { label: { en: label, vi: `${label} (vi)` } });
  assert.throws(
    () => useContentKinds({ kind: 'event', texts: { note: field('Note') } }, { kind: 'article', texts: { note: field('Remark') } }),
    /note with different labels/,
  );
  // Nothing was handed over: the kinds' own declarations stand.
  assert.equal(fieldLabel(en, 'venue'), 'Venue');
  assert.equal(fieldLabel(en, 'note'), 'note');
});
