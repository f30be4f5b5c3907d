/**
 * Where messages go: a mail server over SMTP when one is configured, else
 * `.eml` files in the outbox folder (nothing to set up for a first start, and
 * every message can still be read). Both are nodemailer transports; the rest
 * of the module sees only `MailSender`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { Env } from '../../config/env.js';

/** A message as the worker hands it to a transport. */
export interface OutgoingMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  lang: string;
}

export interface MailSender {
  /** Where messages go, for the log: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  /** Sends one message; throws when the server refuses it or cannot be reached. */
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export type MailSettings = Pick<
  Env,
  'SMTP_URL' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_SECURE' | 'SMTP_STARTTLS' | 'SMTP_CA_FILE' | 'MAIL_FROM' | 'MAIL_OUTBOX_DIR'
>;

/**
 * A slow or silent server must not hold a message (and the worker) for long:
 * these bound connecting, greeting and each command; the message is tried
 * again later.
 */
const CONNECTION_TIMEOUT_MS = 20_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** Whether a mail server is configured (else messages are written to the outbox folder). */
export function usesSmtp(settings: MailSettings): boolean {
  return Boolean(settings.SMTP_URL || settings.SMTP_HOST);
}

function smtpOptions(settings: MailSettings) {
  const tls = settings.SMTP_CA_FILE ? { ca: readFileSync(settings.SMTP_CA_FILE, 'utf8') } : undefined;
  const startTls = {
    requireTLS: settings.SMTP_STARTTLS === 'required',
    ignoreTLS: settings.SMTP_STARTTLS === 'off',
  };
  const timeouts = { connectionTimeout: CONNECTION_TIMEOUT_MS, greetingTimeout: CONNECTION_TIMEOUT_MS, socketTimeout: SOCKET_TIMEOUT_MS };
  if (settings.SMTP_URL) return { url: settings.SMTP_URL, ...startTls, ...timeouts, ...(tls ? { tls } : {}) };
  return {
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT ?? (settings.SMTP_SECURE ? 465 : 587),
    secure: settings.SMTP_SECURE,
    ...(settings.SMTP_USER ? { auth: { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD ?? '' } } : {}),
    ...startTls,
    ...timeouts,
    ...(tls ? { tls } : {}),
  };
}

/** The server as the log may show it: never the password. */
function smtpDestination(settings: MailSettings): string {
  if (settings.SMTP_URL) {
    const url = new URL(settings.SMTP_URL);
    return `${url.protocol}//${url.host}`;
  }
  return `${settings.SMTP_SECURE ? 'smtps' : 'smtp'}://${settings.SMTP_HOST}:${settings.SMTP_PORT ?? (settings.SMTP_SECURE ? 465 : 587)}`;
}

function mailFields(settings: MailSettings, message: OutgoingMessage) {
  return {
    from: settings.MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { 'Content-Language': message.lang, ...message.headers },
  };
}

/** The transport the settings name: SMTP, or `.eml` files in MAIL_OUTBOX_DIR. */
export function mailSenderFor(settings: MailSettings): MailSender {
  if (usesSmtp(settings)) {
    const transport = nodemailer.createTransport(smtpOptions(settings));
    return {
      destination: smtpDestination(settings),
      async send(message) {
        await transport.sendMail(mailFields(settings, message));
      },
      close: () => transport.close(),
    };
  }
  const folder = resolve(settings.MAIL_OUTBOX_DIR);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    destination: folder,
    async send(message) {
      const info = await transport.sendMail(mailFields(settings, message));
      mkdirSync(folder, { recursive: true });
      // The queue's id first: files sort in the order messages were queued, and a name is never reused.
      writeFileSync(join(folder, `${String(message.id).padStart(8, '0')}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
