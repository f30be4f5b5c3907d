import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { ConfigError, envSchema, loadEnv } from './env.js';

test('defaults give a working embedded setup', () => {
  const env = loadEnv({});
  assert.equal(env.PORT, 3000);
  assert.equal(env.HOST, '127.0.0.1');
  assert.equal(env.DATABASE_URL, undefined);
  assert.equal(env.SQLITE_PATH, './data/almanac.sqlite');
  assert.equal(env.OFFICE_TIME_ZONE, 'Asia/Ho_Chi_Minh');
  assert.equal(env.SEED_ON_FIRST_START, true);
  assert.ok(Object.isFrozen(env));
});

test('values are parsed and checked', () => {
  const env = loadEnv({ PORT: '8080', SEED_ON_FIRST_START: 'false', DATABASE_URL: 'postgres://u@h/db', OFFICE_TIME_ZONE: 'Europe/Zurich' });
  assert.equal(env.PORT, 8080);
  assert.equal(env.SEED_ON_FIRST_START, false);
  assert.equal(env.DATABASE_URL, 'postgres://u@h/db');
  assert.equal(env.OFFICE_TIME_ZONE, 'Europe/Zurich');
});

test('every bad value is reported together, with its name and what was expected', () => {
  assert.throws(
    () =>
      loadEnv({
        PORT: 'eighty',
        OFFICE_EMAIL: 'not-an-address',
        OFFICE_TIME_ZONE: 'Mars/Olympus',
        DATABASE_URL: 'mysql://x',
        SEED_ON_FIRST_START: 'maybe',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const names = error.problems.map((p) => p.split(':')[0]).sort();
      assert.deepEqual(names, ['DATABASE_URL', 'OFFICE_EMAIL', 'OFFICE_TIME_ZONE', 'PORT', 'SEED_ON_FIRST_START']);
      assert.match(error.message, /OFFICE_TIME_ZONE: expected an IANA time zone .*\(got "Mars\/Olympus"\)/);
      assert.match(error.message, /PORT: expected a port number/);
      return true;
    },
  );
});

test('an empty string counts as unset', () => {
  assert.equal(loadEnv({ PORT: '' }).PORT, 3000);
});

test('media folder and upload limit: defaults, and a bad limit is refused', () => {
  const env = loadEnv({});
  assert.equal(env.MEDIA_DIR, './data/media');
  assert.equal(env.MEDIA_MAX_BYTES, 10 * 1024 * 1024);
  assert.equal(loadEnv({ MEDIA_MAX_BYTES: '2000000' }).MEDIA_MAX_BYTES, 2000000);
  assert.throws(() => loadEnv({ MEDIA_MAX_BYTES: 'ten megabytes' }), /MEDIA_MAX_BYTES: expected a number of bytes/);
  assert.throws(() => loadEnv({ MEDIA_MAX_BYTES: '12' }), /MEDIA_MAX_BYTES: expected at least 1024 bytes/);
  assert.equal(env.MEDIA_MAX_PIXELS, 40_000_000);
  assert.throws(() => loadEnv({ MEDIA_MAX_PIXELS: '500' }), /MEDIA_MAX_PIXELS: expected at least 1000000 pixels/);
});

test('popular pages rendered again after a change: 12 by default, none with 0, and a bad count is refused', () => {
  assert.equal(loadEnv({}).PAGE_CACHE_REFRESH_PAGES, 12);
  assert.equal(loadEnv({ PAGE_CACHE_REFRESH_PAGES: '0' }).PAGE_CACHE_REFRESH_PAGES, 0);
  assert.throws(() => loadEnv({ PAGE_CACHE_REFRESH_PAGES: 'all' }), /PAGE_CACHE_REFRESH_PAGES: expected a number of pages/);
  assert.throws(() => loadEnv({ PAGE_CACHE_REFRESH_PAGES: '2.5' }), /PAGE_CACHE_REFRESH_PAGES: expected a whole number of pages/);
  assert.throws(() => loadEnv({ PAGE_CACHE_REFRESH_PAGES: '-1' }), /PAGE_CACHE_REFRESH_PAGES: expected 0 or more pages/);
  assert.throws(() => loadEnv({ PAGE_CACHE_REFRESH_PAGES: '500' }), /PAGE_CACHE_REFRESH_PAGES: expected at most 100 pages/);
});

test('the trusted proxy: none by default; a hop count or addresses; never everyone', () => {
  assert.equal(loadEnv({}).TRUST_PROXY, false);
  assert.equal(loadEnv({ TRUST_PROXY: '1' }).TRUST_PROXY, 1);
  assert.equal(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY, false);
  assert.deepEqual(loadEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY, ['127.0.0.1', '10.0.0.0/8', '::1']);
  assert.deepEqual(loadEnv({ TRUST_PROXY: 'loopback' }).TRUST_PROXY, ['loopback']);
  for (const bad of ['true', 'yes-please', '10.0.0.0/33', '300.1.1.1', '100']) {
    assert.throws(() => loadEnv({ TRUST_PROXY: bad }), /TRUST_PROXY: expected the number of proxies/, bad);
  }
});

test('PUBLIC_URL, when unset, is where the server listens: HOST and PORT, with localhost for loopback and every-address hosts', () => {
  assert.equal(loadEnv({}).PUBLIC_URL, 'http://localhost:3000');
  assert.equal(loadEnv({ PORT: '8080' }).PUBLIC_URL, 'http://localhost:8080');
  for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']) {
    assert.equal(loadEnv({ HOST: host, PORT: '3301' }).PUBLIC_URL, 'http://localhost:3301', host);
  }
  assert.equal(loadEnv({ HOST: '192.168.1.20', PORT: '8080' }).PUBLIC_URL, 'http://192.168.1.20:8080');
  assert.equal(loadEnv({ HOST: 'fd00::5', PORT: '8080' }).PUBLIC_URL, 'http://[fd00::5]:8080');
  assert.equal(loadEnv({ HOST: 'almanac.internal', PORT: '80' }).PUBLIC_URL, 'http://almanac.internal');
  // Set, it wins: behind a proxy the public address is not the one listened on.
  assert.equal(loadEnv({ PORT: '8080', PUBLIC_URL: 'https://events.example.org' }).PUBLIC_URL, 'https://events.example.org');
});

