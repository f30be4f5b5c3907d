import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldDiacritics, slugify } from './slugify.js';
import { casesOf } from '../../../test/helpers/cases.js';

describe('foldDiacritics', () => {
  casesOf(foldDiacritics, {
    'removes Vietnamese tone and vowel marks': [
      ['Việt Nam', 'Viet Nam'],
      ['Sự kiện và cuộc họp', 'Su kien va cuoc hop'],
      ['Tháng Chín', 'Thang Chin'],
    ],
    'folds đ and Đ, which NFD leaves alone': [
      ['Đắk Lắk', 'Dak Lak'],
      ['đường', 'duong'],
      ['Đ'.normalize('NFD'), 'D'],
    ],
    'handles other Latin letters and decomposed input': [
      ['André Gama', 'Andre Gama'],
      ['Ngân'.normalize('NFD'), 'Ngan'],
      ['Łódź Straße Ærø', 'Lodz Strasse AEro'],
    ],
    'leaves plain ASCII and non-letters untouched': [
      ['ILO/EU/OECD 2020!', 'ILO/EU/OECD 2020!'],
      ['', ''],
    ],
  });
});

describe('foldDiacritics, any text', () => {
  // Every step of the folding, with no shortcut for plain ASCII.
  const everyStep = (s: string) =>
    s
      .replace(/[đĐðÐøØłŁħĦıßæÆœŒþÞ]/g, (ch) => foldDiacritics(ch))
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');

  test('gives what every step of the folding gives, for plain ASCII, Vietnamese and anything else', () => {
    const vietnamese = fc.constantFrom(...'aăâđeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệóòỏõọốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵĐẮẾ '.split(''));
    const text = fc.oneof(
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: vietnamese }),
      // Spaces beside ASCII: U+2000 becomes U+2002 under NFD, as a shortcut for ASCII must not forget.
      fc.string({ unit: fc.oneof(vietnamese, fc.constantFrom('a', 'Z', '1', ' ', '-', '\t', '\u00a0', '\u2000', '\u212b')) }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(fc.property(text, (s) => foldDiacritics(s) === everyStep(s)), { numRuns: 500 });
  });
});

describe('slugify', () => {
  casesOf(slugify, {
    'the examples from the office pages': [
      ['Đắk Lắk', 'dak-lak'],
      ['Book Launch: "An ILO For All Seasons"', 'book-launch-an-ilo-for-all-seasons'],
      ['Việt Nam', 'viet-nam'],
      ['ILO Webinar on COVID-19:Supporting Enterprises, Jobs and Income in Asia and Pacific', 'ilo-webinar-on-covid-19-supporting-enterprises-jobs-and-income-in-asia-and'],
      ['New normal? Better normal!', 'new-normal-better-normal'],
    ],
    'Vietnamese titles': [
      ['Hội thảo SCORE chia sẻ thực tiễn tốt', 'hoi-thao-score-chia-se-thuc-tien-tot'],
      ['Tháng Chín 2020', 'thang-chin-2020'],
    ],
    'apostrophes do not split words': [
      ['her children’s future', 'her-childrens-future'],
      ["ILO's CSR agenda", 'ilos-csr-agenda'],
    ],
    'no leading, trailing or doubled hyphens': [
      ['  --Hello -- World--  ', 'hello-world'],
      ['(ILO-Sida)', 'ilo-sida'],
      ['A & B', 'a-b'],
    ],
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

  casesOf(slugify, {
    'returns "" when there is nothing to keep': [
      ['', ''],
      ['---', ''],
      ['“” ??? ©', ''],
      ['中文', ''],
    ],
  });

  test('rejects a nonsensical limit', () => {
    assert.throws(() => slugify('x', 0), RangeError);
  });
});
