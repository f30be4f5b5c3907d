/**
 * The round trip: import both seed pages, render /events and /articles, and
 * every seed item must appear with the same number, title, date text and
 * description, in the seed's order. The expected sequence is read from the
 * seed files directly (not through the importer's parser) so that a parser
 * mistake cannot hide itself.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';

const seed = (name: string) => readFileSync(new URL(`../../../content/seeds/${name}`, import.meta.url), 'utf8');

/** The seed page's lines after its heading and intro, as a flat sequence of what a reader sees. */
function seedSequence(source: string, skipLeadingParagraphs: number): string[] {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  let paragraphsSkipped = 0;
  let inParagraph = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (paragraphsSkipped < skipLeadingParagraphs) {
      if (line.trim() === '') {
        if (inParagraph) paragraphsSkipped += 1;
        inParagraph = false;
      } else {
        inParagraph = true;
      }
      continue;
    }
    if (line.trim() === '') continue;
    const numbered = /^\s+(\d+)\.\s+(.*)$/.exec(line);
    if (numbered) out.push(`#${numbered[1]}`, numbered[2]!.trim());
    else if (/^\S/.test(line)) out.push(`== ${line.trim()}`);
    else out.push(line.trim());
  }
  return out;
}

function renderedItem(li: HTMLElement): string[] {
  const parts = [`#${li.getAttribute('value')}`];
  for (const el of li.querySelectorAll('.credit, .item-title, .item-date, .byline, .item-text p, p.item-text')) {
    parts.push(text(el));
  }
  return parts;
}

describe('round trip of the seed pages', () => {
  // Long after the seed's events, so all of them are past.
  const t = appForBlock({ seed: true });

  test('/en/events shows every seed event with its number, title, date text and description, in order', async () => {
    const res = await t.app.inject({ url: '/en/events' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    const rendered: string[] = [];
    for (const el of doc.querySelectorAll('section[aria-labelledby=past] .month-heading, section[aria-labelledby=past] li.event-item')) {
      if (el.classList.contains('month-heading')) rendered.push(`== ${text(el)}`);
      else rendered.push(...renderedItem(el));
    }
    const expected = seedSequence(seed('events.en.txt'), 2);
    assert.equal(expected.filter((s) => s.startsWith('#')).length, 20);
    assert.deepEqual(rendered, expected);
  });

  test('/en/events shows the seed intro and the email line', async () => {
    const doc = html((await t.app.inject({ url: '/en/events' })).body);
    const intro = seedSequence(seed('events.en.txt'), 0).slice(0, 2);
    assert.equal(intro[0], '== Events and meetings');
    assert.equal(text(doc.querySelector('h1')), 'Events and meetings');
    // The intro's paragraphs, then the office's email line (the calendar links that follow are not from the page).
    const shown = doc.querySelectorAll('.intro > div > p, .intro > p.office-email').map(text).join(' ');
    assert.equal(`== ${shown}`, intro[1]);
  });

  test('/en/articles shows every seed article with credit, title, date text and summary or byline, in order', async () => {
    const res = await t.app.inject({ url: '/en/articles' });
    assert.equal(res.statusCode, 200);
    const doc = html(res.body);
    const rendered = doc.querySelectorAll('li.article-item').flatMap(renderedItem);
    const expected = seedSequence(seed('articles.en.txt'), 1);
    assert.equal(expected.filter((s) => s.startsWith('#')).length, 20);
    assert.deepEqual(rendered, expected);
    assert.deepEqual(doc.querySelectorAll('h2.year-heading').map(text), ['2024', '2023', '2022', '2021', '2020']);
  });
});
