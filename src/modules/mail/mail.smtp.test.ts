import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { loadEnv } from '../../config/env.js';
import { openDatabase } from '../../db/database.js';
import { openTestDatabase, type TestDatabaseHandle } from '../../../test/helpers/test-database.js';
import { freePort, parseMail, readMail, startTestSmtpServer, TEST_CA_FILE, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { enqueueMail, mailSenderFor, sendDueMail, retryDelayMs, type MailRequest } from './index.js';
import { findMail } from './outbox.repository.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const SITE = { siteName: 'Văn phòng ILO tại Việt Nam', publicUrl: 'https://events.example.org' };

function request(overrides: Partial<MailRequest> = {}): MailRequest {
  return {
    to: 'lan@example.org',
    lang: 'vi',
    content: {
      subject: 'Đặt lại mật khẩu của bạn',
      paragraphs: ['Ai đó đã yêu cầu đặt lại mật khẩu.', 'Đường dẫn có hiệu lực trong 1 giờ.'],
      action: { label: 'Đặt mật khẩu mới', url: 'https://events.example.org/admin/reset?token=abc' },
      footer: ['Nếu không phải bạn, hãy bỏ qua thư này.'],
    },
    ...overrides,
  };
}

function smtpEnv(extra: Record<string, string>) {
  return loadEnv({ NODE_ENV: 'test', MAIL_FROM: 'Almanac <web@example.org>', ...extra });
}

describe('sending through a real SMTP server', () => {
  let handle: TestDatabaseHandle;
  let servers: TestSmtpServer[];
  beforeEach(async () => {
    handle = await openTestDatabase();
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await handle.destroy();
  });
  async function server(options: Parameters<typeof startTestSmtpServer>[0] = {}) {
    const s = await startTestSmtpServer(options);
    servers.push(s);
    return s;
  }

  test('a plain connection: both parts, the language, the site name, the headers, and the message marked sent', async () => {
    const smtp = await server();
    const sender = mailSenderFor(smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'off' }));
    const id = await enqueueMail(handle.db, SITE, request({ listUnsubscribe: { url: 'https://events.example.org/unsubscribe?t=x', oneClick: true } }), NOW);
    const pass = await sendDueMail(handle.db, sender, NOW);
    sender.close();
    assert.deepEqual(pass, { sent: [id], failed: [] });
    assert.equal(smtp.received.length, 1);
    const got = smtp.received[0]!;
    assert.equal(got.secure, false);
    assert.equal(got.from, 'web@example.org');
    assert.deepEqual(got.to, ['lan@example.org']);
    const mail = readMail(got.raw);
    assert.equal(mail.headers.get('subject'), 'Đặt lại mật khẩu của bạn');
    assert.equal(mail.headers.get('to'), 'lan@example.org');
    assert.equal(mail.headers.get('from'), 'Almanac <web@example.org>');
    assert.equal(mail.headers.get('content-language'), 'vi');
    assert.equal(mail.headers.get('list-unsubscribe'), '<https://events.example.org/unsubscribe?t=x>');
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(mail.headers.get('content-type') ?? '', /^multipart\/alternative/);
    assert.match(mail.text, /Ai đó đã yêu cầu đặt lại mật khẩu\./);
    assert.match(mail.text, /Đặt mật khẩu mới:\nhttps:\/\/events\.example\.org\/admin\/reset\?token=abc/);
    assert.match(mail.text, /\n-- \nVăn phòng ILO tại Việt Nam\n/);
    assert.match(mail.html, /<html lang="vi">/);
    assert.match(mail.html, /Văn phòng ILO tại Việt Nam/);
    assert.match(mail.html, /<a href="https:\/\/events\.example\.org\/admin\/reset\?token=abc"/);
    const row = await findMail(handle.db, id);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.sent_at, NOW.toISOString());
    // Sent once: a second pass finds nothing.
    assert.deepEqual(await sendDueMail(handle.db, mailSenderFor(smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'off' })), NOW), { sent: [], failed: [] });
    assert.equal(smtp.received.length, 1);
  });

  test('STARTTLS and signing in, from SMTP_URL, trusting the server\'s certificate through SMTP_CA_FILE', async () => {
    const smtp = await server({ starttls: true, auth: { user: 'almanac', pass: 's3cret pass' } });
    const sender = mailSenderFor(
      smtpEnv({ SMTP_URL: `smtp://almanac:${encodeURIComponent('s3cret pass')}@127.0.0.1:${smtp.port}`, SMTP_STARTTLS: 'required', SMTP_CA_FILE: TEST_CA_FILE }),
    );
    assert.equal(sender.destination, `smtp://127.0.0.1:${smtp.port}`);
    await enqueueMail(handle.db, SITE, request({ lang: 'en', content: { subject: 'Reset your password', paragraphs: ['Hello.'] } }), NOW);
    const pass = await sendDueMail(handle.db, sender, NOW);
    sender.close();
    assert.equal(pass.sent.length, 1);
    assert.equal(smtp.received[0]?.secure, true);
    assert.equal(smtp.received[0]?.user, 'almanac');
    assert.equal(readMail(smtp.received[0]!.raw).headers.get('content-language'), 'en');
  });

  test('host, port, user and password given one by one', async () => {
    const smtp = await server({ starttls: true, auth: { user: 'web', pass: 'pw-123' } });
    const sender = mailSenderFor(
      smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_USER: 'web', SMTP_PASSWORD: 'pw-123', SMTP_STARTTLS: 'required', SMTP_CA_FILE: TEST_CA_FILE }),
    );
    await enqueueMail(handle.db, SITE, request(), NOW);
    assert.equal((await sendDueMail(handle.db, sender, NOW)).sent.length, 1);
    sender.close();
    assert.equal(smtp.received[0]?.user, 'web');
    assert.equal(smtp.received[0]?.secure, true);
  });

  test('a wrong password, or a server without STARTTLS when it is required, leaves the message queued with the error', async () => {
    const withAuth = await server({ starttls: true, auth: { user: 'web', pass: 'right' } });
    const wrong = mailSenderFor(
      smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(withAuth.port), SMTP_USER: 'web', SMTP_PASSWORD: 'wrong', SMTP_CA_FILE: TEST_CA_FILE }),
    );
    const id = await enqueueMail(handle.db, SITE, request(), NOW);
    assert.deepEqual(await sendDueMail(handle.db, wrong, NOW), { sent: [], failed: [id] });
    wrong.close();
    let row = await findMail(handle.db, id);
    assert.equal(row?.status, 'queued');
    assert.match(row?.last_error ?? '', /Invalid username or password/);

    const plain = await server();
    const insisting = mailSenderFor(smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(plain.port), SMTP_STARTTLS: 'required' }));
    const later = new Date(NOW.getTime() + retryDelayMs(1));
    assert.deepEqual(await sendDueMail(handle.db, insisting, later), { sent: [], failed: [id] });
    insisting.close();
    row = await findMail(handle.db, id);
    assert.equal(row?.status, 'queued');
    assert.equal(row?.attempts, 2);
    assert.equal(plain.received.length, 0);
    assert.equal(withAuth.received.length, 0);
  });

  test('a server refusing for now: the message waits, twice as long after each failure, and goes when it accepts', async () => {
    const smtp = await server();
    smtp.refusing = true;
    const sender = mailSenderFor(smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'off' }));
    const id = await enqueueMail(handle.db, SITE, request(), NOW);
    assert.deepEqual(await sendDueMail(handle.db, sender, NOW), { sent: [], failed: [id] });
    let row = await findMail(handle.db, id);
    assert.equal(row?.next_attempt_at, new Date(NOW.getTime() + 60_000).toISOString());
    assert.match(row?.last_error ?? '', /451/);
    // Not due yet: nothing is tried.
    assert.deepEqual(await sendDueMail(handle.db, sender, new Date(NOW.getTime() + 59_000)), { sent: [], failed: [] });
    const second = new Date(NOW.getTime() + 60_000);
    assert.deepEqual(await sendDueMail(handle.db, sender, second), { sent: [], failed: [id] });
    row = await findMail(handle.db, id);
    assert.equal(row?.next_attempt_at, new Date(second.getTime() + 120_000).toISOString());
    smtp.refusing = false;
    const third = new Date(second.getTime() + 120_000);
    assert.deepEqual(await sendDueMail(handle.db, sender, third), { sent: [id], failed: [] });
    sender.close();
    assert.equal(smtp.received.length, 1);
    row = await findMail(handle.db, id);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 3);
  });

  test('a server that is down: the message stays queued, and when it is back two workers send it exactly once', async () => {
    const port = await freePort();
    const env = smtpEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_STARTTLS: 'off' });
    // A second instance of the app: on PostgreSQL its own connection to the same schema.
    const other = handle.postgresUrl ? openDatabase({ databaseUrl: handle.postgresUrl, postgresSchema: handle.schema }) : undefined;
    try {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push(await enqueueMail(handle.db, SITE, request({ to: `person${i}@example.org` }), NOW));
      const down = mailSenderFor(env);
      assert.deepEqual((await sendDueMail(handle.db, down, NOW)).failed, ids);
      down.close();
      for (const id of ids) assert.equal((await findMail(handle.db, id))?.status, 'queued');

      const smtp = await server({ port });
      const back = new Date(NOW.getTime() + retryDelayMs(1));
      const one = mailSenderFor(env);
      const two = mailSenderFor(env);
      const [a, b] = await Promise.all([sendDueMail(handle.db, one, back), sendDueMail(other?.db ?? handle.db, two, back)]);
      one.close();
      two.close();
      assert.deepEqual([...a.sent, ...b.sent].sort((x, y) => x - y), ids);
      assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ids.map((_, i) => `person${i}@example.org`));
      for (const id of ids) assert.equal((await findMail(handle.db, id))?.status, 'sent');
    } finally {
      await other?.destroy();
    }
  });
});

