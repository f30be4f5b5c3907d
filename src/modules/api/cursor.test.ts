import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.js';
import { decodeCursor, encodeCursor, listingName } from './cursor.js';

const refused = (listing: string, cursor: string) => {
  assert.throws(
    () => decodeCursor(listing, cursor),
    (error: unknown) => error instanceof ValidationError && Object.keys(error.fields).join() === 'cursor',
    cursor,
  );
};

test('a cursor gives back the position it was made from, in its own listing', () => {
  const listing = listingName('events', { lang: 'en', topic: 'safety', when: 'past', limit: 5 });
  const cursor = encodeCursor(listing, { date: '2024-03-04', id: 17 });
  assert.match(cursor, /^[\w-]+\.[\w-]{16}$/);
  assert.deepEqual(decodeCursor(listing, cursor), { date: '2024-03-04', id: 17 });
  // The same listing whatever the page's length, the order of the parameters, and parameters left unset.
  assert.equal(listingName('events', { limit: 50, when: 'past', topic: 'safety', lang: 'en', year: undefined }), listing);
});

test('a cursor of another listing, of another endpoint, altered or made up is refused on the cursor parameter', () => {
  const listing = listingName('events', { lang: 'en', topic: 'safety' });
  const cursor = encodeCursor(listing, { date: '2024-03-04', id: 17 });
  refused(listingName('events', { lang: 'en', topic: 'child-labour' }), cursor);
  refused(listingName('events', { lang: 'vi', topic: 'safety' }), cursor);
  refused(listingName('articles', { lang: 'en', topic: 'safety' }), cursor);
  const [body = '', check = ''] = cursor.split('.');
  const other = Buffer.from(JSON.stringify([1, listing, '2024-03-04', 18])).toString('base64url');
  refused(listing, `${other}.${check}`);
  refused(listing, `${body}.${check.slice(0, -1)}A`.replace(/AA$/, 'AB'));
  refused(listing, body);
  refused(listing, `${cursor}.more`);
  refused(listing, 'not a cursor');
  // Well checked but not of the right form: a date that is not one, an id that is not a whole number.
  for (const payload of [[1, listing, '2024-02-30', 1], [1, listing, '2024-03-04', 1.5], [2, listing, '2024-03-04', 1], { listing }]) {
    const text = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const forged = encodeCursor(listing, { date: '2024-01-01', id: 1 }).split('.')[1];
    refused(listing, `${text}.${forged}`);
  }
});
