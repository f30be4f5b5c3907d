import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTICLES_EN, EVENTS_EN, EVENTS_VI, type ExpectedEvent, type Text } from '../../../test/fixtures/seed-listings.js';
import { ListingParseError, parseListing, type ListingKind, type ParsedListing } from './listing-parser.js';

function seed(name: string): string {
  return readFileSync(new URL(`../../../content/seeds/${name}`, import.meta.url), 'utf8');
}

function assertText(actual: string | null, expected: Text, label: string): void {
  if (expected === null || typeof expected === 'string') {
    assert.equal(actual, expected, label);
    return;
  }
  assert.ok(actual !== null, `${label}: expected text`);
  assert.ok(actual.length > 200, `${label}: expected a long text`);
  assert.ok(actual.startsWith(expected.first), `${label}: starts ${JSON.stringify(actual.slice(0, 40))}`);
  assert.ok(actual.endsWith(expected.last), `${label}: ends ${JSON.stringify(actual.slice(-40))}`);
  assert.ok(!actual.includes('\n'), `${label}: a single paragraph`);
}

type Listed = Pick<ExpectedEvent, 'line' | 'number' | 'title' | 'dateText'>;

/**
 * Each parsed item against the one expected in its place: as many, and the
 * line, number, title and date as written that both kinds have, then the
 * kind's own fields through `own` (given the item's label for messages).
 */
function assertListed<A extends Listed, E extends Listed>(kind: string, actual: readonly A[], expected: readonly E[], own: (a: A, e: E, i: number, label: string) => void): void {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    const label = `${kind} ${i + 1} (line ${e.line})`;
    assert.equal(a.line, e.line, label);
    assert.equal(a.number, e.number, label);
    assert.equal(a.title, e.title, label);
    assert.equal(a.dateText, e.dateText, label);
    own(a, e, i, label);
  });
}

function assertEvents(listing: ParsedListing, expected: ExpectedEvent[]): void {
  assertListed('event', listing.events, expected, (a, e, _i, label) => {
    assert.equal(a.start, e.start, label);
    assert.equal(a.end, e.end, label);
    assertText(a.description, e.text, label);
  });
}

describe('seed: events.en.txt', () => {
  const listing = parseListing(seed('events.en.txt'));

  test('page heading, kind, language and intro', () => {
    assert.equal(listing.kind, 'events');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.heading, 'Events and meetings');
    assert.equal(
      listing.intro,
      'The ILO Country Office for Viet Nam organizes and takes part in a number of events and meetings. Below is a list of upcoming and past events. Any queries should be sent to the office by email.',
    );
    assert.deepEqual(listing.articles, []);
  });

  test('all 20 events in order, every field', () => {
    assertEvents(listing, EVENTS_EN);
  });

  test('each event keeps the month heading it stood under', () => {
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2020-09', '2020-09', '2020-07', '2020-07', '2020-07', '2020-07', '2020-06', '2020-06', '2020-06', '2020-05', '2020-04', '2020-03', '2020-03', '2020-03', '2020-02', '2020-02', '2020-02', '2020-02', '2020-01', '2020-01'],
    );
  });

  test('numbering restarts under each month', () => {
    assert.deepEqual(
      listing.events.map((e) => e.number),
      [1, 2, 1, 2, 3, 4, 1, 2, 3, 1, 1, 1, 2, 3, 1, 2, 3, 4, 1, 2],
    );
  });

  test('curly quotes and apostrophes come through untouched', () => {
    assert.ok(listing.events[3]!.description!.includes('“Pillar 3: Protecting workers in the workplace”'));
    assert.ok(listing.events[19]!.description!.includes('project’s current livelihood interventions'));
  });
});

