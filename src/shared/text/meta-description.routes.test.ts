import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';
import { createArticle, createEvent } from '../../../test/helpers/factories.js';
import { html } from '../../../test/helpers/html.js';

describe('every page type has a meta description', () => {
  const t = appForBlock();
  before(async () => {
    await createEvent(t.db, { slug: 'no-summary', title: 'Forum without a summary', description: 'Employers and **workers** meet in Buon Ma Thuot to talk about safety.' });
    await createArticle(t.db, { slug: 'no-summary-article', title: 'Article without a summary', body: '## Harvest\n\nCoffee pickers on the plateau.' });
  });

  const description = async (url: string) => {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    return html(res.body).querySelector('meta[name=description]')?.getAttribute('content');
  };

  test('an event or article without a summary is described by the start of its text', async () => {
    assert.equal(await description('/en/events/no-summary'), 'Employers and workers meet in Buon Ma Thuot to talk about safety.');
    assert.equal(await description('/en/articles/no-summary-article'), 'Harvest Coffee pickers on the plateau.');
  });

  test('with no text at all, the title, the kind of page and its date', async () => {
    await createArticle(t.db, { slug: 'title-only', title: 'Only a title', date: '2022-04-05', body: null });
    assert.equal(await description('/en/articles/title-only'), `Only a title: a feature article of ${t.config.SITE_NAME}, 5 April 2022.`);
  });

  test('the home page is described in its language', async () => {
    assert.match((await description('/en')) ?? '', new RegExp(`^Events and meetings that ${t.config.SITE_NAME}`));
    assert.match((await description('/vi')) ?? '', /^Các sự kiện và cuộc họp/);
  });
});
