import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rfc5545Problems } from './rfc5545.js';

const lines = (...content: string[]) => content.map((line) => `${line}\r\n`).join('');
const wrap = (...content: string[]) => lines('BEGIN:VCALENDAR', 'VERSION:2.0', ...content, 'END:VCALENDAR');

describe('rfc5545Problems', () => {
  test('a well-formed calendar passes', () => {
    const folded = `SUMMARY:${'é'.repeat(33)}\r\n ${'é'.repeat(10)}`;
    assert.deepEqual(rfc5545Problems(wrap('BEGIN:VEVENT', folded, 'CATEGORIES:A\\, b,C', 'DESCRIPTION:a\\nb\\; c\\\\', 'END:VEVENT')), []);
  });

  test('each broken rule is named', () => {
    const cases: [string | Buffer, RegExp][] = [
      [wrap().slice(0, -2), /last line does not end in CRLF/],
      [wrap(`X-LONG:${'a'.repeat(69)}`), /76 octets/],
      // A fold between the two octets of "é".
      [Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\nSUMMARY:'), Buffer.from([0xc3]), Buffer.from('\r\n '), Buffer.from([0xa9]), Buffer.from('\r\nEND:VCALENDAR\r\n')]), /not whole UTF-8/],
      [wrap('SUMMARY:a, b'), /unescaped comma/],
      [wrap('NAME:a; b'), /unescaped semicolon/],
      [wrap('X-WR-CALNAME:C:\\path'), /backslash not followed/],
      [wrap('DESCRIPTION:a\\x'), /backslash not followed/],
      [wrap('SUMMARY:a\u0000b'), /U\+0000/],
      [wrap('SUMMARY:a\nb'), /U\+000a/],
      [wrap('BEGIN:VEVENT', 'END:VTODO'), /ends VTODO where VEVENT is open/],
      [wrap('BEGIN:VEVENT'), /never ended|where VEVENT is open/],
    ];
    for (const [text, problem] of cases) {
      const problems = rfc5545Problems(text);
      assert.ok(
        problems.some((p) => problem.test(p)),
        `${JSON.stringify(String(text))}: ${JSON.stringify(problems)}`,
      );
    }
  });
});