test('mail: no server by default (the outbox folder), and the sender named after the site', () => {
  const env = loadEnv({ PUBLIC_URL: 'https://events.example.org', SITE_NAME: 'The "Office"' });
  assert.equal(env.SMTP_URL, undefined);
  assert.equal(env.SMTP_HOST, undefined);
  assert.equal(env.MAIL_OUTBOX_DIR, './data/outbox');
  assert.equal(env.SMTP_STARTTLS, 'opportunistic');
  assert.equal(env.MAIL_FROM, '"The Office" <no-reply@events.example.org>');
  assert.equal(loadEnv({ MAIL_FROM: 'Web team <web@example.org>' }).MAIL_FROM, 'Web team <web@example.org>');
});

test('mail settings that do not fit together are refused, each named', () => {
  assert.throws(
    () => loadEnv({ SMTP_URL: 'smtp://mail.example.org', SMTP_HOST: 'mail.example.org', SMTP_USER: 'web', SMTP_SECURE: 'true', SMTP_STARTTLS: 'required', MAIL_FROM: 'nobody' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      assert.match(text, /SMTP_URL: set either SMTP_URL or SMTP_HOST, not both/);
      assert.match(text, /SMTP_PASSWORD: set SMTP_USER and SMTP_PASSWORD together/);
      assert.match(text, /SMTP_STARTTLS: STARTTLS does not apply with SMTP_SECURE=true/);
      assert.match(text, /MAIL_FROM: expected an email address/);
      return true;
    },
  );
  assert.throws(() => loadEnv({ SMTP_URL: 'http://mail.example.org' }), /SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL/);
  assert.throws(() => loadEnv({ SMTP_PORT: '2525' }), /SMTP_PORT: only used with SMTP_HOST/);
  assert.throws(() => loadEnv({ SMTP_HOST: 'mail.example.org', SMTP_STARTTLS: 'sometimes' }), /SMTP_STARTTLS: expected required, opportunistic or off/);
});

test('every setting is in .env.example and in the README, where people look for them', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const names = Object.keys(envSchema.shape);
  assert.ok(names.length > 20, `the settings were read (${names.length})`);
  assert.deepEqual(names.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example)), [], 'missing from .env.example');
  assert.deepEqual(names.filter((name) => !readme.includes(`\`${name}\``)), [], 'missing from the README');
});
