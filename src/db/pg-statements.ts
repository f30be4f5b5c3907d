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
 *
 * A kept statement runs its generic plan, made once for every value. Left
 * to choose, PostgreSQL plans a prepared statement anew with each run's
 * values for its first five runs, and then keeps doing so whenever its
 * estimates put the generic plan above those: at 100,000 items they did for
 * the events listing's counts and lines, whose planning (1.4 and 0.8 ms)
 * then took longer than running them (0.6 and 0.2 ms with either plan). So
 * a connection is switched to `plan_cache_mode = force_generic_plan` before
 * a kept statement, and back to the server's setting before any other (an
 * unnamed statement obeys the setting too, and search's plan depends on its
 * values). Each switch is a `set` sent ahead of the statement; a page's
 * statements are mostly of one kind, so switches are few. A `set` made in a
 * transaction is undone should it roll back, back to the setting at its
 * `begin` (or savepoint); those, and `rollback` and `commit`, are unnamed
 * statements, so the connection is at the server's setting at both ends and
 * what is known of it stays true.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** SQLSTATE of "cached plan must not change result type" (feature_not_supported). */
const PLAN_CHANGED_RESULT_TYPE = '0A000';

/** How a connection plans statements with parameters: as the server's setting says, generic plans alone (kept statements), or not known. */
type Plans = 'server' | 'generic' | 'unknown';

const SET_PLANS: Record<Exclude<Plans, 'unknown'>, string> = {
  server: 'reset plan_cache_mode',
  generic: 'set plan_cache_mode = force_generic_plan',
};

/** A client of the pool that sends the statements `nameOf` names as prepared ones. */
class NamingClient {
  readonly #client: pg.PoolClient;
  readonly #nameOf: (sql: string) => string | undefined;
  /** Statements this connection can no longer run by name (see above). */
  readonly #unnamed = new Set<string>();
  /** A new connection plans as the server's setting says. */
  #plans: Plans = 'server';

  constructor(client: pg.PoolClient, nameOf: (sql: string) => string | undefined) {
    this.#client = client;
    this.#nameOf = nameOf;
  }

  query(sqlOrCursor: string | object, parameters?: readonly unknown[]): unknown {
    if (typeof sqlOrCursor !== 'string') {
      this.#plan('server');
      return this.#client.query(sqlOrCursor as pg.Submittable);
    }
    const values = [...(parameters ?? [])];
    const name = this.#nameOf(sqlOrCursor);
    if (name === undefined || this.#unnamed.has(name)) return this.#unnamedQuery(sqlOrCursor, values);
    this.#plan('generic');
    return this.#client.query({ name, text: sqlOrCursor, values }).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== PLAN_CHANGED_RESULT_TYPE) throw error;
      this.#unnamed.add(name);
      return this.#unnamedQuery(sqlOrCursor, values);
    });
  }

  #unnamedQuery(text: string, values: unknown[]): Promise<pg.QueryResult> {
    this.#plan('server');
    return this.#client.query(text, values);
  }

  /**
   * Sends the `set` that makes the connection plan as `plans` says, unless
   * it already does. pg sends a connection's queries in the order asked,
   * each once the one before has been answered, so the `set` holds for the
   * statement asked next. Should it fail (in a transaction already failed,
   * whose statements fail too), the setting is taken as unknown and sent
   * again before the next statement.
   */
  #plan(plans: Exclude<Plans, 'unknown'>): void {
    if (this.#plans === plans) return;
    this.#plans = plans;
    this.#client.query(SET_PLANS[plans]).catch(() => {
      this.#plans = 'unknown';
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