describe('with no mail server set', () => {
  test('messages are written as .eml files to the outbox folder', async () => {
    const handle = await openTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'almanac-outbox-'));
    try {
      const sender = mailSenderFor(loadEnv({ NODE_ENV: 'test', MAIL_OUTBOX_DIR: join(dir, 'outbox'), PUBLIC_URL: 'https://events.example.org' }));
      assert.equal(sender.destination, join(dir, 'outbox'));
      const id = await enqueueMail(handle.db, SITE, request(), NOW);
      assert.deepEqual(await sendDueMail(handle.db, sender, NOW), { sent: [id], failed: [] });
      sender.close();
      const files = readdirSync(join(dir, 'outbox'));
      assert.deepEqual(files, [`${String(id).padStart(8, '0')}.eml`]);
      const mail = await parseMail(readFileSync(join(dir, 'outbox', files[0]!), 'utf8'));
      assert.equal(mail.headers.get('subject'), 'Đặt lại mật khẩu của bạn');
      assert.equal(mail.headers.get('from'), 'ILO Country Office for Viet Nam <no-reply@events.example.org>');
      assert.match(mail.text, /Đường dẫn có hiệu lực trong 1 giờ\./);
      assert.match(mail.html, /Đặt mật khẩu mới/);
    } finally {
      await handle.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
