/**
 * An event's hero image, chosen from the media library as an article's is:
 * offered on the form, kept on save, refused when gone, and shown with its
 * credit on the page (both languages), in its structured data, its link
 * previews and its calendar file.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, postForm, signedInForBlock, type AdminSession } from '../../../../test/helpers/admin-session.js';
import { formFields, newEventFields } from '../../../../test/helpers/forms.js';
import { html, text } from '../../../../test/helpers/html.js';
import { parseCalendar } from '../../../../test/helpers/ical.js';
import { uploadToLibrary } from '../../../../test/helpers/media-library.js';
import { rfc5545Problems } from '../../../../test/helpers/rfc5545.js';
import { eventCalendarPath, eventPath } from '../../../shared/http/paths.js';

/** What the new-event form sends for a one-day workshop on 10 December 2026, with `fields` added or changed. */
function newEvent(fields: Record<string, string> = {}): Record<string, string> {
  return newEventFields({ en_title: 'Coffee harvest dialogue', en_description: 'Growers and pickers meet in Buon Ma Thuot.', start_date: '2026-12-10', end_date: '', ...fields });
}

describe('an event’s hero image', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor');
  const contributor = signedInForBlock(t, 'contributor');
  let mediaId: string;
  let origin: string;

  before(async () => {
    origin = t.config.PUBLIC_URL.replace(/\/$/, '');
    mediaId = await uploadToLibrary(t.app, editor);
  });
  beforeEach(() => t.setNow(DEFAULT_NOW));

  async function create(session: AdminSession, fields: Record<string, string>): Promise<number> {
    const res = await postForm(t.app, { url: '/admin/events', session, fields: newEvent(fields) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const match = /^\/admin\/events\/(\d+)\?done=created$/.exec(String(res.headers.location));
    assert.ok(match);
    return Number(match[1]);
  }

  test('chosen on the form, kept, and shown with its credit on the page, in JSON-LD, link previews and the calendar', async () => {
    const form = html((await getPage(t.app, '/admin/events/new', editor)).body);
    assert.ok(form.querySelector(`input[name=hero_media_id][value="${mediaId}"]`), 'the library image is offered as the hero');
    assert.equal(text(form.querySelector(`label[for="hero_media_id-${mediaId}"]`)), 'Pickers at the coffee harvest');

    const id = await create(editor, { hero_media_id: mediaId, vi_title: 'Đối thoại mùa cà phê', vi_status: 'published' });
    assert.equal(formFields((await getPage(t.app, `/admin/events/${id}`, editor)).body, 'form.edit-form').hero_media_id, mediaId);
    assert.equal((await postForm(t.app, { url: `/admin/events/${id}/publish`, session: editor })).statusCode, 303);

    const slug = (await t.db.selectFrom('events').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    const page = html((await getPage(t.app, eventPath('en', slug))).body);
    const picture = page.querySelector('figure.hero picture');
    assert.ok(picture, 'the hero is a <picture>');
    assert.deepEqual(
      picture.querySelectorAll('source').map((s) => s.getAttribute('type')),
      ['image/avif', 'image/webp'],
    );
    assert.equal(picture.querySelector('img')?.getAttribute('alt'), 'Pickers at the coffee harvest');
    assert.equal(text(page.querySelector('figure.hero figcaption')), '© ILO/Nguyen Hai Dat 2024');

    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as { image?: { url?: string; creditText?: string } };
    assert.equal(ld.image?.creditText, '© ILO/Nguyen Hai Dat 2024');
    assert.ok(ld.image?.url?.startsWith(`${origin}/media/`), `the hero's address: ${ld.image?.url}`);
    const ogImage = page.querySelector('meta[property="og:image"]')?.getAttribute('content');
    assert.equal(ogImage, ld.image?.url);

    const viSlug = (await t.db.selectFrom('event_translations').select('slug').where('event_id', '=', id).where('lang', '=', 'vi').executeTakeFirstOrThrow()).slug!;
    const vi = html((await getPage(t.app, eventPath('vi', viSlug))).body);
    assert.equal(vi.querySelector('figure.hero img')?.getAttribute('alt'), 'Người hái cà phê');
    assert.equal(text(vi.querySelector('figure.hero figcaption')), '© ILO/Nguyen Hai Dat 2024');

    for (const url of [eventCalendarPath('en', slug), '/en/events.ics']) {
      const ics = await t.app.inject({ method: 'GET', url });
      assert.equal(ics.statusCode, 200, url);
      assert.deepEqual(rfc5545Problems(ics.rawPayload), [], url);
      const event = [...parseCalendar(ics.body).events.values()].find((e) => e.summary === 'Coffee harvest dialogue');
      assert.ok(event, url);
      assert.equal(event.component.getFirstPropertyValue('attach'), ogImage, url);
    }
  });

  test('an image gone from the library is refused with the form kept; a contributor chooses as on articles', async () => {
    const gone = await postForm(t.app, { url: '/admin/events', session: editor, fields: newEvent({ hero_media_id: '987654' }) });
    assert.equal(gone.statusCode, 422);
    assert.equal(text(html(gone.body).querySelector('#error-hero_media_id')), 'This image is no longer in the library. Choose another one.');
    assert.equal(formFields(gone.body, 'form.edit-form').en_title, 'Coffee harvest dialogue');
    assert.equal((await postForm(t.app, { url: '/admin/events', session: editor, fields: newEvent({ hero_media_id: 'abc' }) })).statusCode, 422);

    const id = await create(contributor, { hero_media_id: mediaId });
    assert.equal(formFields((await getPage(t.app, `/admin/events/${id}`, contributor)).body, 'form.edit-form').hero_media_id, mediaId);
  });
});
