import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FOLDED_WORDS_KEPT, foldWord, highlight, indexText, MAX_QUERY_LENGTH, parseSearchQuery, plainText, snippet, words, type TextPiece } from './search-text.js';
import { ftsExpression } from './sqlite-search-index.js';
import { tsQueryText } from './postgres-search-index.js';

function marked(pieces: TextPiece[]): string[] {
  return pieces.filter((p) => p.mark).map((p) => p.text);
}

function query(text: string) {
  const parsed = parseSearchQuery(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return parsed.query;
}

describe('words and indexText', () => {
  test('cut at anything that is not a letter or digit, lower-cased, Vietnamese letters kept', () => {
    assert.deepEqual(words('Đắk Lắk, COVID-19 (2020)'), ['đắk', 'lắk', 'covid', '19', '2020']);
    assert.equal(indexText('Việt Nam: Đắk Lắk', true), 'viet nam dak lak');
    assert.equal(indexText('Việt Nam: Đắk Lắk', false), 'việt nam đắk lắk');
  });

  test('decomposed input (as some keyboards send it) gives the same words as composed', () => {
    assert.deepEqual(words('Vie\u0323\u0302t Nam'), words('Việt Nam'));
  });
});

describe('parseSearchQuery', () => {
  test('words, all required; the last long word may be a prefix', () => {
    const q = query('child labour');
    assert.deepEqual(
      q.terms.map((t) => [t.words, t.prefix]),
      [
        [['child'], false],
        [['labour'], true],
      ],
    );
  });

  test('quoted phrases, straight or curly', () => {
    for (const text of ['"child labour" Viet', '“child labour” Viet']) {
      const q = query(text);
      assert.deepEqual(q.terms[0]?.words, ['child', 'labour']);
      assert.equal(q.terms[0]?.prefix, false);
      assert.deepEqual(q.terms[1]?.words, ['viet']);
    }
  });

  test('operators and syntax are not passed on as syntax', () => {
    const q = query('child AND (labour OR title:work*) NOT -migration^2 NEAR');
    assert.deepEqual(
      q.terms.map((t) => t.words.join(' ')),
      ['child', 'labour', 'title', 'work', 'migration', '2'],
    );
  });

  test('odd queries are problems, not errors', () => {
    for (const text of ['"', '""', '***', '()', '-', "'", '…', '?!', '“”', '   ']) {
      const parsed = parseSearchQuery(text);
      assert.deepEqual(parsed, { ok: false, problem: 'no_words' }, JSON.stringify(text));
    }
    assert.deepEqual(parseSearchQuery('x'.repeat(MAX_QUERY_LENGTH + 1)), { ok: false, problem: 'too_long' });
    assert.deepEqual(parseSearchQuery(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ')), { ok: false, problem: 'too_many_words' });
    assert.equal(parseSearchQuery('x'.repeat(MAX_QUERY_LENGTH)).ok, true);
  });

  test('notes whether the visitor typed diacritics', () => {
    assert.equal(query('Đắk Lắk').hasDiacritics, true);
    assert.equal(query('Dak Lak').hasDiacritics, false);
  });

  test('the database expressions hold only quoted words', () => {
    const q = query('Đắk "child labour" lắk');
    assert.equal(
      ftsExpression(q),
      '{title summary body place taxonomy byline} : ("đắk" AND "child labour" AND "lắk" *) OR ' +
        '{title_f summary_f body_f place_f taxonomy_f byline_f} : ("dak" AND "child labour" AND "lak" *)',
    );
    assert.equal(tsQueryText(q, true), "'dak' & ('child' <-> 'labour') & 'lak':*");
    assert.equal(tsQueryText(q, false), "'đắk' & ('child' <-> 'labour') & 'lắk':*");
  });
});

describe('highlight and snippet', () => {
  test('marks folded matches in both directions, joining neighbouring words', () => {
    assert.deepEqual(marked(highlight('Thăm Đắk Lắk năm 2022', query('dak lak').terms)), ['Đắk Lắk']);
    assert.deepEqual(marked(highlight('A visit to Dak Lak Province', query('Đắk Lắk').terms)), ['Dak Lak']);
    assert.deepEqual(marked(highlight('Việt Nam và ILO', query('viet nam').terms)), ['Việt Nam']);
  });

  test('keeps the text exactly, marks only whole words or prefixes', () => {
    const pieces = highlight('Vietnamese workers in Viet Nam', query('viet').terms);
    assert.equal(pieces.map((p) => p.text).join(''), 'Vietnamese workers in Viet Nam');
    // "viet" as the last word is a prefix, so "Vietnamese" counts too.
    assert.deepEqual(marked(pieces), ['Vietnamese', 'Viet']);
    assert.deepEqual(marked(highlight('Vietnamese workers in Viet Nam', query('viet nam').terms)), ['Viet Nam']);
  });

  test('a long text is cut around the first match, with ellipses', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The SCORE programme met in Đắk Lắk. ${'Consectetur adipiscing elit. '.repeat(20)}`;
    const pieces = snippet(text, query('dak lak').terms);
    const shown = pieces.map((p) => p.text).join('');
    assert.ok(shown.startsWith('… '), shown);
    assert.ok(shown.endsWith(' …'), shown);
    assert.ok(shown.length <= 230, `${shown.length}`);
    assert.deepEqual(marked(pieces), ['Đắk Lắk']);
  });

  test('plainText drops Markdown syntax', () => {
    assert.equal(plainText('## Title\n\n**Bold** and [a link](https://x.org) ![alt text](a.jpg)').trim(), 'Title\n\nBold and a link alt text');
  });
});

describe('folded words', () => {
  test('each word folds to its own, asked first or again', () => {
    for (let round = 1; round <= 2; round++) {
      assert.deepEqual(['đắk', 'lắk', 'lao', 'động', 'dak', 'workers'].map(foldWord), ['dak', 'lak', 'lao', 'dong', 'dak', 'workers'], `round ${round}`);
    }
  });

  test('more words than are kept still fold right, the first of them asked again after the others', () => {
    assert.equal(foldWord('việt'), 'viet');
    for (let i = 0; i <= FOLDED_WORDS_KEPT; i++) assert.equal(foldWord(`ấ${i}`), `a${i}`);
    assert.equal(foldWord('việt'), 'viet');
  });

  test('a snippet marks every word the query matches, diacritics ignored, however many words its text has', () => {
    const { query } = parseSearchQuery('lao động') as { query: { terms: Parameters<typeof snippet>[1] } };
    const text = `${'Người lao động và doanh nghiệp. '.repeat(3)}`;
    const marked = snippet(text, query.terms).filter((p) => p.mark).map((p) => p.text);
    assert.deepEqual(marked, ['lao động', 'lao động', 'lao động']);
  });
});
