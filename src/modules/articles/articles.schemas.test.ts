import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_TEXT_FIELDS, articleFormValues, newArticleFormValues, readArticleForm, validateArticleForm } from './articles.schemas.js';

function form(fields: Record<string, string | string[]>) {
  return readArticleForm({ published_on: '2026-11-20', en_title: 'Decent work in Đắk Lắk coffee farms', ...fields });
}

function errorsOf(fields: Record<string, string | string[]>) {
  const result = validateArticleForm(form(fields));
  assert.equal(result.ok, false, 'expected the form to be refused');
  return result.ok ? {} : result.errors;
}

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

test('the English title and a real date are required', () => {
  const errors = errorsOf({ en_title: '', published_on: '2026-13-01' });
  assert.equal(errors.en_title, 'editing.error.required');
  assert.equal(errors.published_on, 'editing.error.date');
});

test('a hero image needs an English description and a usable address', () => {
  assert.equal(errorsOf({ hero_image_path: '/media/coffee.jpg' }).en_hero_alt, 'editing.error.heroAlt');
  assert.equal(errorsOf({ hero_image_path: '//evil.example/x.jpg', en_hero_alt: 'x' }).hero_image_path, 'editing.error.imagePath');
  assert.equal(errorsOf({ hero_image_path: 'javascript:alert(1)', en_hero_alt: 'x' }).hero_image_path, 'editing.error.imagePath');
  assert.ok(validateArticleForm(form({ hero_image_path: '/media/coffee.jpg', en_hero_alt: 'A farmer picks coffee cherries' })).ok);
});

test('a credit needs its holder; the year has four digits', () => {
  assert.equal(errorsOf({ credit_photographer: 'Nguyen Hai Dat' }).credit_holder, 'editing.error.creditHolder');
  assert.equal(errorsOf({ credit_holder: 'ILO', credit_year: '24' }).credit_year, 'editing.error.year');
});

test('a byline needs both its kind and a name', () => {
  assert.equal(errorsOf({ byline_kind: 'op-ed' }).byline_name, 'editing.error.bylineName');
  assert.equal(errorsOf({ byline_name: 'Chang-Hee Lee' }).byline_kind, 'editing.error.bylineKind');
  assert.equal(errorsOf({ byline_kind: 'letter', byline_name: 'X' }).byline_kind, 'editing.error.choice');
});

test('any Vietnamese field asks for a Vietnamese title', () => {
  assert.equal(errorsOf({ vi_body: 'Nội dung' }).vi_title, 'editing.error.viTitleRequired');
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
  const { vi_current: _current, ...content } = first.input;
  void _current;
  const stored = { ...content, slug: 'decent-work', vi: first.input.vi && { ...first.input.vi, slug: 'bai-viet', status: 'draft' as const } };
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

test('a byline name of nothing but control characters is missing', () => {
  assert.equal(errorsOf({ byline_kind: 'by', byline_name: '\0\u0007' }).byline_name, 'editing.error.bylineName');
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

test('an image address with a control character in it is refused, not stored', () => {
  assert.equal(errorsOf({ hero_image_path: '/media/coffee\0.jpg', en_hero_alt: 'Coffee' }).hero_image_path, 'editing.error.imagePath');
  assert.equal(errorsOf({ hero_image_path: 'https://example.org/coffee\u0085.jpg', en_hero_alt: 'Coffee' }).hero_image_path, 'editing.error.imagePath');
});
