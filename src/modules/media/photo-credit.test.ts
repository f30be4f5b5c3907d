import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCredit, parseCredit } from './photo-credit.js';

describe('parseCredit', () => {
  test('holder, photographer and year', () => {
    assert.deepEqual(parseCredit('© ILO/Nguyen Hai Dat 2024'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 });
  });

  test('holder and year only', () => {
    assert.deepEqual(parseCredit('© ILO 2024'), { holder: 'ILO', photographer: null, year: 2024 });
  });

  test('no space after the sign, no year', () => {
    assert.deepEqual(parseCredit('©ILO/Nguyen Hai Dat'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: null });
  });

  test('"(c)" in either case, and "Copyright"', () => {
    assert.deepEqual(parseCredit('(c) ILO/Nguyen Hai Dat'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: null });
    assert.deepEqual(parseCredit('(C) ILO/Nguyen Hai Dat 2024'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 });
    assert.deepEqual(parseCredit('Copyright ILO 2020'), { holder: 'ILO', photographer: null, year: 2020 });
  });

  test('Vietnamese photographer names and stray spacing', () => {
    assert.deepEqual(parseCredit('  ©  ILO / Nguyễn Hải Đạt ,2024 '), { holder: 'ILO', photographer: 'Nguyễn Hải Đạt', year: 2024 });
  });

  test('null when the line is not a credit', () => {
    for (const line of ['ILO/Nguyen Hai Dat 2024', 'Potatoes and perseverance', '©', '© ', '29 March 2024', '']) {
      assert.equal(parseCredit(line), null, line);
    }
  });
});

describe('formatCredit', () => {
  test('writes the office form', () => {
    assert.equal(formatCredit({ holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }), '© ILO/Nguyen Hai Dat 2024');
    assert.equal(formatCredit({ holder: 'ILO', photographer: null, year: 2024 }), '© ILO 2024');
    assert.equal(formatCredit({ holder: 'ILO', photographer: 'Nguyen Hai Dat', year: null }), '© ILO/Nguyen Hai Dat');
    assert.equal(formatCredit({ holder: 'ILO', photographer: null, year: null }), '© ILO');
  });

  test('round-trips the seed credit', () => {
    const seed = '© ILO/Nguyen Hai Dat 2024';
    const parsed = parseCredit(seed);
    assert.ok(parsed);
    assert.equal(formatCredit(parsed), seed);
  });
});
