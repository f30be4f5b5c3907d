import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { alternates, articlePath, articlesPath, eventPath, eventsPath, formQuery, homePath, isPathInLang, langOfPath, languageChoicePath } from './paths.js';

describe('public paths', () => {
  test('every page sits under its language', () => {
    assert.equal(homePath('vi'), '/vi');
    assert.equal(eventsPath('en'), '/en/events');
    assert.equal(eventPath('vi', 'hoi-thao-quoc-gia'), '/vi/events/hoi-thao-quoc-gia');
    assert.equal(articlesPath('vi'), '/vi/articles');
    assert.equal(articlePath('en', 'a-bridge'), '/en/articles/a-bridge');
  });

  test('listing queries leave out page 1 and empty values', () => {
    assert.equal(eventsPath('en', { page: 1 }), '/en/events');
    assert.equal(eventsPath('en', { page: 3 }), '/en/events?page=3');
    assert.equal(articlesPath('vi', { page: 2, topic: '', year: undefined }), '/vi/articles?page=2');
    assert.equal(eventsPath('en', { topic: 'child labour' }), '/en/events?topic=child+labour');
  });

  test('slugs are encoded', () => {
    assert.equal(eventPath('en', 'a b/c'), '/en/events/a%20b%2Fc');
  });

  test('alternates and the choice link', () => {
    assert.deepEqual(alternates((lang) => eventsPath(lang, { page: 2 })), { en: '/en/events?page=2', vi: '/vi/events?page=2' });
    assert.equal(languageChoicePath('vi', '/vi/events?page=2'), '/language?to=vi&next=%2Fvi%2Fevents%3Fpage%3D2');
  });

  test("query values and the choice link's target are written as URLSearchParams writes them, whatever they hold", () => {
    const samples = ['child labour', "a!b'c(d)e~f*g-h.i_j", 'Hà Nội & "so"', 'x+y=z?#%', '\ud800 half', ''];
    const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...samples));
    fc.assert(
      fc.property(texts, texts, (name, value) => {
        const expected = value === '' ? '' : `?${new URLSearchParams([[name, value]]).toString()}`;
        assert.equal(eventsPath('en', { [name]: value }), `/en/events${name === 'page' && Number(value) === 1 ? '' : expected}`);
        assert.equal(languageChoicePath('vi', value), `/language?${new URLSearchParams({ to: 'vi', next: value }).toString()}`);
      }),
    );
    assert.equal(eventsPath('en', { topic: 'a b', year: 2020 }), '/en/events?topic=a+b&year=2020');
  });

  test('a slug is written as encodeURIComponent writes it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9-]*$/)), (slug) => {
        assert.equal(eventPath('en', slug), `/en/events/${encodeURIComponent(slug)}`);
      }),
    );
  });

  test('langOfPath finds the language prefix only', () => {
    assert.equal(langOfPath('/vi'), 'vi');
    assert.equal(langOfPath('/vi/events/x'), 'vi');
    assert.equal(langOfPath('/vi?x=1'), 'vi');
    assert.equal(langOfPath('/en/articles'), 'en');
    assert.equal(langOfPath('/video'), undefined);
    assert.equal(langOfPath('/fr/events'), undefined);
    assert.equal(langOfPath('/events'), undefined);
  });

  test('isPathInLang accepts local pages of that language only', () => {
    assert.ok(isPathInLang('/vi', 'vi'));
    assert.ok(isPathInLang('/vi/events?page=2', 'vi'));
    assert.ok(!isPathInLang('/en/events', 'vi'));
    assert.ok(!isPathInLang('/video', 'vi'));
    assert.ok(!isPathInLang('//evil.example/vi', 'vi'));
    assert.ok(!isPathInLang('https://evil.example/vi/', 'vi'));
    assert.ok(!isPathInLang('/vi/\\evil.example', 'vi'));
    assert.ok(!isPathInLang('/vi/\r\nset-cookie:x', 'vi'));
  });
});

describe('formQuery', () => {
  test('writes a query as URLSearchParams writes it, whatever its names and values', () => {
    const cases: Record<string, string>[] = [
      { action: 'TEMPLATE', text: 'Sixth Technical Meeting: “Labour migration” & statistics (ASEAN)', dates: '20200917/20200918' },
      { details: 'A summary.\n\nhttp://localhost:3000/vi/su-kien/hội-thảo?x=1#top', location: "Hà Nội; online! ~it's (mixed)*" },
      { '': '', 'a b': 'c+d', '2': 'an index-like name comes first', emoji: '🇻🇳 𝄞', lone: 'half \ud83c a pair' },
    ];
    for (const query of cases) assert.equal(formQuery(query), new URLSearchParams(query).toString());
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (query) => formQuery(query) === new URLSearchParams(query).toString()),
    );
  });
});
