/**
 * A real SMTP server for tests (the smtp-server package) on a free loopback
 * port, keeping what it receives, and a reader for the messages: headers
 * (encoded words decoded) and the text and HTML parts.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
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
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
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
  /** Header values by lower-case name, unfolded, encoded words decoded. */
  headers: Map<string, string>;
  text: string;
  html: string;
}

function decodeBytes(hexEscaped: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < hexEscaped.length; i++) {
    const c = hexEscaped[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hexEscaped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(hexEscaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) as text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_w, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeBytes(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? '7bit').toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') return decodeBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
  return body;
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const separator = raw.slice(end).match(/^\r?\n\r?\n/)![0];
  return { headers: splitHeaders(raw.slice(0, end)), body: raw.slice(end + separator.length) };
}

/** A received message's headers and its text and HTML parts (one level of multipart/alternative, or a single part). */
export function readMail(raw: string): ReadMail {
  const { headers, body } = splitEntity(raw);
  const parts: Record<string, string> = {};
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitEntity(chunk.replace(/^\r?\n/, ''));
      const partType = (part.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim();
      parts[partType] = decodeBody(part.body.replace(/\r?\n$/, ''), part.headers.get('content-transfer-encoding'));
    }
  } else parts[type.split(';')[0]!.trim()] = decodeBody(body, headers.get('content-transfer-encoding'));
  return { headers, text: (parts['text/plain'] ?? '').replace(/\r\n/g, '\n'), html: (parts['text/html'] ?? '').replace(/\r\n/g, '\n') };
}

/** Waits until `check` holds (polling), for messages in flight. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
