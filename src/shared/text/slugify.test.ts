import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foldDiacritics, slugify } from './slugify.js';

describe('foldDiacritics', () => {
  test('removes Vietnamese tone and vowel marks', () => {
    assert.equal(foldDiacritics('Việt Nam'), 'Viet Nam');
    assert.equal(foldDiacritics('Sự kiện và cuộc họp'), 'Su kien va cuoc hop');
    assert.equal(foldDiacritics('Tháng Chín'), 'Thang Chin');
  });

  test('folds đ and Đ, which NFD leaves alone', () => {
    assert.equal(foldDiacritics('Đắk Lắk'), 'Dak Lak');
    assert.equal(foldDiacritics('đường'), 'duong');
    assert.equal(foldDiacritics('Đ'.normalize('NFD')), 'D');
  });

  test('handles other Latin letters and decomposed input', () => {
    assert.equal(foldDiacritics('André Gama'), 'Andre Gama');
    assert.equal(foldDiacritics('Ngân'.normalize('NFD')), 'Ngan');
    assert.equal(foldDiacritics('Łódź Straße Ærø'), 'Lodz Strasse AEro');
  });

  test('leaves plain ASCII and non-letters untouched', () => {
    assert.equal(foldDiacritics('ILO/EU/OECD 2020!'), 'ILO/EU/OECD 2020!');
    assert.equal(foldDiacritics(''), '');
  });
});

describe('slugify', () => {
  test('the examples from the office pages', () => {
    assert.equal(slugify('Đắk Lắk'), 'dak-lak');
    assert.equal(slugify('Book Launch: "An ILO For All Seasons"'), 'book-launch-an-ilo-for-all-seasons');
    assert.equal(slugify('Việt Nam'), 'viet-nam');
    assert.equal(slugify('ILO Webinar on COVID-19:Supporting Enterprises, Jobs and Income in Asia and Pacific'), 'ilo-webinar-on-covid-19-supporting-enterprises-jobs-and-income-in-asia-and');
    assert.equal(slugify('New normal? Better normal!'), 'new-normal-better-normal');
  });

  test('Vietnamese titles', () => {
    assert.equal(slugify('Hội thảo SCORE chia sẻ thực tiễn tốt'), 'hoi-thao-score-chia-se-thuc-tien-tot');
    assert.equal(slugify('Tháng Chín 2020'), 'thang-chin-2020');
  });

  test('apostrophes do not split words', () => {
    assert.equal(slugify('her children’s future'), 'her-childrens-future');
    assert.equal(slugify("ILO's CSR agenda"), 'ilos-csr-agenda');
  });

  test('no leading, trailing or doubled hyphens', () => {
    assert.equal(slugify('  --Hello -- World--  '), 'hello-world');
    assert.equal(slugify('(ILO-Sida)'), 'ilo-sida');
    assert.equal(slugify('A & B'), 'a-b');
  });

  test('cuts at a word boundary within the limit', () => {
    const title = 'Virtual Open Session at the ASEAN Committee on Migrant Workers (ACMW) Workshop on Planning for the Action Plan in 2021-2025';
    const slug = slugify(title);
    assert.ok(slug.length <= 80, slug);
    assert.equal(slug, 'virtual-open-session-at-the-asean-committee-on-migrant-workers-acmw-workshop-on');
    assert.equal(slugify('alpha beta gamma', 10), 'alpha-beta');
    assert.equal(slugify('alpha beta gamma', 9), 'alpha');
    assert.ok(!slugify('alpha beta gamma', 11).endsWith('-'));
  });

  test('a single word longer than the limit is cut hard', () => {
    assert.equal(slugify('a'.repeat(100)).length, 80);
    assert.equal(slugify('supercalifragilistic', 5), 'super');
  });

  test('returns "" when there is nothing to keep', () => {
    assert.equal(slugify(''), '');
    assert.equal(slugify('---'), '');
    assert.equal(slugify('“” ??? ©'), '');
    assert.equal(slugify('中文'), '');
  });

  test('rejects a nonsensical limit', () => {
    assert.throws(() => slugify('x', 0), RangeError);
  });
});
