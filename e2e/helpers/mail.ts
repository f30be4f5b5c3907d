/** Reading the links out of a message the app sent, as a person would click them. */
import assert from 'node:assert/strict';
import type { ReadMail } from '../../test/helpers/smtp.js';

/**
 * The first address in a message's plain text that starts with `prefix`
 * (the app's own address and a path); the HTML part must offer the same.
 */
export function linkIn(mail: ReadMail, prefix: string): string {
  const found = mail.text.match(new RegExp(`${prefix.replace(/[.?*+()[\]\\]/g, '\\$&')}[^\\s<>"]*`));
  assert.ok(found, `no link starting ${prefix} in:\n${mail.text}`);
  assert.ok(mail.html.includes(found[0].replace(/&/g, '&amp;')), `the HTML part lacks ${found[0]}`);
  return found[0];
}

/** The address in a List-Unsubscribe header (`<https://…>`). */
export function listUnsubscribe(mail: ReadMail): string {
  const header = mail.headers.get('list-unsubscribe') ?? '';
  const url = /^<([^>]+)>$/.exec(header)?.[1];
  assert.ok(url, `List-Unsubscribe: ${header}`);
  return url;
}
