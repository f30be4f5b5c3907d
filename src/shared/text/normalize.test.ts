import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ical from 'ical-generator';
import { validateXML } from 'xmllint-wasm';
import { hasControlCharacter, normalizeLine, normalizeText, stripForbidden } from './normalize.js';
import { casesOf } from '../../../test/helpers/cases.js';

/** Every C0 control, DEL and every C1 control. */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map((c) =>
  String.fromCharCode(c),
);
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D'];
const NONCHARACTERS = ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}'];

/** XML 1.0's Char production, as a whole string. */
const XML_CHARS = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** RFC 5545 CTL: every control but the tab. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ICAL_CTL = /[\0-\x08\x0A-\x1F\x7F]/;

// Seeded so that a failure is the same on every run and every machine.
const SEED = 20261204;
const RUNS = 2000;

/** Any string, with the characters that break outputs sprinkled in. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  // UTF-16 code units, so lone surrogates come up too.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...CONTROLS, ...LONE_SURROGATES, ...NONCHARACTERS, 'a', 'é', 'e\u0301', ' ', '\r\n', '😀') }),
  fc
    .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...CONTROLS, ...LONE_SURROGATES, ...NONCHARACTERS)))
    .map((parts) => parts.join('')),
);

/** The TEXT value as a calendar writer puts it in a content line, unfolded. */
function calendarLines(text: string): string[] {
  const calendar = ical({ prodId: '-//Almanac//Test//EN' });
  calendar.createEvent({ id: 'x', start: new Date(Date.UTC(2020, 0, 1)), allDay: true, summary: text, description: text, location: text });
  return calendar
    .toString()
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
}

const VIETNAMESE = [
  'Hội thảo quốc gia về lao động trẻ em',
  'Đắk Lắk: đối thoại xã hội và thương lượng tập thể',
  'Tăng cường quan hệ lao động ở Việt Nam (2020–2025)',
  'Báo cáo \u201cViệc làm xanh\u201d: 17 tháng 9, 2020 😀👩🏽‍🔧',
];

