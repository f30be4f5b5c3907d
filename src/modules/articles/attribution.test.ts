import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatByline, parseByline } from './attribution.js';

describe('parseByline', () => {
  test('name, role and organisation from the seed', () => {
    assert.deepEqual(parseByline('By André Gama, Social Protection Programme Manager, ILO Viet Nam'), {
      kind: 'by',
      name: 'André Gama',
      role: 'Social Protection Programme Manager',
      organisation: 'ILO Viet Nam',
    });
  });

  test('op-ed with two parts: a job title stays a role', () => {
    assert.deepEqual(parseByline('Op-ed by Chang-Hee Lee, ILO Viet Nam Director'), {
      kind: 'op-ed',
      name: 'Chang-Hee Lee',
      role: 'ILO Viet Nam Director',
      organisation: null,
    });
  });

  test('two parts: a clear organisation is the organisation', () => {
    assert.deepEqual(parseByline('Op-ed by Chang-Hee Lee, ILO Viet Nam'), {
      kind: 'op-ed',
      name: 'Chang-Hee Lee',
      role: null,
      organisation: 'ILO Viet Nam',
    });
    assert.deepEqual(parseByline('By Anna Olsen, International Labour Organization'), {
      kind: 'by',
      name: 'Anna Olsen',
      role: null,
      organisation: 'International Labour Organization',
    });
    assert.deepEqual(parseByline('By Anna Olsen, Technical Specialist'), {
      kind: 'by',
      name: 'Anna Olsen',
      role: 'Technical Specialist',
      organisation: null,
    });
  });

  test('name only', () => {
    assert.deepEqual(parseByline('By Jane Doe'), { kind: 'by', name: 'Jane Doe', role: null, organisation: null });
    assert.deepEqual(parseByline('by Guy Ryder.'), { kind: 'by', name: 'Guy Ryder', role: null, organisation: null });
    assert.deepEqual(parseByline('Op-ed by Maria van der Berg'), { kind: 'op-ed', name: 'Maria van der Berg', role: null, organisation: null });
  });

  test('an organisation whose name holds a comma stays whole', () => {
    assert.deepEqual(parseByline('By Jane Doe, Chief Inspector, Ministry of Labour, Invalids and Social Affairs'), {
      kind: 'by',
      name: 'Jane Doe',
      role: 'Chief Inspector',
      organisation: 'Ministry of Labour, Invalids and Social Affairs',
    });
  });

  test('Vietnamese bylines', () => {
    assert.deepEqual(parseByline('Bài viết của ông Chang-Hee Lee, Giám đốc ILO Việt Nam'), {
      kind: 'by',
      name: 'Chang-Hee Lee',
      role: 'Giám đốc ILO Việt Nam',
      organisation: null,
    });
    assert.deepEqual(parseByline('Tác giả: Nguyễn Hải Đạt'), { kind: 'by', name: 'Nguyễn Hải Đạt', role: null, organisation: null });
    assert.deepEqual(parseByline('Bài bình luận của Chang-Hee Lee, Giám đốc, ILO Việt Nam'), {
      kind: 'op-ed',
      name: 'Chang-Hee Lee',
      role: 'Giám đốc',
      organisation: 'ILO Việt Nam',
    });
  });

  test('ordinary sentences starting with "By" are not bylines', () => {
    for (const line of [
      'By 2030, all workers in Viet Nam should have access to social protection.',
      'By the end of 2020, the project had trained 300 enterprises.',
      'By the end of the year the campaign will have reached every province',
      'By working together, workers and employers can cope with the crisis.',
      'By Vietnamese standards, the wage increase was modest.',
      'Byline missing',
      'Workers are consumers as well as producers, ILO Viet Nam Director Chang-Hee Lee emphasizes.',
      'By Jane Doe, Director. She explains why wages matter.',
    ]) {
      assert.equal(parseByline(line), null, line);
    }
  });
});

describe('formatByline', () => {
  test('round-trips the seed byline', () => {
    const seed = 'By André Gama, Social Protection Programme Manager, ILO Viet Nam';
    const parsed = parseByline(seed);
    assert.ok(parsed);
    assert.equal(formatByline(parsed, 'en'), seed);
  });

  test('round-trips the other English forms', () => {
    for (const line of ['Op-ed by Chang-Hee Lee, ILO Viet Nam Director', 'Op-ed by Chang-Hee Lee, ILO Viet Nam', 'By Jane Doe']) {
      const parsed = parseByline(line);
      assert.ok(parsed, line);
      assert.equal(formatByline(parsed, 'en'), line);
    }
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
