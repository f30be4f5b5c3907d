/**
 * PostgreSQL runs the kept queries (kept-query.ts) as prepared statements,
 * each under its name on each connection of the pool; every other statement
 * is sent unnamed, parsed and planned each time, as pg sends it.
 *
 * A kept query is one of the few statements every visitor's page runs, and
 * the same text every time: planned for each run, the events listing's
 * counts took 9.6 ms of which 8.4 were planning; prepared, 1.2 ms. Search
 * stays unnamed: its plan depends on how common each word is, which a plan
 * kept for every value would not see.
 *
 * A prepared statement outlives a change of the tables it reads. When a
 * change alters the columns a statement returns (another instance's
 * migration adding one to a table read with `select *`), PostgreSQL refuses
 * to run it ("cached plan must not change result type"); that statement is
 * then sent unnamed on that connection from then on. Inside a transaction
 * the refusal ends the transaction, which fails once.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** SQLSTATE of "cached plan must not change result type" (feature_not_supported). */
const PLAN_CHANGED_RESULT_TYPE = '0A000';

/** A client of the pool that sends the statements `nameOf` names as prepared ones. */
class NamingClient {
  readonly #client: pg.PoolClient;
  readonly #nameOf: (sql: string) => string | undefined;
  /** Statements this connection can no longer run by name (see above). */
  readonly #unnamed = new Set<string>();

  constructor(client: pg.PoolClient, nameOf: (sql: string) => string | undefined) {
    this.#client = client;
    this.#nameOf = nameOf;
  }

  query(sqlOrCursor: string | object, parameters?: readonly unknown[]): unknown {
    if (typeof sqlOrCursor !== 'string') return this.#client.query(sqlOrCursor as pg.Submittable);
    const values = [...(parameters ?? [])];
    const name = this.#nameOf(sqlOrCursor);
    if (name === undefined || this.#unnamed.has(name)) return this.#client.query(sqlOrCursor, values);
    return this.#client.query({ name, text: sqlOrCursor, values }).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== PLAN_CHANGED_RESULT_TYPE) throw error;
      this.#unnamed.add(name);
      return this.#client.query(sqlOrCursor, values);
    });
  }

  release(): void {
    this.#client.release();
  }
}

/**
 * The pool as Kysely's PostgreSQL dialect takes it, its connections sending
 * the statements `nameOf` names as prepared statements of that name.
 */
export function namingPool(pool: pg.Pool, nameOf: (sql: string) => string | undefined): PostgresPool {
  // One wrapper for each connection, for as long as it lives: the dialect keeps its own state per client.
  const clients = new WeakMap<pg.PoolClient, NamingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let naming = clients.get(client);
      if (!naming) clients.set(client, (naming = new NamingClient(client, nameOf)));
      return naming as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