describe('seed: articles.en.txt', () => {
  const listing = parseListing(seed('articles.en.txt'));

  test('page heading, kind and language; no intro', () => {
    assert.equal(listing.kind, 'articles');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.heading, 'Feature articles');
    assert.equal(listing.intro, null);
    assert.deepEqual(listing.events, []);
  });

  test('all 20 articles in order, every field', () => {
    assertListed('article', listing.articles, ARTICLES_EN, (a, e, i, label) => {
      assert.equal(a.date, e.date, label);
      if (i === 8) {
        assert.equal(a.summary, null, label);
      } else {
        assertText(a.summary, e.text, label);
      }
      if (i === 1) {
        assert.deepEqual(a.credit, { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }, label);
      } else {
        assert.equal(a.credit, null, label);
      }
      if (i !== 8) assert.equal(a.byline, null, label);
    });
  });

  test('the byline stands where the summary would be', () => {
    const a = listing.articles[8]!;
    assert.equal(a.title, 'A bridge over troubled water');
    assert.equal(a.summary, null);
    assert.deepEqual(a.byline, {
      kind: 'by',
      name: 'André Gama',
      role: 'Social Protection Programme Manager',
      organisation: 'ILO Viet Nam',
    });
  });

  test('the credit on the numbered line belongs to the article after it', () => {
    const a = listing.articles[1]!;
    assert.equal(a.line, 11);
    assert.equal(a.title, 'Advocating for universal maternity coverage for Vietnamese women');
    assert.equal(a.date, '2023-05-17');
  });

  test('year groups: 2024, 2023, 2022 ×4, 2021 ×7, 2020 ×7, numbering restarting in each', () => {
    const years = listing.articles.map((a) => a.date.slice(0, 4));
    assert.deepEqual(years, ['2024', '2023', ...Array(4).fill('2022'), ...Array(7).fill('2021'), ...Array(7).fill('2020')]);
    assert.deepEqual(
      listing.articles.map((a) => a.number),
      [1, 1, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7],
    );
  });

  test('articles are newest first', () => {
    const dates = listing.articles.map((a) => a.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });
});

describe('seed: events.vi.txt', () => {
  const listing = parseListing(seed('events.vi.txt'));

  test('page heading, kind, language and intro', () => {
    assert.equal(listing.kind, 'events');
    assert.equal(listing.lang, 'vi');
    assert.equal(listing.heading, 'Sự kiện và cuộc họp');
    assert.ok(listing.intro?.startsWith('Văn phòng ILO tại Việt Nam tổ chức và tham gia nhiều sự kiện và cuộc họp.'));
  });

  test('18 of the 20 events, every field', () => {
    assertEvents(listing, EVENTS_VI);
  });

  test('month headings written in words', () => {
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2020-09', '2020-09', '2020-07', '2020-07', '2020-07', '2020-06', '2020-06', '2020-06', '2020-05', '2020-04', '2020-03', '2020-03', '2020-02', '2020-02', '2020-02', '2020-02', '2020-01', '2020-01'],
    );
  });

  test('lines up with the English page on dates', () => {
    const english = parseListing(seed('events.en.txt')).events;
    for (const e of listing.events) {
      assert.ok(english.some((x) => x.start === e.start && x.end === e.end), `${e.start} ${e.end}`);
    }
  });

  test('the page is composed Unicode with Vietnamese diacritics', () => {
    const text = seed('events.vi.txt');
    assert.equal(text, text.normalize('NFC'));
    assert.ok(listing.events.every((e) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(e.title)));
  });
});

/** Parses, failing the test if the listing is refused. */
function parse(text: string, kind?: ListingKind): ParsedListing {
  return kind ? parseListing(text, { kind }) : parseListing(text);
}

