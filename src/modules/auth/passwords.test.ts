import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkNewPassword,
  DUMMY_HASH,
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  usesCurrentSettings,
  verifyDummyPassword,
  verifyPassword,
} from './passwords.js';
import { translator } from '../i18n/index.js';

describe('passwords', () => {
  test('argon2id hashes that verify only the right password', async () => {
    const stored = await hashPassword('mật khẩu đủ dài');
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(stored, 'mật khẩu đủ dài'), true);
    assert.equal(await verifyPassword(stored, 'mat khau du dai'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false, 'a malformed hash is a no, not an error');
    assert.notEqual(await hashPassword('mật khẩu đủ dài'), stored, 'salted');
  });

  test('the dummy hash costs what a real one does, and never matches', async () => {
    assert.equal(usesCurrentSettings(DUMMY_HASH), true);
    assert.equal(usesCurrentSettings(await hashPassword('x')), true);
    assert.equal(await verifyDummyPassword('no account has this password'), false);
  });

  test('length rules count characters as people see them; the message states the same minimum', () => {
    assert.equal(checkNewPassword('a'.repeat(MIN_PASSWORD_LENGTH - 1)), 'too_short');
    assert.equal(checkNewPassword('a'.repeat(MIN_PASSWORD_LENGTH)), undefined);
    // Twelve Vietnamese letters, some written as base letter + combining marks.
    assert.equal(checkNewPassword('Nguyễn Hoàng'.normalize('NFD')), undefined);
    assert.equal(checkNewPassword('x'.repeat(201)), 'too_long');
    assert.match(translator('en')('admin.password.tooShort'), new RegExp(`at least ${MIN_PASSWORD_LENGTH} characters`));
    assert.match(translator('vi')('admin.password.tooShort'), new RegExp(`ít nhất ${MIN_PASSWORD_LENGTH} ký tự`));
  });

  test('generated passwords are long, unambiguous and different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const password = generatePassword();
      assert.match(password, /^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      assert.equal(checkNewPassword(password), undefined);
      seen.add(password);
    }
    assert.equal(seen.size, 50);
  });
});
