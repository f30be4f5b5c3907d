import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type html, text } from '../../../test/helpers/html.js';
import { taggedSite } from '../../../test/helpers/tagged-site.js';

describe('GET /events with filters', () => {
  const site = taggedSite();
  const page = (url: string) => site.page(url);
  const titles = (doc: ReturnType<typeof html>, section?: 'upcoming' | 'past') =>
    doc.querySelectorAll(`${section ? `section[aria-labelledby=${section}] ` : ''}.event-item .item-title`).map(text);

  test('the unfiltered listing offers a GET form with the years, topics, programmes and types, and is indexed', async () => {
    const doc = await page('/en/events');
    const form = doc.querySelector('form.filter-form');
    assert.equal(form?.getAttribute('method'), 'get');
    assert.equal(form?.getAttribute('action'), '/en/events');
    assert.deepEqual(
      doc.querySelectorAll('#filter-year option').map((o) => o.getAttribute('value')),
      ['', '2026', '2025', '2024'],
    );
    const topics = doc.querySelectorAll('#filter-topic option').map((o) => o.getAttribute('value'));
    assert.ok(topics.includes('child-labour') && topics.includes('safety'), topics.join());
    assert.ok(doc.querySelectorAll('#filter-programme option').some((o) => o.getAttribute('value') === 'enhance'));
    assert.ok(doc.querySelectorAll('#filter-type option').some((o) => o.getAttribute('value') === 'workshop'));
    assert.equal(doc.querySelector('meta[name=robots]'), null);
    assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), `${site.t.config.PUBLIC_URL.replace(/\/+$/, '')}/en/events`);
    assert.equal(doc.querySelector('.chosen-filters'), null);
  });

  test('a topic keeps only its events, still upcoming then past under month headings', async () => {
    const doc = await page('/en/events?topic=child-labour');
    assert.deepEqual(titles(doc, 'upcoming'), ['Child labour workshop in Hanoi', 'Child labour meeting']);
    assert.deepEqual(titles(doc, 'past'), ['New year child labour meeting', 'Old child labour training']);
    assert.deepEqual(doc.querySelectorAll('section[aria-labelledby=upcoming] .month-heading').map(text), ['December 2026']);
    assert.deepEqual(doc.querySelectorAll('section[aria-labelledby=past] .month-heading').map(text), ['December 2025', 'March 2025']);
    assert.equal(doc.querySelector('#filter-topic option[selected]')?.getAttribute('value'), 'child-labour');
  });

  test('filters combine: each one narrows the list further', async () => {
    assert.deepEqual(titles(await page('/en/events?programme=enhance')), ['Child labour workshop in Hanoi', 'Migration webinar']);
    assert.deepEqual(titles(await page('/en/events?programme=enhance&topic=child-labour')), ['Child labour workshop in Hanoi']);
    assert.deepEqual(titles(await page('/en/events?topic=child-labour&type=training')), ['Old child labour training']);
    assert.deepEqual(titles(await page('/en/events?type=consultation')), ['Untagged consultation']);
    // An event across New Year counts in both years, as in search.
    assert.deepEqual(titles(await page('/en/events?topic=child-labour&year=2025')), ['New year child labour meeting', 'Old child labour training']);
    assert.deepEqual(titles(await page('/en/events?topic=child-labour&year=2026')), [
      'Child labour workshop in Hanoi',
      'Child labour meeting',
      'New year child labour meeting',
    ]);
    const none = await page('/en/events?topic=labour-migration&type=workshop');
    assert.deepEqual(titles(none), []);
    assert.equal(text(none.querySelector('p.empty')), 'No events match these filters.');
  });

  test('the chosen filters are links that each drop one, and one that drops them all', async () => {
    const doc = await page('/en/events?type=workshop&topic=child-labour&year=2026');
    const chips = doc.querySelectorAll('.chosen-filters a');
    assert.deepEqual(
      chips.map((a) => [text(a), a.getAttribute('href')]),
      [
        ['Year: 2026 ×', '/en/events?topic=child-labour&type=workshop'],
        ['Topic: Child labour ×', '/en/events?year=2026&type=workshop'],
        ['Type of event: Workshop ×', '/en/events?year=2026&topic=child-labour'],
        ['Clear all filters', '/en/events'],
      ],
    );
    // Following a removal link widens the list again.
    assert.deepEqual(titles(await page(chips[2]!.getAttribute('href')!)), [
      'Child labour workshop in Hanoi',
      'Child labour meeting',
      'New year child labour meeting',
    ]);
  });

  test('a filtered page is not indexed and has no canonical link; its language switcher keeps the filters', async () => {
    const doc = await page('/en/events?topic=child-labour&type=workshop');
    assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
    assert.equal(doc.querySelector('link[rel=canonical]'), null);
    const switcher = doc.querySelector('.language-switcher a')?.getAttribute('href') ?? '';
    assert.equal(new URLSearchParams(switcher.split('?')[1]).get('next'), '/vi/events?topic=child-labour&type=workshop');
  });

  test('pages of a filtered listing keep the filters and number on across the page break', async () => {
    const first = await page('/en/events?topic=safety');
    assert.equal(titles(first).length, 20);
    assert.equal(first.querySelector('.pager__next')?.getAttribute('href'), '/en/events?topic=safety&page=2');
    const second = await page('/en/events?topic=safety&page=2');
    assert.equal(titles(second).length, 2);
    assert.ok(titles(second).every((title) => title.startsWith('Safety inspection')));
    assert.equal(second.querySelector('.pager__prev')?.getAttribute('href'), '/en/events?topic=safety');
    // February 2024's group starts on page 1 and goes on numbering on page 2, counting only filtered events.
    assert.deepEqual(second.querySelectorAll('.month-heading').map(text), ['February 2024', 'January 2024']);
    assert.deepEqual(second.querySelectorAll('.event-item').map((li) => li.getAttribute('value')), ['2', '1']);
    assert.equal((await site.t.app.inject({ url: '/en/events?topic=safety&page=3' })).statusCode, 404);
  });

  test('bad filter values are 400 pages that say what is wrong, in the page language', async () => {
    const cases: [string, RegExp][] = [
      ['/en/events?year=twenty', /The year must be written in four digits/],
      ['/en/events?year=20255', /The year must be written in four digits/],
      ['/en/events?type=party', /That is not one of the types of event/],
      ['/en/events?topic=Child%20Labour', /A topic or programme is given by the short name/],
      ['/en/events?programme=%3Cscript%3E', /A topic or programme is given by the short name/],
      ['/vi/events?year=abc', /Năm phải được viết bằng bốn chữ số/],
      // Four digits, but outside the years a filter takes: the message gives them.
      ['/en/events?year=1800', /from 1900 to 2200/],
      ['/vi/events?year=2500', /từ 1900 đến 2200/],
    ];
    for (const [url, message] of cases) {
      const res = await site.t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, message, url);
      assert.doesNotMatch(res.body, /<script>/);
    }
  });

  test('empty values (a select left at "any") and unknown parameters are ignored; a repeated one keeps its first value', async () => {
    assert.equal(titles(await page('/en/events?year=&topic=&programme=&type=&colour=red')).length, 20);
    assert.deepEqual(titles(await page('/en/events?type=training&type=workshop')), ['Old child labour training']);
  });

  test('a topic no one has is left out, and the page says so', async () => {
    const doc = await page('/en/events?topic=no-such-topic&type=webinar');
    assert.equal(text(doc.querySelector('.filter-notice')), 'There is no topic called “no-such-topic”, so that filter was left out.');
    assert.deepEqual(titles(doc), ['Migration webinar']);
    assert.deepEqual(doc.querySelectorAll('.chosen-filters a').map(text), ['Type of event: Webinar ×']);
  });

  test('the Vietnamese listing filters the same way, with Vietnamese names and text', async () => {
    const doc = await page('/vi/events?topic=child-labour&type=workshop');
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'vi');
    assert.deepEqual(titles(doc), ['Hội thảo về lao động trẻ em tại Hà Nội']);
    const chips = doc.querySelectorAll('.chosen-filters a');
    assert.equal(text(chips[0]), 'Chủ đề: Lao động trẻ em ×');
    assert.equal(chips[0]?.getAttribute('href'), '/vi/events?type=workshop');
    assert.equal(doc.querySelector('form.filter-form')?.getAttribute('action'), '/vi/events');
    assert.ok(doc.querySelectorAll('#filter-topic option').some((o) => text(o) === 'Lao động trẻ em'));
  });
});
