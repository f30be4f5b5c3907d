/**
 * The only module that reads process.env. Every variable is validated once at
 * start-up against one schema; all problems are reported together and the
 * process refuses to start rather than run with a half-understood setting.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh' },
);

/** Names the proxy-address matcher understands for whole ranges (127.0.0.0/8 and ::1; 169.254/16 and fe80::/10; private ranges). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address with a CIDR prefix, or one of the range names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may tell the client's address and scheme
 * (X-Forwarded-For, X-Forwarded-Proto): none (false), the nearest N hops
 * (a number), or the proxies at these addresses (a list). `true`, trusting
 * whoever sends the header, is refused: anyone could then choose the address
 * the sign-in limits and the audit log see.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === 'false' || value === 'none' || value === '0') return false;
    if (/^[0-9]+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 20) return hops;
    }
    const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
    if (value !== 'true' && entries.length > 0 && entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'expected the number of proxies in front (1 to 20), or their addresses or CIDR ranges separated by commas (e.g. 127.0.0.1 or 10.0.0.0/8), or loopback; leave unset when there is no proxy',
    });
    return z.NEVER;
  });

/** Each entry: the variable, what it means, and its default where a safe one exists. */
export const envSchema = z.object({
  /** Address to listen on. Loopback by default: put a reverse proxy in front for the public. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** TCP port for HTTP. */
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole number' })
    .min(1, { message: 'expected a port between 1 and 65535' })
    .max(65535, { message: 'expected a port between 1 and 65535' })
    .default(3000),
  /**
   * The reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed:
   * a hop count, or addresses/CIDR ranges separated by commas. Unset: none, the
   * client's address is the connection's.
   */
  TRUST_PROXY: trustProxy.default(false),
  /** postgres://… to use PostgreSQL; unset for the embedded SQLite database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// URL (leave unset for SQLite)' })
    .optional(),
  /** SQLite database file, used when DATABASE_URL is unset. */
  SQLITE_PATH: z.string().min(1).default('./data/almanac.sqlite'),
  /**
   * The public origin of the site, used for absolute links in feeds, calendars and the setup link.
   * Unset, it is where the server listens: http://HOST:PORT, with localhost for a loopback or
   * every-address HOST (see publicUrlFor).
   */
  PUBLIC_URL: z.url({ message: 'expected an absolute URL such as https://example.org' }).optional(),
  /** The office's name as shown in the header and page titles. */
  SITE_NAME: z.string().min(1).default('ILO Country Office for Viet Nam'),
  /** Where visitors' queries go: the events page and each event link to it. */
  OFFICE_EMAIL: z.email({ message: 'expected an email address' }).default('hanoi@ilo.org'),
  /** The office's time zone: decides what "today", "upcoming" and "past" mean. */
  OFFICE_TIME_ZONE: timeZone.default('Asia/Ho_Chi_Minh'),
  /** Import the sample content (../shared seeds vendored in content/seeds) into an empty database on start. */
  SEED_ON_FIRST_START: booleanFlag.default(true),
  /** Folder for uploaded images' variants and documents, served at /media/. */
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  /** Largest upload accepted, in bytes (10 MB by default: a full-resolution camera JPEG fits). */
  MEDIA_MAX_BYTES: z.coerce
    .number({ message: 'expected a number of bytes' })
    .int({ message: 'expected a whole number of bytes' })
    .min(1024, { message: 'expected at least 1024 bytes' })
    // Images are decoded in memory; beyond this one upload could exhaust a small server.
    .max(200 * 1024 * 1024, { message: 'expected at most 209715200 bytes (200 MB)' })
    .default(10 * 1024 * 1024),
  /**
   * Largest image accepted, in pixels (width × height as its header declares them). 40 megapixels
   * holds any camera photograph (a 36 MP full-frame sensor is 7360 × 4912) while a tiny file
   * declaring a larger canvas is refused before it is decoded.
   */
  MEDIA_MAX_PIXELS: z.coerce
    .number({ message: 'expected a number of pixels' })
    .int({ message: 'expected a whole number of pixels' })
    .min(1_000_000, { message: 'expected at least 1000000 pixels (1 megapixel)' })
    // Decoding needs about 3–4 bytes a pixel outside the JavaScript heap; beyond this one image outgrows a small server.
    .max(100_000_000, { message: 'expected at most 100000000 pixels (100 megapixels)' })
    .default(40_000_000),
  /** Keep rendered public pages in memory (on) or render every request (off, e.g. to compare). */
  PAGE_CACHE: z.enum(['on', 'off'], { message: 'expected on or off' }).default('on'),
  /** Memory the page cache may use, in bytes, counting every stored encoding; least recently used pages go first. */
  PAGE_CACHE_MAX_BYTES: z.coerce
    .number({ message: 'expected a number of bytes' })
    .int({ message: 'expected a whole number of bytes' })
    // Below 1 MB the largest pages (the calendar feed, the sitemap) would not fit at all.
    .min(1024 * 1024, { message: 'expected at least 1048576 bytes (1 MB)' })
    // 64 MB holds a few thousand pages in three encodings, on a server with 1 GB of memory.
    .default(64 * 1024 * 1024),
  /** How many of the most requested public pages are rendered again right after each change, before visitors ask for them (0: none). */
  PAGE_CACHE_REFRESH_PAGES: z.coerce
    .number({ message: 'expected a number of pages' })
    .int({ message: 'expected a whole number of pages' })
    .min(0, { message: 'expected 0 or more pages' })
    // Each is a render on the server's one thread after every save: a few dozen milliseconds for these.
    .max(100, { message: 'expected at most 100 pages' })
    .default(12),
  /** How long a stopping server waits for requests in flight before it exits anyway, in milliseconds. */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int({ message: 'expected a whole number of milliseconds' })
    .min(0, { message: 'expected 0 or more milliseconds' })
    // systemd sends SIGKILL 90 s after SIGTERM by default; 10 s is ample for a page and well inside that.
    .default(10_000),
  /**
   * The mail server, as one URL: smtp://user:password@host:587 (STARTTLS when offered) or
   * smtps://…:465 (TLS from the start). Unset, with SMTP_HOST unset too, messages are written as
   * .eml files to MAIL_OUTBOX_DIR instead of being sent.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, { message: 'expected an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587' })
    .refine((v) => URL.canParse(v), { message: 'expected an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587' })
    .optional(),
  /** The mail server's host name, when not given as SMTP_URL. */
  SMTP_HOST: z.string().min(1).optional(),
  /** The mail server's port: 587 by default (465 with SMTP_SECURE=true). */
  SMTP_PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole number' })
    .min(1, { message: 'expected a port between 1 and 65535' })
    .max(65535, { message: 'expected a port between 1 and 65535' })
    .optional(),
  /** The account Almanac signs in to the mail server with (with SMTP_PASSWORD); unset: no sign-in. */
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** true: TLS from the first byte (usually port 465); false: plain, upgraded with STARTTLS as SMTP_STARTTLS says. */
  SMTP_SECURE: booleanFlag.default(false),
  /**
   * STARTTLS on a connection that is not TLS from the start: required (refuse a server that
   * does not offer it), opportunistic (use it when offered, the default) or off (never).
   */
  SMTP_STARTTLS: z.enum(['required', 'opportunistic', 'off'], { message: 'expected required, opportunistic or off' }).default('opportunistic'),
  /** A PEM file of the certificate authority to trust for the mail server (a private server); unset: the system's. */
  SMTP_CA_FILE: z.string().min(1).optional(),
  /** The sender of every message, e.g. "Office web team <web@example.org>". Unset: the site's name at no-reply@ the PUBLIC_URL host. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Where messages are written as .eml files when no mail server is set. */
  MAIL_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** development shows nothing more to visitors; it only makes logs human-readable. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Env = Readonly<Omit<z.infer<typeof envSchema>, 'PUBLIC_URL' | 'MAIL_FROM'> & { PUBLIC_URL: string; MAIL_FROM: string }>;

/** Something@something.something, optionally inside a display name's angle brackets. */
const MAIL_FROM_PATTERN = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

/** The mail settings that only make sense together. */
function mailProblems(data: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (data.SMTP_URL && data.SMTP_HOST) problems.push('SMTP_URL: set either SMTP_URL or SMTP_HOST, not both');
  if (!data.SMTP_HOST) {
    for (const name of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD'] as const) {
      if (data[name] !== undefined) problems.push(`${name}: only used with SMTP_HOST, which is not set`);
    }
  } else if ((data.SMTP_USER === undefined) !== (data.SMTP_PASSWORD === undefined)) {
    problems.push('SMTP_PASSWORD: set SMTP_USER and SMTP_PASSWORD together, or neither');
  }
  if (data.SMTP_SECURE && data.SMTP_STARTTLS === 'required') {
    problems.push('SMTP_STARTTLS: STARTTLS does not apply with SMTP_SECURE=true (the connection is TLS from the start)');
  }
  if (data.MAIL_FROM !== undefined && !MAIL_FROM_PATTERN.test(data.MAIL_FROM.trim())) {
    problems.push(`MAIL_FROM: expected an email address, optionally with a name: Office web team <web@example.org> (got "${data.MAIL_FROM}")`);
  }
  return problems;
}

/** Hosts that mean "this machine" to a browser on it: loopback, and the every-address binds. */
const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

/**
 * The address a person on this machine (or the network, for a named or
 * numbered HOST) opens to reach the server: http://localhost:3000 by default,
 * the port left out when it is 80.
 */
export function publicUrlFor(host: string, port: number): string {
  const name = LOCAL_HOSTS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return new URL(`http://${name}:${port}`).origin;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a set of variables (process.env by default) and returns a frozen
 * config. Throws ConfigError listing every problem, each with the variable's
 * name and what was expected. Empty strings count as unset.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const given = input[name];
      return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
    });
    throw new ConfigError(problems);
  }
  const data = parsed.data;
  let publicUrl = data.PUBLIC_URL;
  if (publicUrl === undefined) {
    try {
      publicUrl = publicUrlFor(data.HOST, data.PORT);
    } catch {
      throw new ConfigError([`HOST: expected a host name or IP address (got "${data.HOST}")`]);
    }
  }
  const problems = mailProblems(data);
  if (problems.length > 0) throw new ConfigError(problems);
  // A name people recognise, at an address of the site's own host that nobody needs to read.
  const mailFrom = data.MAIL_FROM?.trim() ?? `"${data.SITE_NAME.replace(/["\\]/g, '')}" <no-reply@${new URL(publicUrl).hostname}>`;
  return Object.freeze({ ...data, PUBLIC_URL: publicUrl, MAIL_FROM: mailFrom });
}
