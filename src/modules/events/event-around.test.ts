import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createWebinarSeries } from '../../../test/fixtures/series-content.js';
import { createEvent, publishEvent, readEventForm, validateEventForm } from './index.js';
import { createPeople } from '../../../test/helpers/editing.js';
import { newEventFields } from '../../../test/helpers/forms.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { html, text } from '../../../test/helpers/html.js';

const NOW = new Date('2027-04-01T08:00:00.000Z');

/** The facts an event's page lists after a label: the text of the `dd` following the `dt` saying `label`. */
function fact(page: ReturnType<typeof html>, label: string) {
  const dt = [...page.querySelectorAll('dl.facts dt')].find((el) => text(el) === label);
  return dt?.nextElementSibling ?? null;
}

describe("an event's page among its sessions and its series", () => {
  const t = appForBlock({ now: NOW });
  before(() => createWebinarSeries(t.db, NOW));

  test('a recurring event of a series links to the series and gives its sessions just before and after today, a moved one at its new time', async () => {
    const res = await t.app.inject({ url: '/en/events/weekly-webinar-from-geneva' });
    assert.equal(res.statusCode, 200);
    const page = html(res.body);
    assert.equal(fact(page, 'Event series')?.querySelector('a')?.getAttribute('href'), '/en/series/actrav-webinar-series-2-0');
    assert.equal(fact(page, 'Previous session')?.querySelector('time')?.getAttribute('datetime'), '2027-03-30T12:00:00.000Z');
    assert.equal(fact(page, 'Next session')?.querySelector('time')?.getAttribute('datetime'), '2027-04-08T08:00:00.000Z');
    assert.equal(fact(page, 'Next session')?.querySelector('a'), null, 'its own session links nowhere else');
    const data = JSON.parse(text(page.querySelector('script[type="application/ld+json"]')));
    assert.deepEqual(data.superEvent, { '@type': 'EventSeries', name: 'ACTRAV Webinar Series 2.0', url: 'http://localhost:3000/en/series/actrav-webinar-series-2-0' });
  });

  test('a recurring event says how it repeats and lists its coming sessions, a moved one with its planned date and a cancelled one marked, and how many sessions it has (said once: the 7 of the rule include a skipped and a cancelled one)', async () => {
    for (const [lang, labels, expected] of [
      [
        'en',
        { repeats: 'Repeats', coming: 'Coming sessions', all: 'All sessions', time: 'Time' },
        {
          repeats: 'Every week on Tuesday',
          time: '14:00 - 15:30 CET',
          coming: ['8 April 2027, 10:00 - 11:30 CEST (Moved from 6 April 2027)', '13 April 2027, 14:00 - 15:30 CEST', '20 April 2027, 14:00 - 15:30 CEST (Cancelled)', '27 April 2027, 14:00 - 15:30 CEST'],
          all: '5 sessions',
        },
      ],
      [
        'vi',
        { repeats: 'Lặp lại', coming: 'Các buổi sắp tới', all: 'Tất cả các buổi', time: 'Thời gian' },
        {
          repeats: 'Hằng tuần vào thứ Ba',
          time: '14:00 - 15:30 GMT+1',
          coming: ['8 tháng 4, 2027, 10:00 - 11:30 GMT+2 (Dời từ ngày 6 tháng 4, 2027)', '13 tháng 4, 2027, 14:00 - 15:30 GMT+2', '20 tháng 4, 2027, 14:00 - 15:30 GMT+2 (Đã hủy)', '27 tháng 4, 2027, 14:00 - 15:30 GMT+2'],
          all: '5 buổi',
        },
      ],
    ] as const) {
      const page = html((await t.app.inject({ url: `/${lang}/events/weekly-webinar-from-geneva` })).body);
      assert.equal(text(fact(page, labels.repeats)), expected.repeats, lang);
      assert.equal(text(fact(page, labels.time)), expected.time, lang);
      assert.match(fact(page, labels.time)?.textContent ?? '', /15:30\u00a0(CET|GMT\+1)$/, 'a time and its zone are kept on one line');
      const items = [...(fact(page, labels.coming)?.querySelectorAll('li') ?? [])];
      assert.deepEqual(items.map((li) => text(li)), expected.coming, lang);
      assert.deepEqual(items.map((li) => li.getAttribute('class')), ['session session--moved', 'session session--scheduled', 'session session--cancelled', 'session session--scheduled'], lang);
      assert.equal(text(fact(page, labels.all)), expected.all, lang);
    }
  });

  test("a single event of a series links to the series' session before it, and to none after the last", async () => {
    const page = html((await t.app.inject({ url: '/en/events/closing-meeting-in-hanoi' })).body);
    const previous = fact(page, 'Previous session');
    assert.equal(previous?.querySelector('a')?.getAttribute('href'), '/en/events/weekly-webinar-from-geneva');
    assert.equal(previous?.querySelector('time')?.getAttribute('datetime'), '2027-04-27T12:00:00.000Z');
    assert.equal(fact(page, 'Next session'), null);
  });

  test('in Vietnamese, the series is linked at its Vietnamese address with its Vietnamese title', async () => {
    const res = await t.app.inject({ url: '/vi/events/weekly-webinar-from-geneva' });
    assert.equal(res.statusCode, 200);
    const link = fact(html(res.body), 'Chuỗi sự kiện')?.querySelector('a');
    assert.equal(link?.getAttribute('href'), '/vi/series/actrav-webinar-series-2-0-vi');
    assert.equal(text(link ?? null), 'Chuỗi hội thảo trực tuyến ACTRAV 2.0');
    assert.ok(fact(html(res.body), 'Buổi tiếp theo'));
  });

  test('a recurring event of no series gives its own sessions around today, and no series', async () => {
    const { editor } = await createPeople(t.db);
    const form = validateEventForm(
      readEventForm(newEventFields({ en_title: 'Monthly clinic', end_date: '', start_date: '2027-02-10', recurrence_rule: 'FREQ=MONTHLY;COUNT=6' })),
      'Asia/Ho_Chi_Minh',
    );
    assert.ok(form.ok, JSON.stringify(!form.ok && form.errors));
    const created = await createEvent(t.db, { user: editor, now: NOW }, form.input);
    await publishEvent(t.db, { user: editor, now: NOW }, created.id, created.revision);
    const page = html((await t.app.inject({ url: '/en/events/monthly-clinic' })).body);
    assert.equal(fact(page, 'Event series'), null);
    assert.equal(fact(page, 'Previous session')?.querySelector('time')?.getAttribute('datetime'), '2027-03-10');
    assert.equal(fact(page, 'Next session')?.querySelector('time')?.getAttribute('datetime'), '2027-04-10');
    assert.equal(JSON.parse(text(page.querySelector('script[type="application/ld+json"]'))).superEvent, undefined);
  });
});
