/**
 * A bare node:http server in a process of its own, for `npm run bench`:
 * answers each path of the pages file (`node bench/bare-server.mjs <file>`)
 * with its bytes under its headers, and 404 for any other. Plain JavaScript,
 * run by node itself with no loader and no other module, so that the
 * process is as small as a Node server can be.
 *
 * The file is JSON: `{ "/en/events": { "headers": [["content-type", "..."], ...], "body": "<base64>" }, ... }`.
 * Once listening on a free port of 127.0.0.1, it writes the port on a line of standard output.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/bare-server.mjs <pages.json>\n');
  process.exit(2);
}
const pages = new Map();
for (const [path, page] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) {
  // A list, as node:http takes it: a header sent twice is sent twice again.
  pages.set(path, { headers: page.headers.flat(), body: Buffer.from(page.body, 'base64') });
}

const server = createServer((req, res) => {
  const page = pages.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(page.body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
