/**
 * Static assets (the stylesheets, the icon, the admin's scripts) are read once at start-up and
 * served under a content hash, so browsers may keep them for a year and a new
 * release still takes effect at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

interface Asset {
  url: string;
  body: Buffer;
  type: string;
}

// public/ sits beside src/ and dist/, so one relative path serves both.
const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

const loaded = new Map<string, Asset>();

function load(name: string, type: string): Asset {
  const known = loaded.get(name);
  if (known) return known;
  const body = readFileSync(`${publicDir}${name}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  const asset = { url: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, type };
  loaded.set(name, asset);
  return asset;
}

/** Scripts in public/ that pages may load (only the admin uses any). */
export type ScriptName = 'markdown-preview.js' | 'edit-form.js' | 'recurrence-form.js';

/** The fingerprinted URL of a script, for a page's <script src>. */
export function scriptUrl(name: ScriptName): string {
  return load(name, 'text/javascript; charset=utf-8').url;
}

/** The picture for link previews and structured data of pages without one of their own (public/share.png, 1200 x 630). */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The fingerprinted, site-relative URL of the default share image. */
export function shareImageUrl(): string {
  return load('share.png', 'image/png').url;
}

export interface Assets {
  stylesheet: string;
  /** The admin's own styles, loaded after the site's. */
  adminStylesheet: string;
  icon: string;
}

/** Registers the asset routes and returns their fingerprinted URLs. */
export function registerAssets(app: FastifyInstance): Assets {
  const css = load('site.css', 'text/css; charset=utf-8');
  const adminCss = load('admin.css', 'text/css; charset=utf-8');
  const icon = load('favicon.svg', 'image/svg+xml');
  const scripts = (['markdown-preview.js', 'edit-form.js', 'recurrence-form.js'] as const).map((name) => load(name, 'text/javascript; charset=utf-8'));
  const share = load('share.png', 'image/png');
  for (const asset of [css, adminCss, icon, share, ...scripts]) {
    app.get(asset.url, async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.type)
        .send(asset.body),
    );
  }
  // Browsers ask for /favicon.ico on their own; point them at the real icon.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(icon.url, 301));
  return { stylesheet: css.url, adminStylesheet: adminCss.url, icon: icon.url };
}
