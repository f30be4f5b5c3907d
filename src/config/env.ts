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
  /** How long a stopping server waits for requests in flight before it exits anyway, in milliseconds. */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int({ message: 'expected a whole number of milliseconds' })
    .min(0, { message: 'expected 0 or more milliseconds' })
    // systemd sends SIGKILL 90 s after SIGTERM by default; 10 s is ample for a page and well inside that.
    .default(10_000),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** development shows nothing more to visitors; it only makes logs human-readable. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Env = Readonly<Omit<z.infer<typeof envSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string }>;

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
  return Object.freeze({ ...data, PUBLIC_URL: publicUrl });
}
