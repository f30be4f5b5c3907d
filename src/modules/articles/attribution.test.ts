import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { casesOf } from '../../../test/helpers/cases.js';
import { formatByline, parseByline } from './attribution.js';

/** A parsed byline, written on one line. */
const byline = (kind: 'by' | 'op-ed', name: string, role: string | null, organisation: string | null) => ({ kind, name, role, organisation });

describe('parseByline', () => {
  casesOf(parseByline, {
    'name, role and organisation from the seed': [
      ['By André Gama, Social Protection Programme Manager, ILO Viet Nam', byline('by', 'André Gama', 'Social Protection Programme Manager', 'ILO Viet Nam')],
    ],
    'op-ed with two parts: a job title stays a role': [['Op-ed by Chang-Hee Lee, ILO Viet Nam Director', byline('op-ed', 'Chang-Hee Lee', 'ILO Viet Nam Director', null)]],
    'two parts: a clear organisation is the organisation': [
      ['Op-ed by Chang-Hee Lee, ILO Viet Nam', byline('op-ed', 'Chang-Hee Lee', null, 'ILO Viet Nam')],
      ['By Anna Olsen, International Labour Organization', byline('by', 'Anna Olsen', null, 'International Labour Organization')],
      ['By Anna Olsen, Technical Specialist', byline('by', 'Anna Olsen', 'Technical Specialist', null)],
    ],
    'name only': [
      ['By Jane Doe', byline('by', 'Jane Doe', null, null)],
      ['by Guy Ryder.', byline('by', 'Guy Ryder', null, null)],
      ['Op-ed by Maria van der Berg', byline('op-ed', 'Maria van der Berg', null, null)],
    ],
    'an organisation whose name holds a comma stays whole': [
      ['By Jane Doe, Chief Inspector, Ministry of Labour, Invalids and Social Affairs', byline('by', 'Jane Doe', 'Chief Inspector', 'Ministry of Labour, Invalids and Social Affairs')],
    ],
    'Vietnamese bylines': [
      ['Bài viết của ông Chang-Hee Lee, Giám đốc ILO Việt Nam', byline('by', 'Chang-Hee Lee', 'Giám đốc ILO Việt Nam', null)],
      ['Tác giả: Nguyễn Hải Đạt', byline('by', 'Nguyễn Hải Đạt', null, null)],
      ['Bài bình luận của Chang-Hee Lee, Giám đốc, ILO Việt Nam', byline('op-ed', 'Chang-Hee Lee', 'Giám đốc', 'ILO Việt Nam')],
    ],
    'ordinary sentences starting with "By" are not bylines': [
      'By 2030, all workers in Viet Nam should have access to social protection.',
      'By the end of 2020, the project had trained 300 enterprises.',
      'By the end of the year the campaign will have reached every province',
      'By working together, workers and employers can cope with the crisis.',
      'By Vietnamese standards, the wage increase was modest.',
      'Byline missing',
      'Workers are consumers as well as producers, ILO Viet Nam Director Chang-Hee Lee emphasizes.',
      'By Jane Doe, Director. She explains why wages matter.',
    ].map((line) => [line, null] as const),
  });
});

describe('formatByline', () => {
  /** A byline read and written again in English. */
  function roundTrip(line: string): string {
    const parsed = parseByline(line);
    assert.ok(parsed, line);
    return formatByline(parsed, 'en');
  }
  const same = (line: string) => [line, line] as const;
  casesOf(roundTrip, {
    'round-trips the seed byline': [same('By André Gama, Social Protection Programme Manager, ILO Viet Nam')],
    'round-trips the other English forms': ['Op-ed by Chang-Hee Lee, ILO Viet Nam Director', 'Op-ed by Chang-Hee Lee, ILO Viet Nam', 'By Jane Doe'].map(same),
  });

  test('Vietnamese', () => {
    const gama = parseByline('By André Gama, Social Protection Programme Manager, ILO Viet Nam');
    assert.ok(gama);
    assert.equal(formatByline(gama, 'vi'), 'Bài viết của André Gama, Social Protection Programme Manager, ILO Viet Nam');
    assert.equal(
      formatByline({ kind: 'op-ed', name: 'Chang-Hee Lee', role: 'Giám đốc ILO Việt Nam', organisation: null }, 'vi'),
      'Bài bình luận của Chang-Hee Lee, Giám đốc ILO Việt Nam',
    );
    const back = parseByline('Bài bình luận của Chang-Hee Lee, Giám đốc ILO Việt Nam');
    assert.deepEqual(back, { kind: 'op-ed', name: 'Chang-Hee Lee', role: 'Giám đốc ILO Việt Nam', organisation: null });
  });
});
