/**
 * The read API's series, on whichever database the run uses: each answer
 * checked against the OpenAPI document the app serves, then for what it says.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createWebinarSeries } from '../../../test/fixtures/series-content.js';
import { DocumentCheck } from '../../../test/helpers/api-document.js';
import { appForBlock } from '../../../test/helpers/build-test-app.js';

const NOW = new Date('2027-04-01T08:00:00.000Z');

describe('the read API: series', () => {
  const t = appForBlock({ now: NOW });
  let check: DocumentCheck;
  let seriesId: number;
  before(async () => {
    seriesId = await createWebinarSeries(t.db, NOW);
    check = new DocumentCheck(JSON.parse((await t.app.inject({ url: '/api/v1/openapi.json' })).body));
  });

  test('lists the series visitors may see now, nothing in draft or scheduled for later', async () => {
    const body = check.answer('/series', await t.app.inject({ url: '/api/v1/series' }));
    assert.deepEqual(
      body.data.map((s: { text: { title: string } }) => s.text.title),
      ['ACTRAV Webinar Series 2.0'],
    );
    t.setNow(new Date('2027-04-01T09:00:00.000Z'));
    const later = check.answer('/series', await t.app.inject({ url: '/api/v1/series?lang=vi' }));
    t.setNow(NOW);
    assert.deepEqual(
      later.data.map((s: { text: { title: string; fallback: boolean } }) => [s.text.title, s.text.fallback]),
      [
        ['Chuỗi hội thảo trực tuyến ACTRAV 2.0', false],
        ['Not yet', true],
      ],
    );
  });

  test('gives one series by id or slug with every session on its date, moved and cancelled ones marked', async () => {
    const bySlug = check.answer('/series/{idOrSlug}', await t.app.inject({ url: '/api/v1/series/actrav-webinar-series-2-0' }));
    const byId = check.answer('/series/{idOrSlug}', await t.app.inject({ url: `/api/v1/series/${seriesId}` }));
    assert.deepEqual(byId, bySlug);
    const { data } = bySlug;
    assert.equal(data.calendar_url, 'http://localhost:3000/en/series/actrav-webinar-series-2-0/events.ics');
    assert.equal(data.text.description_html, "<p>Webinars for <strong>workers' organisations</strong>.</p>");
    assert.deepEqual(
      data.sessions.map((s: { planned_date: string; status: string; starts_at: string | null; start_date: string }) => [s.planned_date, s.status, s.starts_at ?? s.start_date]),
      [
        ['2027-03-16', 'scheduled', '2027-03-16T14:00:00+01:00'],
        ['2027-03-30', 'scheduled', '2027-03-30T14:00:00+02:00'],
        ['2027-04-06', 'moved', '2027-04-08T10:00:00+02:00'],
        ['2027-04-13', 'scheduled', '2027-04-13T14:00:00+02:00'],
        ['2027-04-20', 'cancelled', '2027-04-20T14:00:00+02:00'],
        ['2027-04-27', 'scheduled', '2027-04-27T14:00:00+02:00'],
        ['2027-05-10', 'scheduled', '2027-05-10'],
      ],
    );
  });

  test('a draft series, one before its time and an unknown one are problem details with 404', async () => {
    for (const url of ['/api/v1/series/a-draft', '/api/v1/series/not-yet', '/api/v1/series/nothing-here']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    }
    const bad = await t.app.inject({ url: '/api/v1/series?year=2027' });
    assert.equal(bad.statusCode, 400);
    assert.equal(JSON.parse(bad.body).errors[0].field, 'year');
  });
});
