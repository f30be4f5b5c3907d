import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chosenLang, languageCookie, languageForVisitor, preferredLang } from './language-choice.js';
import { casesOf } from '../../../test/helpers/cases.js';

describe('preferredLang', () => {
  casesOf(preferredLang, {
    'Vietnamese when the browser puts it before English': [
      ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
      ['vi', 'vi'],
      ['fr-FR, vi;q=0.5', 'vi'],
    ],
    'English when it is preferred, absent from both, or missing': [
      ['en-GB,en;q=0.9,vi;q=0.8', 'en'],
      ['fr-FR,fr;q=0.9', 'en'],
      ['', 'en'],
      [undefined, 'en'],
    ],
    'weights decide over order; equal weights go to the one listed first': [
      ['en;q=0.4, vi;q=0.6', 'vi'],
      ['en, vi', 'en'],
      ['vi, en', 'vi'],
      ['en-US;q=0.5, vi-VN;q=0.5', 'en'],
    ],
    'q=0 means not acceptable, and the wildcard stands for unnamed languages': [
      ['vi;q=0, en;q=0.1', 'en'],
      ['en;q=0, *;q=0.2', 'vi'],
      ['*', 'en'],
      ['vi;q=0.3, *;q=0.8', 'en'],
    ],
    'ignores malformed weights instead of failing': [
      ['vi;q=abc, en;q=0.2', 'en'],
      ['vi;q=2, en;q=0.2', 'en'],
      [',,;;=,vi', 'vi'],
    ],
  });
});

describe('the remembered choice', () => {
  casesOf(chosenLang, {
    'reads the lang cookie among others and ignores unknown values': [
      ['session=abc; lang=vi; theme=dark', 'vi'],
      ['lang=en', 'en'],
      ['lang=fr', undefined],
      ['xlang=vi', undefined],
      [undefined, undefined],
    ],
  });

  casesOf(languageForVisitor, {
    'an explicit choice wins over the browser preference': [
      [{ cookie: 'lang=en', acceptLanguage: 'vi' }, 'en'],
      [{ cookie: 'lang=vi', acceptLanguage: 'en' }, 'vi'],
      [{ acceptLanguage: 'vi' }, 'vi'],
    ],
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
