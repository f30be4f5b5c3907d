import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { html, text } from '../../../test/helpers/html.js';
import type { PictureImage } from './media.service.js';
import { MediaFigure, Picture } from './Picture.js';

const sizes = (format: string, ext: string) =>
  [320, 640, 960, 1000].map((w) => ({ url: `/media/i/ab/${format}${w}.${ext}`, width: w, height: Math.round((w * 3) / 5) }));

const image: PictureImage = {
  id: 1,
  width: 1000,
  height: 600,
  altEn: 'Workers at a garment factory',
  altVi: 'Công nhân tại một nhà máy may',
  credit: { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 },
  avif: sizes('a', 'avif'),
  webp: sizes('w', 'webp'),
  fallback: sizes('j', 'jpg'),
  fallbackType: 'image/jpeg',
};

describe('Picture', () => {
  test('AVIF and WebP sources, then a JPEG img with srcset, sizes and dimensions; lazy by default', () => {
    const doc = html(renderToString(h(Picture, { image, lang: 'en', sizes: '(min-width: 60rem) 60rem, 100vw' })));
    const sources = doc.querySelectorAll('picture > source');
    assert.deepEqual(sources.map((s) => s.getAttribute('type')), ['image/avif', 'image/webp']);
    assert.equal(
      sources[0]?.getAttribute('srcset'),
      '/media/i/ab/a320.avif 320w, /media/i/ab/a640.avif 640w, /media/i/ab/a960.avif 960w, /media/i/ab/a1000.avif 1000w',
    );
    assert.equal(sources[1]?.getAttribute('sizes'), '(min-width: 60rem) 60rem, 100vw');
    const img = doc.querySelector('picture > img');
    assert.ok(img);
    assert.equal(img.getAttribute('src'), '/media/i/ab/j960.jpg');
    assert.match(img.getAttribute('srcset') ?? '', /^\/media\/i\/ab\/j320\.jpg 320w, .* \/media\/i\/ab\/j1000\.jpg 1000w$/);
    assert.equal(img.getAttribute('sizes'), '(min-width: 60rem) 60rem, 100vw');
    assert.equal(img.getAttribute('width'), '1000');
    assert.equal(img.getAttribute('height'), '600');
    assert.equal(img.getAttribute('loading'), 'lazy');
    assert.equal(img.getAttribute('fetchpriority'), undefined);
    assert.equal(img.getAttribute('alt'), 'Workers at a garment factory');
    assert.equal(img.getAttribute('lang'), undefined);
  });

  test('above the fold: loaded eagerly with high priority', () => {
    const img = html(renderToString(h(Picture, { image, lang: 'en', sizes: '100vw', eager: true }))).querySelector('img');
    assert.equal(img?.getAttribute('loading'), undefined);
    assert.equal(img?.getAttribute('fetchpriority'), 'high');
  });

  test('alt text in the page language, or English marked as English', () => {
    const vi = html(renderToString(h(Picture, { image, lang: 'vi', sizes: '100vw' }))).querySelector('img');
    assert.equal(vi?.getAttribute('alt'), 'Công nhân tại một nhà máy may');
    assert.equal(vi?.getAttribute('lang'), undefined);
    const fallback = html(renderToString(h(Picture, { image: { ...image, altVi: null }, lang: 'vi', sizes: '100vw' }))).querySelector('img');
    assert.equal(fallback?.getAttribute('alt'), 'Workers at a garment factory');
    assert.equal(fallback?.getAttribute('lang'), 'en');
  });

  test('alt text is escaped', () => {
    const out = renderToString(h(Picture, { image: { ...image, altEn: '"><script>x</script>' }, lang: 'en', sizes: '100vw' }));
    assert.doesNotMatch(out, /<script>/);
  });
});

describe('MediaFigure', () => {
  test('the picture with its credit as caption; no caption without a credit', () => {
    const doc = html(renderToString(h(MediaFigure, { image, lang: 'en', sizes: '100vw', figureClass: 'hero' })));
    assert.ok(doc.querySelector('figure.hero > picture > img'));
    assert.equal(text(doc.querySelector('figure.hero > figcaption.credit')), '© ILO/Nguyen Hai Dat 2024');
    const bare = html(renderToString(h(MediaFigure, { image: { ...image, credit: null }, lang: 'en', sizes: '100vw' })));
    assert.equal(bare.querySelector('figcaption'), null);
  });
});
