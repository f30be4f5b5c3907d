import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { text } from '../../../test/helpers/html.js';
import { taggedSite } from '../../../test/helpers/tagged-site.js';

describe('filters folded behind a summary (for narrow screens)', () => {
  const site = taggedSite();

  test('the events and articles listings put their filter form in a closed <details> named like its fieldset', async () => {
    for (const path of ['/en/events', '/en/articles']) {
      const doc = await site.page(path);
      const details = doc.querySelector('.listing-filters > details.filter-disclosure');
      assert.ok(details, `${path}: no disclosure`);
      assert.equal(details.hasAttribute('open'), false, `${path}: open`);
      assert.equal(text(details.querySelector(':scope > summary')), 'Narrow down');
      assert.ok(details.querySelector('form.filter-form fieldset.filters'), `${path}: the form is not inside`);
      // The chosen filters stay outside, to be seen and removed while the form is folded.
      assert.equal(details.querySelector('.chosen-filters'), null);
    }
  });

  test('the summary says how many filters are chosen, in either language', async () => {
    const en = await site.page('/en/events?topic=child-labour&year=2026');
    assert.equal(text(en.querySelector('.filter-disclosure > summary')), 'Narrow down (2 chosen)');
    assert.ok(en.querySelector('.listing-filters > .chosen-filters'));
    const vi = await site.page('/vi/articles?topic=child-labour');
    assert.equal(text(vi.querySelector('.filter-disclosure > summary')), 'Thu hẹp kết quả (đã chọn 1)');
  });

  test('the search page folds its filters the same way, its search box staying in view', async () => {
    const doc = await site.page('/en/search?q=ILO');
    const details = doc.querySelector('form.search-form details.filter-disclosure');
    assert.ok(details?.querySelector('fieldset.filters #filter-kind'));
    assert.equal(details?.querySelector('input[type=search]'), null);
  });
});
