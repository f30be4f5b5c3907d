import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../test/helpers/build-test-app.js';

describe("the app's HTTP server", () => {
  for (const cache of ['on', 'off'] as const) {
    test(`keeps the framework's connection settings (page cache ${cache}): keep-alive outlasting a proxy's 60 s, its request and socket timeouts`, async () => {
      const t = await buildTestApp({ env: { PAGE_CACHE: cache } });
      try {
        const settings = t.app.initialConfig;
        assert.equal(settings.keepAliveTimeout, 72_000, "the framework's default");
        assert.equal(t.app.server.keepAliveTimeout, settings.keepAliveTimeout);
        assert.ok(t.app.server.keepAliveTimeout > 60_000, "longer than a proxy's idle connections");
        // The framework's default: no limit of its own (node's is 300 s); the proxy in front bounds a request.
        assert.equal(t.app.server.requestTimeout, 0);
        assert.equal(t.app.server.timeout, settings.connectionTimeout);
      } finally {
        await t.close();
      }
    });
  }
});
