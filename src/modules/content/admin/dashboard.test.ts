import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock, DEFAULT_NOW } from '../../../../test/helpers/build-test-app.js';
import { getPage, signIn, signedInForBlock } from '../../../../test/helpers/admin-session.js';
import { articleInput, eventInput } from '../../../../test/helpers/editing.js';
import { html, text } from '../../../../test/helpers/html.js';
import { createArticle, publishArticle, submitArticle, updateArticle } from '../../articles/articles.editing.js';
import { createEvent, deleteEvent, publishEvent, scheduleEvent, submitEvent, updateEvent } from '../../events/events.editing.js';

const later = (minutes: number) => new Date(DEFAULT_NOW.getTime() + minutes * 60_000);
const vi = (title: string, status: 'draft' | 'published') => ({ title, summary: null, description: null, venue: null, city: null, slug: null, status });

/** The titles listed under the heading with this id, in order. */
function listed(body: string, id: string): string[] {
  const section = html(body).querySelector(`section[aria-labelledby="${id}"]`);
  assert.ok(section, `the dashboard has a list "${id}"`);
  return section.querySelectorAll('li > a').map((a) => text(a));
}

describe('the dashboard lists the editing work', () => {
  const t = appForBlock();
  const editor = signedInForBlock(t, 'editor', { name: 'Minh' });
  const contributor = signedInForBlock(t, 'contributor', { name: 'Tuan' });
  before(async () => {
    const asEditor = { user: editor.user, now: DEFAULT_NOW };
    const asContributor = { user: contributor.user, now: DEFAULT_NOW };

    await createEvent(t.db, asContributor, eventInput({ en: { ...eventInput().en, title: 'Contributor draft event' } }));
    await createEvent(t.db, asEditor, eventInput({ en: { ...eventInput().en, title: 'Editor draft event' } }));
    const review = await createArticle(t.db, asContributor, articleInput({ en: { ...articleInput().en, title: 'Article in review' } }));
    await submitArticle(t.db, asContributor, review.id);

    const soon = await createEvent(t.db, asEditor, eventInput({ start_date: '2026-12-10', en: { ...eventInput().en, title: 'Scheduled forum' } }));
    await scheduleEvent(t.db, asEditor, soon.id, later(120));

    // Upcoming and published: one with no Vietnamese, one with a Vietnamese draft, one translated.
    for (const [title, text] of [
      ['Upcoming without Vietnamese', null],
      ['Upcoming with a Vietnamese draft', vi('Bản nháp', 'draft')],
      ['Upcoming translated', vi('Đã dịch', 'published')],
    ] as const) {
      const event = await createEvent(t.db, asEditor, eventInput({ start_date: '2026-12-05', en: { ...eventInput().en, title }, vi: text }));
      await publishEvent(t.db, asEditor, event.id);
    }
    // Past and without Vietnamese: not translation work any more.
    const past = await createEvent(t.db, asEditor, eventInput({ start_date: '2026-10-01', en: { ...eventInput().en, title: 'Past event' } }));
    await publishEvent(t.db, asEditor, past.id);

    // A checked translation whose English then changes.
    const checked = await createArticle(
      t.db,
      asEditor,
      articleInput({
        en: { ...articleInput().en, title: 'Translated article' },
        vi: { title: 'Bài đã dịch', summary: null, body: 'Nội dung.', hero_alt: null, byline_role: null, byline_organisation: null, slug: null, status: 'published' },
        vi_current: true,
      }),
    );
    await publishArticle(t.db, asEditor, checked.id);
    const edited = await updateArticle(
      t.db,
      { user: editor.user, now: later(1) },
      checked.id,
      articleInput({
        en: { ...articleInput().en, title: 'Translated article', body: 'A longer English body.' },
        vi: { title: 'Bài đã dịch', summary: null, body: 'Nội dung.', hero_alt: null, byline_role: null, byline_organisation: null, slug: null, status: 'published' },
      }),
      checked.revision,
    );
    assert.ok(edited.revision > checked.revision);

    // A deleted item leaves revisions behind but is not listed.
    const gone = await createEvent(t.db, asEditor, eventInput({ en: { ...eventInput().en, title: 'Deleted event' } }));
    await deleteEvent(t.db, { user: editor.user, now: later(2) }, gone.id);
    const touched = await createEvent(t.db, asEditor, eventInput({ en: { ...eventInput().en, title: 'Saved last' } }));
    await updateEvent(t.db, { user: editor.user, now: later(3) }, touched.id, eventInput({ en: { ...eventInput().en, title: 'Saved last', city: 'Huế' } }), touched.revision);
    await submitEvent(t.db, { user: editor.user, now: later(4) }, touched.id);
  });

  test('an editor sees everyone\'s drafts, the review queue, scheduled items and recent changes', async () => {
    const res = await getPage(t.app, '/admin', editor);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(listed(res.body, 'work-drafts').sort(), ['Contributor draft event', 'Editor draft event']);
    assert.deepEqual(listed(res.body, 'work-review'), ['Saved last', 'Article in review']);
    assert.deepEqual(listed(res.body, 'work-scheduled'), ['Scheduled forum']);
    const recent = listed(res.body, 'work-recent');
    assert.equal(recent[0], 'Saved last');
    assert.ok(recent.includes('Translated article'));
    assert.ok(!recent.includes('Deleted event'), 'a deleted item is not offered');
    const firstLine = html(res.body).querySelector('section[aria-labelledby="work-recent"] li');
    assert.match(text(firstLine), /Submitted for review by Minh/);
    // Each line opens the item's edit page.
    const link = html(res.body).querySelector('section[aria-labelledby="work-scheduled"] li > a');
    assert.match(link?.getAttribute('href') ?? '', /^\/admin\/events\/\d+$/);
  });

  test('translation work: upcoming events without a published Vietnamese text, and texts whose English changed', async () => {
    const res = await getPage(t.app, '/admin', editor);
    // Soonest first; a scheduled event will go live without Vietnamese too, so it is listed.
    assert.deepEqual(listed(res.body, 'work-missing-vi'), ['Upcoming without Vietnamese', 'Upcoming with a Vietnamese draft', 'Scheduled forum']);
    const draftLine = html(res.body).querySelectorAll('section[aria-labelledby="work-missing-vi"] li')[1];
    assert.match(text(draftLine), /Vietnamese draft not yet published/);
    assert.deepEqual(listed(res.body, 'work-outdated-vi'), ['Translated article']);
    assert.match(text(html(res.body).querySelector('section[aria-labelledby="work-outdated-vi"] li')), /changed: Body text$/);
  });

  test('a contributor sees only their own drafts and items in review', async () => {
    const res = await getPage(t.app, '/admin', contributor);
    assert.deepEqual(listed(res.body, 'work-drafts'), ['Contributor draft event']);
    assert.deepEqual(listed(res.body, 'work-review'), ['Article in review']);
    const doc = html(res.body);
    assert.equal(text(doc.querySelector('#work-drafts')), 'Your drafts');
    for (const id of ['work-scheduled', 'work-recent', 'work-missing-vi', 'work-outdated-vi']) {
      assert.equal(doc.querySelector(`section[aria-labelledby="${id}"]`), null, `${id} is not shown to a contributor`);
    }
  });

  test('the dashboard speaks the person\'s interface language', async () => {
    const lan = await signIn(t.app, t.db, 'editor', { name: 'Lan', uiLang: 'vi' });
    const doc = html((await getPage(t.app, '/admin', lan)).body);
    assert.equal(text(doc.querySelector('#work-drafts')), 'Bản nháp');
    assert.equal(text(doc.querySelector('#work-missing-vi')), 'Sự kiện sắp tới chưa có bản tiếng Việt được đăng');
  });
});
