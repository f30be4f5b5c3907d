import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, type ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../modules/i18n/index.js';
import { Layout } from './Layout.js';
import { ShellCache, fillShell, hole, renderShell } from './shell.js';
import { SocialMeta, type SocialInfo } from './SocialMeta.js';
import type { ViewContext } from './view-context.js';

function Card({ title, body }: { title: string; body: ComponentChildren }) {
  return h('section', { class: 'card', 'aria-label': 'Card' }, h('h2', null, title), h('div', { class: 'card__body' }, body), h('p', null, 'Static & fixed'));
}

test('a filled shell renders exactly what the component renders with the same parts', () => {
  const shell = renderShell(h(Card, { title: hole(0), body: hole(1) }));
  const title = 'Tom & Jerry <"quoted">';
  const body = h('ul', null, h('li', { class: 'x' }, 'a < b'), h('li', null, '<script>'));
  assert.equal(renderToString(fillShell(shell, [title, body])), renderToString(h(Card, { title, body })));
});

test("text put in a shell's hole is escaped, never inserted as markup", () => {
  const shell = renderShell(h('p', null, hole(0)));
  assert.equal(renderToString(fillShell(shell, ['<b>bold</b> & "so"'])), '<p>&lt;b>bold&lt;/b> &amp; &quot;so&quot;</p>');
  assert.equal(renderToString(fillShell(shell, [null])), '<p></p>');
  assert.equal(renderToString(fillShell(shell, [42])), '<p>42</p>');
});

test('holes may come in any order and a shell is built once for its owner and key', () => {
  const shell = renderShell(h('div', null, hole(2), h('hr', null), hole(0)));
  assert.deepEqual(shell.holes, [2, 0]);
  assert.equal(renderToString(fillShell(shell, ['first', 'unused', 'second'])), '<div>second<hr/>first</div>');
  const cache = new ShellCache<object>();
  const owner = {};
  let builds = 0;
  const build = () => {
    builds += 1;
    return h('p', null, hole(0));
  };
  assert.equal(cache.get(owner, 'k', build), cache.get(owner, 'k', build));
  cache.get(owner, 'other', build);
  cache.get({}, 'k', build);
  assert.equal(builds, 3);
});

test('a cache with a limit keeps that many shells for each owner, dropping the first built', () => {
  const cache = new ShellCache<object>({ limit: 2 });
  const owner = {};
  const built: string[] = [];
  const build = (key: string) => () => {
    built.push(key);
    return h('p', null, key);
  };
  cache.get(owner, 'a', build('a'));
  cache.get(owner, 'b', build('b'));
  cache.get(owner, 'a', build('a'));
  cache.get(owner, 'c', build('c'));
  cache.get(owner, 'b', build('b'));
  cache.get(owner, 'a', build('a'));
  assert.deepEqual(built, ['a', 'b', 'c', 'a']);
  assert.equal(renderToString(fillShell(cache.get(owner, 'c', build('c')), [])), '<p>c</p>');
  assert.deepEqual(built, ['a', 'b', 'c', 'a']);
});

function context(path: string, overrides: Partial<ViewContext> = {}): ViewContext {
  const t = overrides.t ?? translator('en');
  return {
    lang: 'en',
    t,
    languageNames: { en: 'English', vi: 'Tiếng Việt' },
    siteName: 'Office',
    officeEmail: 'office@example.org',
    path,
    publicUrl: 'https://example.org',
    stylesheet: '/assets/site.css',
    ...overrides,
  };
}

test("the layout's kept shell marks each page's own navigation item and shows each context's own site", () => {
  const t = translator('en');
  const page = (ctx: ViewContext) =>
    renderToString(h(Layout, { ctx, title: 'A page', alternates: { en: ctx.path, vi: '/vi/x' }, children: h('p', null, 'Body') }));
  const events = page(context('/en/events/one', { t }));
  const articles = page(context('/en/articles', { t }));
  const other = page(context('/en/articles', { t, siteName: 'Another office', stylesheet: '/assets/other.css' }));
  assert.match(events, /<a href="\/en\/events" aria-current="page">/);
  assert.doesNotMatch(events, /<a href="\/en\/articles" aria-current="page">/);
  assert.match(articles, /<a href="\/en\/articles" aria-current="page">/);
  assert.doesNotMatch(articles, /<a href="\/en\/events" aria-current="page">/);
  assert.match(other, /<a class="site-name" href="\/en">Another office<\/a>/);
  assert.match(other, /href="\/assets\/other.css"/);
  assert.doesNotMatch(articles, /Another office|other\.css/);
  assert.match(events, /next=%2Fvi%2Fx/);
  assert.match(events, /<main id="main" class="wrap" tabindex="-1"><p>Body<\/p><\/main>/);
});

test("an attribute's hole takes its text escaped as Preact escapes a value, and refuses what Preact would write otherwise", () => {
  const view = (href: string, label: string) => h('a', { class: 'x', href, title: label }, label);
  const shell = renderShell(view(hole(0), hole(1)));
  assert.deepEqual(shell.inAttribute, [true, true, false]);
  const href = '/en/a?b=1&c="2"<';
  assert.equal(renderToString(fillShell(shell, [href, 'Tom & "Jerry"'])), renderToString(view(href, 'Tom & "Jerry"')));
  assert.throws(() => fillShell(shell, ['', 'label']), TypeError);
  assert.throws(() => fillShell(shell, [null, 'label']), TypeError);
});

test('link preview tags from a kept shell carry each page its own title, description, address and picture', () => {
  const ctx = context('/en/articles/a');
  const tags = (props: { title: string; description?: string; url?: string; social?: SocialInfo }) => renderToString(h(SocialMeta, { ctx, ...props }));
  const plain = tags({ title: 'First & "one"', description: 'About <it>', url: 'https://example.org/en/a' });
  assert.match(plain, /<meta property="og:title" content="First &amp; &quot;one&quot;"\/>/);
  assert.match(plain, /<meta name="twitter:description" content="About &lt;it>"\/>/);
  assert.match(plain, /<meta property="og:image:width" content="1200"\/>/);
  const second = tags({ title: 'Second', url: 'https://example.org/en/b' });
  assert.match(second, /<meta name="twitter:title" content="Second"\/>/);
  assert.doesNotMatch(second, /First|description/);
  const pictured = tags({ title: 'Third', social: { type: 'article', image: { url: '/media/p.jpg', alt: 'A field' } } });
  assert.match(pictured, /<meta property="og:type" content="article"\/>/);
  assert.match(pictured, /<meta property="og:image" content="https:\/\/example.org\/media\/p.jpg"\/>/);
  assert.match(pictured, /<meta name="twitter:image:alt" content="A field"\/>/);
  assert.match(pictured, /summary_large_image/);
  assert.doesNotMatch(pictured, /og:image:width|og:url/);
  assert.equal(tags({ title: '' }).includes('<meta property="og:title" content/>'), true);
});
