#!/usr/bin/env node
// Makes public/share.png, the picture link previews and search results show
// for pages without an image of their own, from public/share.svg (the site's
// mark on its colours, no text, so it suits any SITE_NAME and language).
// Run again after changing the SVG: node scripts/share-image.mjs
import { fileURLToPath, URL } from 'node:url';
import sharp from 'sharp';

const svg = fileURLToPath(new URL('../public/share.svg', import.meta.url));
const png = fileURLToPath(new URL('../public/share.png', import.meta.url));
// 1200 x 630: the size Open Graph and schema.org consumers ask for (at least 1200 wide, 1.91:1).
const info = await sharp(svg).png({ compressionLevel: 9, palette: true }).toFile(png);
console.log(`public/share.png: ${info.width} x ${info.height}, ${info.size} bytes`);
