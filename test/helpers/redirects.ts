import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

/** A request for `from` answers `status` with `to` as its Location. */
export async function assertRedirects(app: FastifyInstance, cases: readonly (readonly [from: string, to: string])[], status = 301): Promise<void> {
  for (const [from, to] of cases) {
    const res = await app.inject({ url: from });
    assert.equal(res.statusCode, status, from);
    assert.equal(res.headers.location, to, from);
  }
}
