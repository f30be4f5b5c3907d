import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createPeople, eventInput, articleInput } from '../../../test/helpers/editing.js';
import { htmlPage, text } from '../../../test/helpers/html.js';
import { createArticle, publishArticle } from '../articles/index.js';
import { ensureTaxonomy } from '../taxonomy/index.js';
import { createEvent, publishEvent } from './events.editing.js';

// The office's 1 March 2027 (Hanoi): every session of the webinar is still to come.
const MARCH_FIRST = new Date('2027-03-01T02:00:00.000Z');
// The office's 8 April 2027: the first three sessions have taken place.
const APRIL_EIGHTH = new Date('2027-04-08T02:00:00.000Z');
// The office's 10 May 2027: every session has taken place.
const MAY_TENTH = new Date('2027-05-10T02:00:00.000Z');

describe("an article's related events: one line per event", () => {
  const t = appForBlock({ now: MARCH_FIRST });

  before(async () => {
    await ensureTaxonomy(t.db, { programmes: [], topics: [{ slug: 'safety', match: [], name: { en: 'Safety at work', vi: 'An toàn lao động' } }] }, MARCH_FIRST.toISOString());
    const { editor } = await createPeople(t.db);
    const ctx = { user: editor, now: MARCH_FIRST };
    const safety = await t.db.selectFrom('topics').select('id').where('slug', '=', 'safety').executeTakeFirstOrThrow();
    const topics = [safety.id];
    // Tuesdays from 16 March to 27 April 2027, with no session on 23 March: six sessions.
    const webinar = await createEvent(
      t.db,
      ctx,
      eventInput({
        event_type: 'webinar',
        start_date: '2027-03-16',
        recurrence_rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270427',
        recurrence_exdates: '2027-03-23',
        topics,
        en: { title: 'Safety webinar' },
      }),
    );
    const workshop = await createEvent(t.db, ctx, eventInput({ start_date: '2027-03-20', topics, en: { title: 'Safety workshop' } }));
    const training = await createEvent(t.db, ctx, eventInput({ start_date: '2026-06-01', topics, en: { title: 'Safety training' } }));
    for (const { id } of [webinar, workshop, training]) await publishEvent(t.db, ctx, id);
    const article = await createArticle(t.db, ctx, articleInput({ slug: 'safe-sites', published_on: '2027-02-20', topics, en: { title: 'Safer building sites' } }));
    await publishArticle(t.db, ctx, article.id);
  });

  async function relatedLines(now: Date): Promise<string[]> {
    t.setNow(now);
    const doc = htmlPage(await t.app.inject({ url: '/en/articles/safe-sites' }));
    return doc.querySelectorAll('section.related--events li').map((li) => `${text(li.querySelector('.item-title'))} | ${text(li.querySelector('.item-date'))}`);
  }

  test('a recurring event is listed once, by its next session, beside the single events', async () => {
    assert.deepEqual(await relatedLines(MARCH_FIRST), [
      'Safety webinar | 16 March 2027 · Session 1 of 6',
      'Safety workshop | 20 March 2027',
      'Safety training | 1 June 2026',
    ]);
  });

  test('once some sessions have taken place, its next one stands for it', async () => {
    assert.deepEqual(await relatedLines(APRIL_EIGHTH), [
      'Safety webinar | 13 April 2027 · Session 4 of 6',
      'Safety workshop | 20 March 2027',
      'Safety training | 1 June 2026',
    ]);
  });

  test('when all have taken place, its latest session stands for it among the past events', async () => {
    assert.deepEqual(await relatedLines(MAY_TENTH), [
      'Safety webinar | 27 April 2027 · Session 6 of 6',
      'Safety workshop | 20 March 2027',
      'Safety training | 1 June 2026',
    ]);
  });
});
