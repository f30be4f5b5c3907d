/**
 * Static assets (the stylesheet, the icon) are read once at start-up and
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

function load(name: string, type: string): Asset {
  const body = readFileSync(`${publicDir}${name}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { url: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, type };
}

export interface Assets {
  stylesheet: string;
  icon: string;
}

/** Registers the asset routes and returns their fingerprinted URLs. */
export function registerAssets(app: FastifyInstance): Assets {
  const css = load('site.css', 'text/css; charset=utf-8');
  const icon = load('favicon.svg', 'image/svg+xml');
  for (const asset of [css, icon]) {
    app.get(asset.url, async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.type)
        .send(asset.body),
    );
  }
  // Browsers ask for /favicon.ico on their own; point them at the real icon.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(icon.url, 301));
  return { stylesheet: css.url, icon: icon.url };
}
