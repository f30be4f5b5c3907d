/**
 * A real SMTP server for tests (the smtp-server package) on a free loopback
 * port, keeping what it receives, each message read with mailparser: its
 * headers and its text and HTML parts.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const fixtures = fileURLToPath(new URL('../fixtures/smtp/', import.meta.url));

/** The self-signed certificate the test server offers with STARTTLS; trust it with SMTP_CA_FILE. */
export const TEST_CA_FILE = `${fixtures}localhost.crt`;

export interface ReceivedMail {
  raw: string;
  from: string;
  to: string[];
  /** The connection was upgraded with STARTTLS (or was TLS). */
  secure: boolean;
  /** The account the client signed in as, if it did. */
  user: string | undefined;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** While true, every recipient is refused with a temporary error (451). */
  refusing: boolean;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Offer STARTTLS with the fixture certificate. */
  starttls?: boolean;
  /** Require signing in with this account. */
  auth?: { user: string; pass: string };
  /** Listen on this port (one a sender already points at). */
  port?: number;
}

/** A port nothing listens on (found by listening and closing again). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const state = { refusing: false };
  const disabled = [...(options.starttls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])];
  const server = new SMTPServer({
    secure: false,
    ...(options.starttls ? { key: readFileSync(`${fixtures}localhost.key`), cert: readFileSync(`${fixtures}localhost.crt`) } : {}),
    disabledCommands: disabled,
    authOptional: !options.auth,
    // The plain test (no STARTTLS) signs in too; a real server would refuse that.
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (state.refusing) return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        const raw = Buffer.concat(chunks).toString('utf8');
        // Read before it is listed (and before the client is answered), so a test finding it can read it at once.
        parseMail(raw).then(
          (mail) => {
            readOnArrival.set(raw, mail);
            received.push({
              raw,
              from: mailFrom ? mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              secure: session.secure,
              user: typeof session.user === 'string' ? session.user : undefined,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  return {
    port,
    received,
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReadMail {
  /** Header values by lower-case name, unfolded; those mailparser reads as text (the subject) decoded. */
  headers: Map<string, string>;
  text: string;
  html: string;
}

/** A message's headers and its text and HTML parts, as mailparser reads them. */
export async function parseMail(raw: string): Promise<ReadMail> {
  const parsed = await simpleParser(raw);
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const value = parsed.headers.get(key);
    headers.set(key, typeof value === 'string' ? value : line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return { headers, text: (parsed.text ?? '').replace(/\r\n/g, '\n'), html: typeof parsed.html === 'string' ? parsed.html.replace(/\r\n/g, '\n') : '' };
}

/** Every message the test servers received, read once as it arrived. */
const readOnArrival = new Map<string, ReadMail>();

/**
 * A message a test server received, read (mailparser reads asynchronously, so
 * the server does it as the message arrives). For a message from elsewhere
 * (an outbox file), use parseMail.
 */
export function readMail(raw: string): ReadMail {
  const mail = readOnArrival.get(raw);
  if (!mail) throw new Error('readMail reads what a test SMTP server received; parse other messages with parseMail');
  return mail;
}

/** Waits until `check` holds (polling), for messages in flight. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