/** Asserts the listing is refused on `line`, with a reason matching `reason`. */
function refuses(text: string, line: number, reason: RegExp | string, kind?: ListingKind): ListingParseError {
  let caught: unknown;
  try {
    parse(text, kind);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ListingParseError, `expected a ListingParseError, got ${String(caught)}`);
  assert.equal(caught.line, line, caught.message);
  if (typeof reason === 'string') assert.equal(caught.reason, reason);
  else assert.match(caught.reason, reason);
  assert.equal(caught.message, `line ${line}: ${caught.reason}`);
  // A reason is a sentence for a person, not a stack trace or a regex.
  assert.ok(caught.reason.length > 15 && caught.reason.length < 260, caught.reason);
  assert.ok(!/undefined|null|NaN|\[object/.test(caught.reason), caught.reason);
  return caught;
}

const lines = (...l: string[]): string => l.join('\n');

describe('tricky layouts', () => {
  test('no month headings at all', () => {
    const listing = parse(
      lines(
        'Events',
        '',
        '  1. First meeting',
        '',
        '    17 September 2020',
        '',
        '  2. Second meeting',
        '',
        '    15 September 2020',
        '',
        '    Its description.',
      ),
    );
    assert.equal(listing.kind, 'events');
    assert.equal(listing.intro, null);
    assert.deepEqual(
      listing.events.map((e) => [e.line, e.number, e.title, e.start, e.description, e.monthHeading]),
      [
        [3, 1, 'First meeting', '2020-09-17', null, null],
        [7, 2, 'Second meeting', '2020-09-15', 'Its description.', null],
      ],
    );
  });

  test('"Past events" as the page heading and "Upcoming events" as a section between items', () => {
    const listing = parse(
      lines(
        'Past events',
        '',
        'September 2020',
        '',
        '  1. Old one',
        '',
        '    17 September 2020',
        '',
        'Upcoming events',
        '',
        '  1. New one',
        '',
        '    3 January 2027',
      ),
    );
    assert.equal(listing.heading, 'Past events');
    assert.equal(listing.kind, 'events');
    assert.deepEqual(
      listing.events.map((e) => [e.title, e.number, e.monthHeading]),
      [
        ['Old one', 1, '2020-09'],
        ['New one', 1, null],
      ],
    );
  });

  test('"Upcoming events" and "Past events" as sections under the page heading, with month headings inside', () => {
    const listing = parse(
      lines(
        'Events and meetings',
        'Intro text.',
        'Upcoming events',
        'January 2027',
        '  1. Next year',
        '    5 - 6 January 2027',
        'Past events',
        'September 2020',
        '  1. Last year',
        '    17 September 2020',
      ),
    );
    assert.equal(listing.intro, 'Intro text.');
    assert.deepEqual(
      listing.events.map((e) => [e.line, e.title, e.start, e.end, e.monthHeading]),
      [
        [5, 'Next year', '2027-01-05', '2027-01-06', '2027-01'],
        [9, 'Last year', '2020-09-17', null, '2020-09'],
      ],
    );
  });

  test('year groups separated only by blank lines, numbering restarting', () => {
    const listing = parse(
      lines('Feature articles', '', '', '  1. A', '', '    05 April 2022', '', '', '  1. B', '', '    01 May 2020', '', '  2. C', '', '    23 April 2020'),
    );
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.number, a.title, a.date, a.summary]),
      [
        [4, 1, 'A', '2022-04-05', null],
        [9, 1, 'B', '2020-05-01', null],
        [13, 2, 'C', '2020-04-23', null],
      ],
    );
  });

  test('year headings, when a page has them, are checked against the dates', () => {
    const listing = parse(lines('Feature articles', '2022', '  1. A', '    05 April 2022', '2020', '  1. B', '    01 May 2020'));
    assert.deepEqual(
      listing.articles.map((a) => a.date),
      ['2022-04-05', '2020-05-01'],
    );
    refuses(lines('Feature articles', '2022', '  1. A', '    05 April 2021'), 4, /dated 5 April 2021 but is listed under the year 2022/);
  });

  test('every date form the office uses', () => {
    const forms: [string, string, string | null][] = [
      ['17 September 2020', '2020-09-17', null],
      ['05 September 2020', '2020-09-05', null],
      ['22 - 23 September 2020', '2020-09-22', '2020-09-23'],
      ['13-14 September 2020', '2020-09-13', '2020-09-14'],
      ['13 – 14 Sep 2020', '2020-09-13', '2020-09-14'],
      ['1 September - 30 October 2020', '2020-09-01', '2020-10-30'],
      ['28 September 2020 - 3 January 2021', '2020-09-28', '2021-01-03'],
      ['2020/09/25', '2020-09-25', null],
      ['2020/09/25 - 2020/09/29', '2020-09-25', '2020-09-29'],
      ['25/09/2020', '2020-09-25', null],
      ['17 tháng 9, 2020', '2020-09-17', null],
      ['17 tháng 9 năm 2020', '2020-09-17', null],
      ['22 - 23 tháng 9, 2020', '2020-09-22', '2020-09-23'],
      ['12 - 12 September 2020', '2020-09-12', null],
    ];
    const text = lines('Events', 'September 2020', ...forms.flatMap(([dateText], i) => [`  ${i + 1}. Event ${i + 1}`, `    ${dateText}`]));
    const listing = parse(text);
    assert.deepEqual(
      listing.events.map((e) => [e.dateText, e.start, e.end]),
      forms,
    );
    // Vietnamese dates make the page Vietnamese even under an English heading.
    assert.equal(listing.lang, 'vi');
  });

  test('photo credit on its own line before the numbered title, with and without a blank line', () => {
    const listing = parse(
      lines(
        'Feature articles',
        '',
        '    © ILO/Nguyen Hai Dat 2024',
        '',
        '  1. With a blank line',
        '',
        '    17 May 2023',
        '',
        '    © ILO 2022',
        '  2. Without a blank line',
        '    05 April 2022',
        '  3. No credit',
        '    04 April 2022',
      ),
    );
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.title, a.credit]),
      [
        [5, 'With a blank line', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }],
        [10, 'Without a blank line', { holder: 'ILO', photographer: null, year: 2022 }],
        [12, 'No credit', null],
      ],
    );
  });

  test('photo credit on the numbered line, title right below it or after a blank line, or on a bare number', () => {
    const listing = parse(
      lines(
        'Bài viết nổi bật',
        '  1. © ILO/Nguyen Hai Dat 2024',
        '    Title right below',
        '    2023/05/17',
        '  2. ©ILO/Nguyen Hai Dat',
        '',
        '    Title after a blank',
        '',
        '    2023/05/16',
        '  3.',
        '    (c) ILO',
        '    Title after a bare number',
        '    2023/05/15',
      ),
    );
    assert.equal(listing.lang, 'vi');
    assert.deepEqual(
      listing.articles.map((a) => [a.line, a.number, a.title, a.date, a.credit]),
      [
        [2, 1, 'Title right below', '2023-05-17', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 }],
        [5, 2, 'Title after a blank', '2023-05-16', { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: null }],
        [10, 3, 'Title after a bare number', '2023-05-15', { holder: 'ILO', photographer: null, year: null }],
      ],
    );
  });

  test('bylines where the summary is, and a summary that merely starts with "By"', () => {
    const listing = parse(
      lines(
        'Articles',
        '  1. Op-ed piece',
        '    29 April 2021',
        '    Op-ed by Chang-Hee Lee, ILO Viet Nam Director',
        '  2. Byline then summary',
        '    28 April 2021',
        '    By Jane Doe',
        '',
        '    The summary follows the byline.',
        '  3. Not a byline',
        '    27 April 2021',
        '    By 2030, every worker should be covered.',
      ),
    );
    const [a, b, c] = listing.articles;
    assert.deepEqual(a!.byline, { kind: 'op-ed', name: 'Chang-Hee Lee', role: 'ILO Viet Nam Director', organisation: null });
    assert.equal(a!.summary, null);
    assert.deepEqual(b!.byline, { kind: 'by', name: 'Jane Doe', role: null, organisation: null });
    assert.equal(b!.summary, 'The summary follows the byline.');
    assert.equal(c!.byline, null);
    assert.equal(c!.summary, 'By 2030, every worker should be covered.');
  });

  test('titles with quotes, parentheses, colons and numbers are kept whole', () => {
    const titles = [
      'Book Launch: "An ILO For All Seasons"',
      'Launch of “Convention 98” (C098) - consultation',
      '10 years on: what has changed?',
      "Workers' rights (Revised) & more",
    ];
    const listing = parse(lines('Events', ...titles.flatMap((t, i) => [`  ${i + 1}. ${t}`, '    1 July 2020'])));
    assert.deepEqual(
      listing.events.map((e) => e.title),
      titles,
    );
  });

  test('CRLF line endings, a BOM, tabs, trailing spaces and no final newline', () => {
    const text = '\uFEFFEvents and meetings  \r\n\r\nIntro.\t\r\n\r\nJuly 2020 \r\n\r\n\t1.\tTabbed   title  \r\n\r\n\t\t22 - 23 July 2020\t\r\n\r\n\t\tFirst  paragraph. \r\n\r\n\t\tSecond paragraph.';
    const listing = parse(text);
    assert.equal(listing.heading, 'Events and meetings');
    assert.equal(listing.intro, 'Intro.');
    assert.deepEqual(listing.events, [
      {
        line: 7,
        number: 1,
        title: 'Tabbed title',
        start: '2020-07-22',
        end: '2020-07-23',
        dateText: '22 - 23 July 2020',
        description: 'First paragraph.\n\nSecond paragraph.',
        monthHeading: '2020-07',
      },
    ]);
  });

  test('old Mac line endings (CR only)', () => {
    const listing = parse('Events\r  1. A\r    1 July 2020\r    Text.');
    assert.equal(listing.events[0]!.line, 2);
    assert.equal(listing.events[0]!.description, 'Text.');
  });

  test('descriptions of several paragraphs, lines of one paragraph joined with a space', () => {
    const listing = parse(
      lines(
        'Events',
        '  1. Long one',
        '    1 July 2020',
        '    First paragraph,',
        '    wrapped over two lines.',
        '',
        '    Second paragraph.',
        '',
        '',
        '    Third paragraph.',
        '  2. Next',
        '    2 July 2020',
      ),
    );
    assert.equal(listing.events[0]!.description, 'First paragraph, wrapped over two lines.\n\nSecond paragraph.\n\nThird paragraph.');
    assert.equal(listing.events[1]!.description, null);
  });

  test('an intro of several paragraphs is kept, trimmed', () => {
    const listing = parse(lines('Sự kiện', '', '  Đoạn một.  ', '', 'Đoạn hai,', 'tiếp theo.', '', 'Tháng Chín 2020', '  1. Hội thảo', '    2020/09/17'));
    assert.equal(listing.lang, 'vi');
    assert.equal(listing.intro, 'Đoạn một.\n\nĐoạn hai, tiếp theo.');
    assert.equal(listing.events[0]!.monthHeading, '2020-09');
  });

  test('an event listed under its start month although it ends in the next', () => {
    const listing = parse(lines('Events', 'December 2020', '  1. Year end', '    28 December 2020 - 3 January 2021'));
    assert.deepEqual([listing.events[0]!.start, listing.events[0]!.end], ['2020-12-28', '2021-01-03']);
  });

  test('Vietnamese month headings in every accepted spelling', () => {
    const listing = parse(
      lines('Sự kiện', 'Tháng Giêng 2021', '  1. A', '    2021/01/05', 'Tháng 12/2020', '  1. B', '    2020/12/05', 'tháng mười một 2020', '  1. C', '    2020/11/05', 'Tháng 10 năm 2020', '  1. D', '    2020/10/05'),
    );
    assert.deepEqual(
      listing.events.map((e) => e.monthHeading),
      ['2021-01', '2020-12', '2020-11', '2020-10'],
    );
  });

  test('the kind can come from the options when the page has no heading', () => {
    const listing = parse(lines('September 2020', '  1. A', '    17 September 2020'), 'events');
    assert.equal(listing.kind, 'events');
    assert.equal(listing.heading, '');
    assert.equal(listing.lang, 'en');
    assert.equal(listing.events.length, 1);
    const articles = parse(lines('  1. A', '    17 September 2020'), 'articles');
    assert.equal(articles.articles[0]!.date, '2020-09-17');
  });

  test('an unknown heading is accepted when the options give the kind', () => {
    const listing = parse(lines('News from the office', '', 'A few words.', '', '  1. A', '    01 May 2020'), 'articles');
    assert.equal(listing.heading, 'News from the office');
    assert.equal(listing.intro, 'A few words.');
  });

  test('headings are recognised in any case and with a trailing colon', () => {
    assert.equal(parse(lines('FEATURE ARTICLES:', '  1. A', '    01 May 2020')).kind, 'articles');
    assert.equal(parse(lines('Bài viết', '  1. A', '    01 May 2020')).lang, 'vi');
    assert.equal(parse(lines('Upcoming events', '  1. A', '    01 May 2027')).kind, 'events');
  });

  test('a page with a heading and no items yet', () => {
    const listing = parse(lines('Upcoming events', '', 'There are no upcoming events at the moment.'));
    assert.deepEqual(listing.events, []);
    assert.equal(listing.intro, 'There are no upcoming events at the moment.');
  });
});

