import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chosenLang, languageCookie, languageForVisitor, preferredLang } from './language-choice.js';

describe('preferredLang', () => {
  test('Vietnamese when the browser puts it before English', () => {
    assert.equal(preferredLang('vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7'), 'vi');
    assert.equal(preferredLang('vi'), 'vi');
    assert.equal(preferredLang('fr-FR, vi;q=0.5'), 'vi');
  });

  test('English when it is preferred, absent from both, or missing', () => {
    assert.equal(preferredLang('en-GB,en;q=0.9,vi;q=0.8'), 'en');
    assert.equal(preferredLang('fr-FR,fr;q=0.9'), 'en');
    assert.equal(preferredLang(''), 'en');
    assert.equal(preferredLang(undefined), 'en');
  });

  test('weights decide over order; equal weights go to the one listed first', () => {
    assert.equal(preferredLang('en;q=0.4, vi;q=0.6'), 'vi');
    assert.equal(preferredLang('en, vi'), 'en');
    assert.equal(preferredLang('vi, en'), 'vi');
    assert.equal(preferredLang('en-US;q=0.5, vi-VN;q=0.5'), 'en');
  });

  test('q=0 means not acceptable, and the wildcard stands for unnamed languages', () => {
    assert.equal(preferredLang('vi;q=0, en;q=0.1'), 'en');
    assert.equal(preferredLang('en;q=0, *;q=0.2'), 'vi');
    assert.equal(preferredLang('*'), 'en');
    assert.equal(preferredLang('vi;q=0.3, *;q=0.8'), 'en');
  });

  test('ignores malformed weights instead of failing', () => {
    assert.equal(preferredLang('vi;q=abc, en;q=0.2'), 'en');
    assert.equal(preferredLang('vi;q=2, en;q=0.2'), 'en');
    assert.equal(preferredLang(',,;;=,vi'), 'vi');
  });
});

describe('the remembered choice', () => {
  test('reads the lang cookie among others and ignores unknown values', () => {
    assert.equal(chosenLang('session=abc; lang=vi; theme=dark'), 'vi');
    assert.equal(chosenLang('lang=en'), 'en');
    assert.equal(chosenLang('lang=fr'), undefined);
    assert.equal(chosenLang('xlang=vi'), undefined);
    assert.equal(chosenLang(undefined), undefined);
  });

  test('an explicit choice wins over the browser preference', () => {
    assert.equal(languageForVisitor({ cookie: 'lang=en', acceptLanguage: 'vi' }), 'en');
    assert.equal(languageForVisitor({ cookie: 'lang=vi', acceptLanguage: 'en' }), 'vi');
    assert.equal(languageForVisitor({ acceptLanguage: 'vi' }), 'vi');
  });

  test('the cookie is site-wide, long-lived, HttpOnly, Lax, and Secure over HTTPS only', () => {
    const plain = languageCookie('vi', false);
    assert.match(plain, /^lang=vi; /);
    assert.match(plain, /Path=\//);
    assert.match(plain, /Max-Age=31536000/);
    assert.match(plain, /SameSite=Lax/);
    assert.match(plain, /HttpOnly/);
    assert.doesNotMatch(plain, /Secure/);
    assert.match(languageCookie('en', true), /; Secure$/);
  });
});