describe('normalizeText', () => {
  casesOf(normalizeText, {
    'a vertical tab pasted from Word and a form feed are line breaks; NUL and other controls go': [
      ['First line\vsecond line\fthird\0', 'First line\nsecond line\nthird'],
      ['a\u0007b\u001bc\u007fd\u0080e\u009fz', 'abcdez'],
    ],
    'CR LF and CR become LF; NEL and the Unicode separators too': [
      ['a\r\nb\rc\u0085d\u2028e\u2029f', 'a\nb\nc\nd\ne\nf'],
    ],
    'keeps the tab in multi-line text': [
      ['Item\tTime\n1\t09:00', 'Item\tTime\n1\t09:00'],
    ],
    'a lone surrogate becomes the replacement character; a pair is kept': [
      ['a\uD83Db', 'a\uFFFDb'],
      ['a\uDE00b', 'a\uFFFDb'],
      ['a\uD83D\uDE00b', 'a😀b'],
    ],
    'noncharacters go': [
      [`a${NONCHARACTERS.join('')}b`, 'ab'],
    ],
    'composes text typed decomposed (NFC), also across a removed control': [
      ['Vie\u0323\u0302t Nam', 'Việt Nam'],
      ['e\u0000\u0301', 'é'],
    ],
  });

  test('keepLines: only CR and LF end a line, so every line keeps its number', () => {
    const text = 'Title\vwith a break\r\nnext\fline\u0085x';
    const out = normalizeText(text, { keepLines: true });
    assert.equal(out, 'Title with a break\nnext line x');
  });

  test('every C0 and C1 control alone', () => {
    for (const c of CONTROLS) {
      const out = normalizeText(`a${c}b`);
      const expected = c === '\t' ? 'a\tb' : /[\n\r\v\f\u0085]/.test(c) ? 'a\nb' : 'ab';
      assert.equal(out, expected, `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  });
});

describe('normalizeLine', () => {
  casesOf(normalizeLine, {
    'line breaks and tabs, with the spaces around them, become one space; the ends are trimmed': [
      ['  Workshop on\vchild labour \r\n\r\n in Ha Noi\t(day 1)  ', 'Workshop on child labour in Ha Noi (day 1)'],
      ['\0\u0085 ', ''],
    ],
    'leaves inner runs of spaces alone': [
      ['ILO  Viet Nam', 'ILO  Viet Nam'],
    ],
  });
});

describe('stripForbidden', () => {
  test('drops what XML and iCalendar forbid; makes no new line end, keeps the existing ones', () => {
    assert.equal(stripForbidden('a\0b\vc\r\nd\uD800e\uFFFEf\u0085g\rh\ni'), 'ab c\r\nd\uFFFDef g h\ni');
  });

  test('applied to a finished calendar, leaves every content line whole and free of controls', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const calendar = ical({ prodId: '-//Almanac//Test//EN' });
        calendar.createEvent({ id: 'x', start: new Date(Date.UTC(2020, 0, 1)), allDay: true, summary: s, description: s });
        const written = calendar.toString();
        const cleaned = stripForbidden(written);
        assert.equal(cleaned.split('\r\n').length, written.split('\r\n').length);
        for (const line of cleaned.split('\r\n')) assert.doesNotMatch(line, ICAL_CTL);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('text normalisation properties', () => {
  const params = { seed: SEED, numRuns: RUNS };

  test('the output of any string is XML 1.0 character data, and libxml2 parses a document of them all', async () => {
    const elements: string[] = [];
    fc.assert(
      fc.property(hostileString, (s) => {
        for (const out of [normalizeText(s), normalizeLine(s), normalizeText(s, { keepLines: true }), stripForbidden(s)]) {
          assert.match(out, XML_CHARS);
          elements.push(`<t>${out.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t>`);
        }
      }),
      params,
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<all>${elements.join('\n')}</all>\n`;
    const result = await validateXML({ xml: { fileName: 'texts.xml', contents: xml }, normalization: 'format' });
    assert.deepEqual(result.errors.map((e) => e.message), []);
    assert.equal(result.valid, true);
  });

  test('(the XML check above does catch a forbidden character)', async () => {
    const result = await validateXML({ xml: { fileName: 'bad.xml', contents: '<?xml version="1.0"?><t>a\vb</t>' }, normalization: 'format' });
    assert.equal(result.valid, false);
  });

  test('the output of any string is iCalendar TEXT: no control but the tab in any content line', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        for (const out of [normalizeText(s), normalizeLine(s)]) {
          for (const line of calendarLines(out)) assert.doesNotMatch(line, ICAL_CTL);
        }
      }),
      { ...params, numRuns: RUNS / 4 },
    );
  });

  test('a single line has no line break, no tab and no space at either end', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const out = normalizeLine(s);
        assert.doesNotMatch(out, /[\n\r\t]/);
        assert.equal(out, out.trim());
      }),
      params,
    );
  });

  test('idempotent', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const text = normalizeText(s);
        assert.equal(normalizeText(text), text);
        const line = normalizeLine(s);
        assert.equal(normalizeLine(line), line);
        const kept = normalizeText(s, { keepLines: true });
        assert.equal(normalizeText(kept, { keepLines: true }), kept);
      }),
      params,
    );
  });

  test('keepLines never adds or removes a line', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const lines = s.split(/\r\n|\r|\n/).length;
        assert.equal(normalizeText(s, { keepLines: true }).split('\n').length, lines);
      }),
      params,
    );
  });

  test('ordinary text (Vietnamese with its marks, emoji, any printable text in NFC) is unchanged', () => {
    for (const s of VIETNAMESE) {
      assert.equal(normalizeText(s), s);
      assert.equal(normalizeLine(s), s);
    }
    const printable = fc
      .string({ unit: 'grapheme' })
      .map((s) => s.normalize('NFC'))
      .filter((s) => !/[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u2028\u2029]/u.test(s));
    fc.assert(
      fc.property(fc.array(fc.oneof(printable, fc.constantFrom(...VIETNAMESE))), (parts) => {
        const s = parts.join('\n');
        assert.equal(normalizeText(s), s);
      }),
      params,
    );
  });
});

describe('hasControlCharacter', () => {
  test('finds every control, a lone surrogate and a noncharacter; not ordinary text', () => {
    for (const c of [...CONTROLS, ...LONE_SURROGATES, ...NONCHARACTERS, '\u2028']) assert.equal(hasControlCharacter(`https://example.org/${c}`), true, JSON.stringify(c));
    for (const s of [...VIETNAMESE, 'https://example.org/a?b=c#d']) assert.equal(hasControlCharacter(s), false, s);
  });
});

describe('time', () => {
  test('linear in the length: a long run of spaces without a line break is no slower than any text', () => {
    // A form field can be as long as the body limit; anything worse than linear would stall the server.
    // Processor time of 10× the text against 1×: about 10 when linear, about 100 when quadratic.
    const shapes = (n: number) => [`a${' '.repeat(2 * n)}a`, `\n${' \t'.repeat(n)}x`, '\v\0'.repeat(n)];
    const cpu = (n: number) => {
      const start = process.cpuUsage();
      for (const s of shapes(n)) {
        normalizeLine(s);
        normalizeText(s);
        stripForbidden(s);
      }
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    cpu(15_000); // warm up
    const ratio = cpu(150_000) / Math.max(cpu(15_000), 1);
    assert.ok(ratio < 40, `10× the text took ${ratio.toFixed(1)}× the time`);
  });
});
