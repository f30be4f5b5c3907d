import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../db/database.js';
import { verifyPassword } from './passwords.js';
import { entry } from '../../../test/helpers/cli.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('almanac user (command line)', () => {
  let dir: string;
  let dbPath: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-user-'));
    dbPath = join(dir, 'users.sqlite');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ ...process.env, SQLITE_PATH: dbPath, LOG_LEVEL: 'silent', SEED_ON_FIRST_START: 'false' });

  function almanac(...args: string[]) {
    const run = spawnSync(process.execPath, [...entry('cli'), ...args], { cwd: root, encoding: 'utf8', env: env() });
    return { code: run.status, out: run.stdout, err: run.stderr };
  }

  async function userRow(email: string) {
    const handle = openDatabase({ sqlitePath: dbPath });
    try {
      return await handle.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    } finally {
      await handle.destroy();
    }
  }

  test('create without a terminal generates a password, prints it once, and it works', async () => {
    const run = almanac('user', 'create', '--role', 'admin', '--email', 'Lan.Tran@Example.org', '--name', 'Trần Thị Lan');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Created admin lan\.tran@example\.org \(Trần Thị Lan\)\./);
    const password = /Password \(shown only this once\): (\S+)/.exec(run.out)?.[1];
    assert.ok(password && password.length >= 12, run.out);
    const row = await userRow('lan.tran@example.org');
    assert.equal(row?.role, 'admin');
    assert.match(row?.password_hash ?? '', /^\$argon2id\$/);
    assert.equal(await verifyPassword(row!.password_hash, password), true);
    assert.doesNotMatch(row?.password_hash ?? '', new RegExp(password));
  });

  test('create refuses a bad role, a missing email, a taken email, a malformed email', () => {
    const role = almanac('user', 'create', '--role', 'owner', '--email', 'x@example.org');
    assert.equal(role.code, 2);
    assert.match(role.err, /--role must be one of admin, editor, contributor/);
    const missing = almanac('user', 'create', '--role', 'editor');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--email is required/);
    const taken = almanac('user', 'create', '--role', 'editor', '--email', 'LAN.TRAN@example.org');
    assert.equal(taken.code, 1);
    assert.match(taken.err, /already exists/);
    const malformed = almanac('user', 'create', '--role', 'editor', '--email', 'not-an-email');
    assert.equal(malformed.code, 1);
    assert.match(malformed.err, /email: Enter an email address/);
    assert.doesNotMatch(malformed.out, /Password/, 'no password printed for an account not made');
  });

  test('a name pasted with control characters is stored without them', async () => {
    const run = almanac('user', 'create', '--role', 'editor', '--email', 'nam@example.org', '--name', ' Nguyễn\vVăn\u0007 Nam\u009b ');
    assert.equal(run.code, 0, run.err);
    assert.equal((await userRow('nam@example.org'))?.name, 'Nguyễn Văn Nam');
    const blank = almanac('user', 'create', '--role', 'editor', '--email', 'blank@example.org', '--name', '\u0007\u001b');
    assert.equal(blank.code, 1);
    assert.match(blank.err, /name/);
  });

  test('list shows every account with its role and state', () => {
    assert.equal(almanac('user', 'create', '--role', 'editor', '--email', 'minh@example.org').code, 0);
    const run = almanac('user', 'list');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^lan\.tran@example\.org\s+admin\s+active\s+Trần Thị Lan$/m);
    assert.match(run.out, /^minh@example\.org\s+editor\s+active\s+minh$/m, 'the name defaults to the start of the email');
  });

  test('set-password generates a new password and the old one stops working', async () => {
    const before = await userRow('minh@example.org');
    const run = almanac('user', 'set-password', '--email', 'Minh@example.org');
    assert.equal(run.code, 0, run.err);
    const password = /Password \(shown only this once\): (\S+)/.exec(run.out)?.[1] ?? '';
    const row = await userRow('minh@example.org');
    assert.notEqual(row?.password_hash, before?.password_hash);
    assert.equal(await verifyPassword(row!.password_hash, password), true);
    const unknown = almanac('user', 'set-password', '--email', 'nobody@example.org');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No account has the email nobody@example\.org/);
  });

  test('disable and enable; the last admin cannot be disabled', async () => {
    const off = almanac('user', 'disable', '--email', 'minh@example.org');
    assert.equal(off.code, 0, off.err);
    assert.ok((await userRow('minh@example.org'))?.disabled_at);
    assert.match(almanac('user', 'list').out, /^minh@example\.org\s+editor\s+disabled/m);
    assert.equal(almanac('user', 'enable', '--email', 'minh@example.org').code, 0);
    assert.equal((await userRow('minh@example.org'))?.disabled_at, null);

    const last = almanac('user', 'disable', '--email', 'lan.tran@example.org');
    assert.equal(last.code, 1);
    assert.match(last.err, /last active administrator/);
    assert.equal((await userRow('lan.tran@example.org'))?.disabled_at, null);
  });

  test('unknown subcommands and options are explained', () => {
    const unknown = almanac('user', 'delete', '--email', 'x@example.org');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "delete"/);
    const option = almanac('user', 'list', '--colour');
    assert.equal(option.code, 2);
    assert.match(option.err, /Usage:/);
  });

  test('on a terminal the password is asked twice and never shown', async () => {
    const secret = 'a long passphrase typed in';
    // script(1) gives the command a real terminal; input is typed only once each prompt is on screen.
    const child = spawn('script', ['-qec', `${process.execPath} ${entry('cli').join(' ')} user create --role contributor --email tty@example.org`, '/dev/null'], {
      cwd: root,
      env: env(),
    });
    let screen = '';
    const answers = ['too short', secret, secret];
    let prompts = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      const seen = (screen.match(/New password: |Type it again: /g) ?? []).length;
      while (prompts < seen && prompts < answers.length) {
        child.stdin.write(`${answers[prompts]}\r`);
        prompts += 1;
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, screen);
    assert.match(screen, /Use at least 12 characters\./);
    assert.match(screen, /Created contributor tty@example\.org/);
    assert.doesNotMatch(screen, /long passphrase/, 'the typed password is not echoed');
    assert.doesNotMatch(screen, /shown only this once/);
    const row = await userRow('tty@example.org');
    assert.equal(await verifyPassword(row!.password_hash, secret), true);
  });
});
