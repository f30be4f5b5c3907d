import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { casesOf } from '../../../test/helpers/cases.js';
import { asStored, verdictOf } from '../../../test/helpers/forms.js';
import { ARTICLE_TEXT_FIELDS, articleFormValues, newArticleFormValues, readArticleForm, validateArticleForm } from './articles.schemas.js';

function form(fields: Record<string, string | string[]>) {
  return readArticleForm({ published_on: '2026-11-20', en_title: 'Decent work in Đắk Lắk coffee farms', ...fields });
}

describe('what the form refuses, and the message by each field refused', () => {
  casesOf((fields: Record<string, string>) => verdictOf(validateArticleForm(form(fields))), {
    'the English title and a real date are required': [[{ en_title: '', published_on: '2026-13-01' }, { en_title: 'editing.error.required', published_on: 'editing.error.date' }]],
    'a hero image needs an English description and a usable address': [
      [{ hero_image_path: '/media/coffee.jpg' }, { en_hero_alt: 'editing.error.heroAlt' }],
      [{ hero_image_path: '//evil.example/x.jpg', en_hero_alt: 'x' }, { hero_image_path: 'editing.error.imagePath' }],
      [{ hero_image_path: 'javascript:alert(1)', en_hero_alt: 'x' }, { hero_image_path: 'editing.error.imagePath' }],
      [{ hero_image_path: '/media/coffee.jpg', en_hero_alt: 'A farmer picks coffee cherries' }, 'accepted'],
    ],
    'a credit needs its holder; the year has four digits': [
      [{ credit_photographer: 'Nguyen Hai Dat' }, { credit_holder: 'editing.error.creditHolder' }],
      [{ credit_holder: 'ILO', credit_year: '24' }, { credit_year: 'editing.error.year' }],
    ],
    'a byline needs both its kind and a name': [
      [{ byline_kind: 'op-ed' }, { byline_name: 'editing.error.bylineName' }],
      [{ byline_name: 'Chang-Hee Lee' }, { byline_kind: 'editing.error.bylineKind' }],
      [{ byline_kind: 'letter', byline_name: 'X' }, { byline_kind: 'editing.error.choice' }],
    ],
    'a byline name of nothing but control characters is missing': [[{ byline_kind: 'by', byline_name: '\0\u0007' }, { byline_name: 'editing.error.bylineName' }]],
    'an image address with a control character in it is refused, not stored': [
      [{ hero_image_path: '/media/coffee\0.jpg', en_hero_alt: 'Coffee' }, { hero_image_path: 'editing.error.imagePath' }],
      [{ hero_image_path: 'https://example.org/coffee\u0085.jpg', en_hero_alt: 'Coffee' }, { hero_image_path: 'editing.error.imagePath' }],
    ],
    'any Vietnamese field asks for a Vietnamese title': [[{ vi_body: 'Nội dung' }, { vi_title: 'editing.error.viTitleRequired' }]],
  });
});

test('a valid article becomes an input; Markdown body keeps its paragraphs', () => {
  const result = validateArticleForm(
    form({ en_body: 'First paragraph.\r\n\r\n**Second** paragraph.\r\n', credit_holder: 'ILO', credit_photographer: 'Nguyen Hai Dat', credit_year: '2024' }),
  );
  assert.ok(result.ok);
  assert.equal(result.input.en.body, 'First paragraph.\n\n**Second** paragraph.');
  assert.equal(result.input.credit_year, 2024);
  assert.equal(result.input.credit_holder, 'ILO');
  assert.equal(result.input.vi, null);
  assert.equal(result.input.published_on, '2026-11-20');
});

test('a Vietnamese title given with the other Vietnamese text is kept', () => {
  const ok = validateArticleForm(form({ vi_title: 'Việc làm bền vững', vi_body: 'Nội dung' }));
  assert.ok(ok.ok);
  assert.equal(ok.input.vi?.title, 'Việc làm bền vững');
});

test('a stored article shows as form values that validate back to the same input', () => {
  const first = validateArticleForm(
    form({ byline_kind: 'by', byline_name: 'Chang-Hee Lee', en_byline_role: 'Director', vi_title: 'Bài viết', topics: ['2'], revision: '4' }),
  );
  assert.ok(first.ok);
  assert.equal(first.revision, 4);
  const stored = asStored(first.input, 'decent-work', { slug: 'bai-viet', status: 'draft' });
  const values = articleFormValues(stored, 5);
  assert.equal(values.revision, '5');
  assert.equal(values.vi_slug, 'bai-viet');
  const again = validateArticleForm(values);
  assert.ok(again.ok);
  assert.deepEqual(again.input, { ...stored, vi_current: false });
});

test('a new article form is dated today', () => {
  assert.equal(newArticleFormValues('2026-11-23').published_on, '2026-11-23');
});

test('text is normalised: controls go from titles, credits and bylines; a vertical tab is a line break in the body', () => {
  const result = validateArticleForm(
    form({ en_title: 'Coffee\vfarms\0', en_body: 'Harvest.\vTime.\u0000', credit_holder: 'ILO\0', byline_kind: 'by', byline_name: 'Lan\u0007 Nguyen' }),
  );
  assert.ok(result.ok);
  assert.equal(result.input.en.title, 'Coffee farms');
  assert.equal(result.input.en.body, 'Harvest.\nTime.');
  assert.equal(result.input.credit_holder, 'ILO');
  assert.equal(result.input.byline_name, 'Lan Nguyen');
});

test('no text field of either language, nor the credit or byline, lets a control character through', () => {
  const hostile = 'Cà\vphê\0\u0007\u001b\u007f\u0085\u009b\uD800\uFFFE';
  const fields: Record<string, string> = { credit_holder: hostile, credit_photographer: hostile, byline_kind: 'by', byline_name: hostile };
  for (const lang of ['en', 'vi']) for (const field of ARTICLE_TEXT_FIELDS) fields[`${lang}_${field}`] = hostile;
  const result = validateArticleForm(form(fields));
  assert.ok(result.ok);
  const { en, vi, credit_holder, credit_photographer, byline_name } = result.input;
  const texts = [en, vi].flatMap((t) => ARTICLE_TEXT_FIELDS.map((f) => t?.[f])).concat([credit_holder, credit_photographer, byline_name]);
  assert.equal(texts.length, ARTICLE_TEXT_FIELDS.length * 2 + 3);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  for (const text of texts) assert.doesNotMatch(String(text), /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cs}\uFFFE]/u);
});
