/**
 * Queueing a message. Nothing is sent here: the row is written (inside the
 * caller's transaction when it passes one, so a message about a change is
 * queued only if the change is kept) and the mail worker sends it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LangCode } from '../../db/schema.js';
import { composeMail, type MailContent, type MailSite } from './compose.js';
import * as repo from './outbox.repository.js';

export interface MailRequest {
  /** One recipient's address. */
  to: string;
  /** The recipient's language: the content is expected in it. */
  lang: LangCode;
  content: MailContent;
  /**
   * A list message's unsubscribe link (RFC 2369 `List-Unsubscribe`); with
   * `oneClick`, also `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
   * (RFC 8058): the mail program then POSTs to the URL to unsubscribe.
   */
  listUnsubscribe?: { url: string; oneClick?: boolean } | undefined;
  /** Any other headers. */
  headers?: Record<string, string> | undefined;
}

/** The headers a request asks for, beyond those every message has. */
export function requestHeaders(request: MailRequest): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.listUnsubscribe) {
    headers['List-Unsubscribe'] = `<${request.listUnsubscribe.url}>`;
    if (request.listUnsubscribe.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
}

/** Queues a message for one recipient; returns its id in the queue. */
export async function enqueueMail(db: Kysely<Database> | Transaction<Database>, site: MailSite, request: MailRequest, now: Date): Promise<number> {
  const composed = composeMail(site, request.lang, request.content);
  const headers = requestHeaders(request);
  const at = now.toISOString();
  return repo.insertMail(db, {
    recipient: request.to,
    lang: request.lang,
    subject: composed.subject,
    text_body: composed.text,
    html_body: composed.html,
    headers: Object.keys(headers).length > 0 ? JSON.stringify(headers) : null,
    next_attempt_at: at,
    created_at: at,
  });
}