describe('refusals name the line and the reason', () => {
  test('a date that does not exist', () => {
    const err = refuses(lines('Events', '', 'April 2020', '', '  1. A', '', '    31 April 2020'), 7, '"31 April 2020" is not a real date (April 2020 has 30 days)');
    assert.equal(err.message, 'line 7: "31 April 2020" is not a real date (April 2020 has 30 days)');
  });

  test('a date line that cannot be read', () => {
    refuses(lines('Events', '  1. A', '    17 Septembre 2020'), 3, /"Septembre" .*is not a month/);
    refuses(lines('Events', '  1. A', '    17/9/20'), 3, /four-digit year/);
  });

  test('dates outside the years 1900 to 2100, and an event lasting more than two years', () => {
    refuses(lines('Events', '  1. A', '    1 January 2000 - 31 December 3999'), 3, /between 1900 and 2100/);
    refuses(lines('Events', '  1. A', '    1 January 2020 - 31 December 2022'), 3, /"A" \(item 1\) lasts 1096 days; an event lasts at most 731/);
  });

  test('a range that ends before it starts', () => {
    refuses(lines('Events', 'July 2020', '  1. A', '    23 - 22 July 2020'), 4, /the range ends before it starts/);
  });

  test('an item with no date line, followed by the next item', () => {
    refuses(lines('Events', '', '  1. Lonely title', '', '  2. Next', '    1 July 2020'), 3, /"Lonely title" \(item 1\) has no date line/);
  });

  test('an item with no date line, at the end of the page', () => {
    refuses(lines('Events', '  1. A', '    1 July 2020', '  2. Last title'), 4, /"Last title" \(item 2\) has no date line/);
  });

  test('an item whose description stands where the date should be', () => {
    refuses(
      lines('Events', '  1. A title', '', '    This meeting discusses international labour migration data.'),
      4,
      /"A title" \(item 1\) has no date line: expected a date such as "17 September 2020" under the title, but found "This meeting/,
    );
  });

  test('a number line with no title', () => {
    refuses(lines('Events', '  1.', '    1 July 2020'), 2, 'item 1 has a number but no title; write the title after "1."');
  });

  test('a photo credit with no title after it', () => {
    refuses(lines('Feature articles', '  1. © ILO 2024', '', '    17 May 2023'), 4, /item 1 has a photo credit but no title/);
    refuses(lines('Feature articles', '  1. © ILO 2024', '  2. B', '    17 May 2023'), 2, /item 1 has a photo credit but no title/);
  });

  test('an event under the wrong month heading', () => {
    refuses(
      lines('Events and meetings', '', 'September 2020', '', '  1. A', '', '    17 September 2020', '', '  2. B', '', '    1 - 2 October 2020'),
      11,
      '"B" (item 2) starts on 1 October 2020 but is listed under "September 2020"; an item belongs under the month it starts in',
    );
    // Listed under the month it ends in, not the one it starts in.
    refuses(lines('Events', 'January 2021', '  1. Year end', '    28 December 2020 - 3 January 2021'), 4, /starts on 28 December 2020 but is listed under "January 2021"/);
  });

  test('text under a month heading that is not part of an item', () => {
    refuses(lines('Events', '', 'September 2020', '', 'Some stray note', '', '  1. A', '    17 September 2020'), 5, /"Some stray note" stands under the heading "September 2020" before any numbered item/);
  });

  test('text before the first item on a page without a heading', () => {
    refuses(lines('  17 September 2020', '  1. A', '    17 September 2020'), 1, /"17 September 2020" comes before the first numbered item/, 'events');
  });

  test('a date before the first item', () => {
    refuses(lines('Events and meetings', '', 'Intro.', '', '    17 September 2020', '', '  1. A', '    17 September 2020'), 5, /the date "17 September 2020" comes before the first numbered item/);
  });

  test('a heading that does not say what the page lists, and no kind given', () => {
    refuses(lines('News from the office', '', '  1. A', '    1 July 2020'), 1, /"News from the office" is not a page heading this importer knows/);
    refuses(lines('  1. A', '    1 July 2020'), 1, /page has no heading, so it is not clear whether it lists events or articles/);
  });

  test('a heading that contradicts the requested kind', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020'), 1, 'the page heading "Feature articles" is for articles, but this import expects events', 'events');
  });

  test('an empty page', () => {
    refuses('', 1, /the page is empty/);
    refuses('\uFEFF \r\n\t\r\n', 1, /the page is empty/);
  });

  test('numbering that skips', () => {
    refuses(lines('Events', '  1. A', '    1 July 2020', '  3. C', '    2 July 2020'), 4, 'this item is numbered 3 but the one before it is 1; expected 2, or 1 to start a new group');
    refuses(lines('Events', '  2. A', '    1 July 2020'), 2, /the first item is numbered 2; numbering should start at 1/);
  });

  test('a second date, which means a numbered title line is missing', () => {
    refuses(
      lines('Events', '  1. A', '    1 July 2020', '    Description of A.', '', '    B without its number', '', '    2 July 2020'),
      8,
      /"2 July 2020" looks like a second date for "A" \(item 1\); is the numbered title line of the next item missing/,
    );
  });

  test('a date range on an article', () => {
    refuses(lines('Feature articles', '  1. A', '    1 - 2 May 2020'), 3, '"1 - 2 May 2020" is a range, but an article has a single publication date');
  });

  test('a photo credit on an events page', () => {
    refuses(lines('Events', '  1. © ILO 2024', '    A title', '    1 July 2020'), 2, /events do not carry photo credits/);
    refuses(lines('Events', '© ILO 2024', '  1. A title', '    1 July 2020'), 2, /events do not carry photo credits/);
  });

  test('a photo credit that is not followed by an article', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020', '    Summary.', '    © ILO 2020'), 5, /this photo credit is not followed by a numbered article title/);
    refuses(lines('Feature articles', '  1. A', '    © ILO 2020', '    01 May 2020'), 3, /a photo credit must come before the title it belongs to/);
  });

  test('two photo credits for one article', () => {
    refuses(lines('Feature articles', '© ILO 2020', '  1. © ILO 2024', '    A', '    01 May 2020'), 3, 'item 1 has two photo credits (the other is on line 2)');
  });

  test('a month heading with nothing under it', () => {
    refuses(lines('Events', 'September 2020', '', 'August 2020', '  1. A', '    1 August 2020'), 2, 'the heading "September 2020" has no numbered items under it');
    refuses(lines('Events', '  1. A', '    1 August 2020', 'July 2020'), 4, 'the heading "July 2020" has no numbered items under it');
  });

  test('a "Past events" heading on an articles page', () => {
    refuses(lines('Feature articles', '  1. A', '    01 May 2020', 'Past events'), 4, /"Past events" is an events heading, but this is an articles page/);
  });
});
