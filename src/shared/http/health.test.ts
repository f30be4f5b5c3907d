import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForBlock } from '../../../test/helpers/build-test-app.js';

describe('health endpoints', () => {
  const t = appForBlock();

  test('/healthz and /readyz answer 200 while all is well, never cached', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(res.json(), { status: 'ok' });
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });

  test('/readyz answers 503 while shutting down; /healthz still 200', async () => {
    t.app.lifecycle.shuttingDown = true;
    try {
      const ready = await t.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json(), { status: 'shutting_down' });
      assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
    } finally {
      t.app.lifecycle.shuttingDown = false;
    }
  });

  test('/readyz answers 503 when the database does not answer', async () => {
    await t.destroyDatabase();
    const ready = await t.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json(), { status: 'database_unavailable' });
    assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
  });
});
