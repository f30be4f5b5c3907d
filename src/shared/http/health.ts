/**
 * Health endpoints for load balancers and service managers:
 *  - /healthz: the process is alive and its event loop turns (no database call).
 *  - /readyz: it can serve pages: the database answers, and it is not shutting
 *    down (503 then, so a load balancer stops sending visitors before it goes).
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/schema.js';
import { noStore } from './cache.js';

/** A database that takes longer than this to answer "select 1" is as good as down for visitors. */
const READY_QUERY_TIMEOUT_MS = 2_000;

export interface Lifecycle {
  /** Set when a stop signal arrives: /readyz answers 503 from then on. */
  shuttingDown: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function registerHealthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorate('lifecycle', { shuttingDown: false });
  app.addHook('preClose', async () => {
    app.lifecycle.shuttingDown = true;
  });
  // A keep-alive connection whose request was in flight at the stop signal would otherwise stay
  // open after its answer and hold the shutdown until the timeout: ask the client to let go.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (app.lifecycle.shuttingDown) reply.header('connection', 'close');
    done(null, payload);
  });

  // Probes come every few seconds: log only their failures, not each request.
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => noStore(reply).send({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    noStore(reply);
    if (app.lifecycle.shuttingDown) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await withTimeout(sql`select 1`.execute(db), READY_QUERY_TIMEOUT_MS);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: the database did not answer');
      return reply.code(503).send({ status: 'database_unavailable' });
    }
    return reply.send({ status: 'ok' });
  });
}
