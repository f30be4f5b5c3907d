/**
 * The mail worker: started by the server beside the publication timer, it
 * sends queued messages. Each message is claimed with a conditional UPDATE,
 * so with several instances each is sent by one. A failure (server down,
 * refusing, timing out) leaves the message queued for a later attempt, each
 * wait twice the one before; a web request never waits for a mail server.
 */
import type { Kysely } from 'kysely';
import type { Database, OutgoingMailRow } from '../../db/schema.js';
import { startRepeatingPass } from '../../shared/repeating-pass.js';
import * as repo from './outbox.repository.js';
import type { MailSender, OutgoingMessage } from './transport.js';

/** How often to look for messages: a password-reset link should arrive while the person waits for it. */
export const MAIL_WORKER_INTERVAL_MS = 5_000;

/** The wait after a first failure; it doubles at each failure after. */
export const FIRST_RETRY_MS = 60_000;

/** The longest wait between attempts: a server back in the morning gets the night's messages within hours. */
export const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;

/** Attempts before a message is given up: about three days of waits, longer than a mail server is usually down. */
export const MAX_ATTEMPTS = 20;

/** How long a claim holds a message: far longer than a send may take (the transport's timeouts), so it is never sent twice. */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

/** Messages claimed per pass: one pass stays short, the next takes the rest. */
const BATCH = 50;

/** Longest error text kept with a message. */
const ERROR_MAX_LENGTH = 500;

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export interface MailWorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailPass {
  sent: number[];
  failed: number[];
}

export interface MailWorker {
  /** Sends what is due now (also what the timer does). */
  runOnce(): Promise<MailPass>;
  /** Stops the timer, waits for a pass in progress, and closes the transport. */
  stop(): Promise<void>;
}

function outgoing(row: OutgoingMailRow): OutgoingMessage {
  return {
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
    lang: row.lang,
  };
}

/** Sends every due message once: claimed, sent, marked; or put off after a failure. */
export async function sendDueMail(db: Kysely<Database>, sender: MailSender, now: Date, log?: MailWorkerLog): Promise<MailPass> {
  const pass: MailPass = { sent: [], failed: [] };
  const nowIso = now.toISOString();
  for (const due of await repo.listDue(db, nowIso, BATCH)) {
    const row = await repo.claim(db, due.id, due.next_attempt_at, new Date(now.getTime() + CLAIM_LEASE_MS).toISOString());
    if (!row) continue;
    try {
      await sender.send(outgoing(row));
      await repo.markSent(db, row.id, nowIso);
      pass.sent.push(row.id);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_LENGTH);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      const next = giveUp ? null : new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString();
      await repo.markFailed(db, row.id, message, next);
      pass.failed.push(row.id);
      if (giveUp) log?.error({ mailId: row.id, attempts: row.attempts, err: message }, 'gave up sending a message');
      else log?.warn({ mailId: row.id, attempts: row.attempts, nextAttemptAt: next, err: message }, 'sending a message failed; it stays queued');
    }
  }
  return pass;
}

/**
 * Starts the worker: a pass at once (messages queued while no instance ran),
 * then one every `intervalMs`. The timer does not keep the process alive.
 */
export function startMailWorker(
  deps: { db: Kysely<Database>; now: () => Date },
  sender: MailSender,
  options: { intervalMs?: number; log?: MailWorkerLog } = {},
): MailWorker {
  const runOnce = async (): Promise<MailPass> => {
    const pass = await sendDueMail(deps.db, sender, deps.now(), options.log);
    if (pass.sent.length > 0) options.log?.info({ sent: pass.sent.length, to: sender.destination }, 'messages sent');
    return pass;
  };

  const pass = startRepeatingPass(runOnce, {
    intervalMs: options.intervalMs ?? MAIL_WORKER_INTERVAL_MS,
    onError: (error) => options.log?.error({ err: error }, 'the mail worker\'s pass failed'),
  });
  return {
    runOnce,
    async stop() {
      await pass.stop();
      sender.close();
    },
  };
}
