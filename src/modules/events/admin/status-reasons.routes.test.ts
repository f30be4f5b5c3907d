/**
 * Calling an event off from the admin: postponing and cancelling are taken
 * from a confirmation page that asks why in each language, and the reason
 * reaches every place visitors meet the event.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { formFields, newEventFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { parseCalendar } from '../../../../test/helpers/ical.js';
import { eventPath } from '../../../shared/http/paths.js';

const REASON_EN = 'Cancelled because of the typhoon warning; the workshop will be held online in April.';
const REASON_VI = 'Hủy do cảnh báo bão; hội thảo sẽ được tổ chức trực tuyến vào tháng 4.';

describe('postponing and cancelling an event with a reason', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');

  /** A published upcoming event with a Vietnamese text; its id and slugs. */
  async function publishedEvent(session: AdminSession, title: string, viTitle: string): Promise<{ id: number; en: string; vi: string }> {
    const created = await postForm(t.app, {
      url: '/admin/events',
      session,
      fields: newEventFields({ en_title: title, vi_title: viTitle, vi_status: 'published', start_date: '2026-12-10', end_date: '' }),
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))![1]);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session })).statusCode, 303);
    const rows = await t.db.selectFrom('event_translations').select(['lang', 'slug']).where('event_id', '=', id).execute();
    return { id, en: rows.find((r) => r.lang === 'en')!.slug!, vi: rows.find((r) => r.lang === 'vi')!.slug! };
  }

  async function statusOf(id: number) {
    return t.db.selectFrom('events').select(['event_status', 'status_reason_en', 'status_reason_vi', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  test('the panel links to a confirmation page; a POST without it changes nothing and goes to that page', async () => {
    const event = await publishedEvent(editor, 'Dialogue on wages', 'Đối thoại về tiền lương');
    const edit = html((await getPage(t.app, `/admin/events/${event.id}`, editor)).body);
    for (const step of ['unpublish', 'postpone', 'cancel']) {
      assert.ok(edit.querySelector(`.workflow-panel a[href="/admin/events/${event.id}/${step}"]`), `a link to confirm ${step}`);
      assert.equal(edit.querySelector(`.workflow-panel form[action="/admin/events/${event.id}/${step}"]`), null, `no one-click ${step}`);
    }
    const before = await statusOf(event.id);
    for (const step of ['cancel', 'postpone', 'unpublish']) {
      const bare = await postForm(t.app, { url: `/admin/events/${event.id}/${step}`, session: editor, fields: { reason_en: 'Because' } });
      assert.equal(bare.statusCode, 303, step);
      assert.equal(bare.headers.location, `/admin/events/${event.id}/${step}`);
    }
    assert.deepEqual(await statusOf(event.id), before);
  });

  test('a missing or too long reason comes back with 422, its message and everything typed', async () => {
    const event = await publishedEvent(editor, 'Forum on safety', 'Diễn đàn an toàn');
    const page = await getPage(t.app, `/admin/events/${event.id}/cancel`, editor);
    assert.equal(page.statusCode, 200);
    const fields = formFields(page.body, 'form.confirm-form');
    assert.equal(fields.confirmed, 'yes');
    const refused = await postForm(t.app, { url: `/admin/events/${event.id}/cancel`, session: editor, fields: { ...fields, reason_en: '   ', reason_vi: REASON_VI } });
    assert.equal(refused.statusCode, 422);
    const doc = html(refused.body);
    assert.match(text(doc.querySelector('.error-summary')), /Say why in English/);
    assert.equal(doc.querySelector('#field-reason_vi')?.getAttribute('value'), REASON_VI);
    assert.equal(doc.querySelector('#field-reason_en')?.getAttribute('aria-invalid'), 'true');
    const long = await postForm(t.app, { url: `/admin/events/${event.id}/cancel`, session: editor, fields: { ...fields, reason_en: 'x'.repeat(301) } });
    assert.equal(long.statusCode, 422);
    assert.match(text(html(long.body).querySelector('.error-summary')), /300 characters/);
    assert.equal((await statusOf(event.id)).event_status, 'scheduled');
  });

  test('the reason is shown on the event page, the listings, the home page, search, the calendars, JSON-LD and the API', async () => {
    const event = await publishedEvent(editor, 'Tripartite typhoon workshop', 'Hội thảo ba bên mùa bão');
    const page = await getPage(t.app, `/admin/events/${event.id}/cancel`, editor);
    const fields = formFields(page.body, 'form.confirm-form');
    const done = await postForm(t.app, { url: `/admin/events/${event.id}/cancel`, session: editor, fields: { ...fields, reason_en: REASON_EN, reason_vi: REASON_VI } });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/admin/events/${event.id}?done=cancelled`);
    assert.deepEqual(await statusOf(event.id), { event_status: 'cancelled', status_reason_en: REASON_EN, status_reason_vi: REASON_VI, revision: 3 });
    const revision = await t.db.selectFrom('revisions').select(['action', 'changes']).where('item_kind', '=', 'event').where('item_id', '=', event.id).where('revision', '=', 3).executeTakeFirstOrThrow();
    assert.equal(revision.action, 'cancel');
    assert.match(revision.changes, /status_reason_en/);
    const history = text(html((await getPage(t.app, `/admin/events/${event.id}/history`, editor)).body).querySelector('main'));
    assert.match(history, /Reason shown to visitors \(English\)/);
    assert.ok(history.includes(REASON_EN), 'the reason in the latest change');

    const en = html((await getPage(t.app, eventPath('en', event.en))).body);
    assert.equal(text(en.querySelector('.status-notice')), `This event has been cancelled.${REASON_EN}`);
    const vi = html((await getPage(t.app, eventPath('vi', event.vi))).body);
    assert.equal(text(vi.querySelector('.status-notice .status-reason')), REASON_VI);

    const jsonLd = JSON.parse(text(en.querySelector('script[type="application/ld+json"]'))) as { eventStatus: string; description: string };
    assert.equal(jsonLd.eventStatus, 'https://schema.org/EventCancelled');
    assert.ok(jsonLd.description.startsWith(`This event has been cancelled. ${REASON_EN}`), jsonLd.description);

    for (const url of ['/en/events', '/en', `/en/search?q=${encodeURIComponent('typhoon workshop')}`]) {
      const listed = html((await getPage(t.app, url)).body);
      const item = listed.querySelectorAll('li').find((li) => text(li).includes('Tripartite typhoon workshop'));
      assert.ok(item, `listed on ${url}`);
      assert.match(text(item), /This event has been cancelled\./, url);
      assert.equal(text(item.querySelector('.status-reason')), REASON_EN, url);
    }
    const viListed = html((await getPage(t.app, '/vi/events')).body);
    assert.ok(viListed.querySelectorAll('.status-reason').some((x) => text(x) === REASON_VI), 'the Vietnamese reason on the Vietnamese listing');

    for (const url of ['/en/events.ics', `${eventPath('en', event.en)}/calendar.ics`]) {
      const { events } = parseCalendar((await getPage(t.app, url)).body);
      const entry = [...events.values()].find((e) => e.summary === 'Tripartite typhoon workshop');
      assert.ok(entry, url);
      assert.ok(entry.description.startsWith(`This event has been cancelled. ${REASON_EN}`), url);
    }
    const viCalendar = parseCalendar((await getPage(t.app, '/vi/events.ics')).body);
    assert.ok([...viCalendar.events.values()].some((e) => e.description.startsWith(`Sự kiện này đã bị hủy. ${REASON_VI}`)));

    const api = JSON.parse((await getPage(t.app, `/api/v1/events/${event.id}?lang=vi`)).body) as { data: { event_status: string; status_reason: unknown } };
    assert.equal(api.data.event_status, 'cancelled');
    assert.deepEqual(api.data.status_reason, { text: REASON_VI, lang: 'vi' });
  });

  test('a postponed event without a Vietnamese reason shows the English one, marked as English, until it is put back on', async () => {
    const event = await publishedEvent(editor, 'Meeting on social insurance', 'Cuộc họp về bảo hiểm xã hội');
    const page = await getPage(t.app, `/admin/events/${event.id}/postpone`, editor);
    const fields = formFields(page.body, 'form.confirm-form');
    assert.equal((await postForm(t.app, { url: `/admin/events/${event.id}/postpone`, session: editor, fields: { ...fields, reason_en: 'Postponed to 12 March' } })).statusCode, 303);
    const vi = html((await getPage(t.app, eventPath('vi', event.vi))).body);
    assert.equal(text(vi.querySelector('.status-notice p')), 'Sự kiện này đã được hoãn lại.');
    const reason = vi.querySelector('.status-notice .status-reason');
    assert.equal(text(reason), 'Postponed to 12 March');
    assert.equal(reason?.getAttribute('lang'), 'en');

    const edit = await getPage(t.app, `/admin/events/${event.id}`, editor);
    const form = formFields(edit.body, 'form.edit-form');
    assert.equal((await postForm(t.app, { url: `/admin/events/${event.id}`, session: editor, fields: { ...form, start_date: '2027-03-12', intent: 'reschedule' } })).statusCode, 303);
    assert.deepEqual({ ...(await statusOf(event.id)), revision: 0 }, { event_status: 'scheduled', status_reason_en: null, status_reason_vi: null, revision: 0 });
    assert.equal(html((await getPage(t.app, eventPath('en', event.en))).body).querySelector('.status-notice'), null);
  });
});
