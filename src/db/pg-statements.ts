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
 * then took longer than running them (0.6 and 0.2 ms with either plan).
 * Other statements must keep the server's setting: an unnamed statement
 * obeys `plan_cache_mode` too, and search's plan depends on its values.
 *
 * So the connections are two pools, one per way of planning: those of the
 * kept pool are set to `force_generic_plan` before their first statement,
 * the others keep the server's setting. A connection is taken from one or
 * the other at the first statement it is asked to run, by whether that
 * statement is kept.
 * Kysely takes a connection for each statement outside a transaction, so
 * nearly every statement finds its setting already made. Switching one
 * connection back and forth instead cost a `set` of 0.2-0.3 ms for each
 * switch, and the home page, whose statements are of both kinds, switched
 * three or four times a request.
 *
 * A connection held for several statements (a transaction) runs every one
 * of them: one of the other kind is preceded by a `set` (or `reset`) that
 * switches it. A switch made in a transaction is undone should it roll
 * back, back to the setting at its `begin` (or savepoint); those, and
 * `rollback` and `commit`, are unnamed statements, so the connection is at
 * the server's setting at both ends and what is known of it stays true.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** SQLSTATE of "cached plan must not change result type" (feature_not_supported). */
const PLAN_CHANGED_RESULT_TYPE = '0A000';

/** How a connection plans statements with parameters: as the server's setting says, generic plans alone (kept statements), or not known. */
type Plans = 'server' | 'generic' | 'unknown';

/** The two ways of planning a pool's connections are set to. */
type PoolPlans = Exclude<Plans, 'unknown'>;

const SET_PLANS: Record<PoolPlans, string> = {
  server: 'reset plan_cache_mode',
  generic: 'set plan_cache_mode = force_generic_plan',
};

/** A client of the pool that sends the statements `nameOf` names as prepared ones. */
class NamingClient {
  readonly #client: pg.PoolClient;
  readonly #nameOf: (sql: string) => string | undefined;
  /** Statements this connection can no longer run by name (see above). */
  readonly #unnamed = new Set<string>();
  /** How the connection plans now: as the server is set when it opens, until switched. */
  #plans: Plans = 'server';

  constructor(client: pg.PoolClient, nameOf: (sql: string) => string | undefined) {
    this.#client = client;
    this.#nameOf = nameOf;
  }

  query(sqlOrCursor: string | object, parameters?: readonly unknown[]): unknown {
    if (typeof sqlOrCursor !== 'string') {
      const switched = this.#plan('server');
      const start = () => this.#client.query(sqlOrCursor as pg.Submittable) as unknown as CursorLike;
      if (switched === undefined) return start();
      return lazyCursor(switched.then(start, start));
    }
    const values = [...(parameters ?? [])];
    const name = this.#nameOf(sqlOrCursor);
    if (name === undefined || this.#unnamed.has(name)) return this.#unnamedQuery(sqlOrCursor, values);
    return this.#after(this.#plan('generic'), () => this.#client.query({ name, text: sqlOrCursor, values })).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== PLAN_CHANGED_RESULT_TYPE) throw error;
      this.#unnamed.add(name);
      return this.#unnamedQuery(sqlOrCursor, values);
    });
  }

  #unnamedQuery(text: string, values: unknown[]): Promise<pg.QueryResult> {
    return this.#after(this.#plan('server'), () => this.#client.query(text, values));
  }

  /**
   * `send()` once `switched` (if any) is answered, as pg asks that a
   * connection be sent one query at a time; sent whether or not the switch
   * succeeded. A switch fails in a transaction already failed, where every
   * statement but `rollback` fails the same way, and `rollback` must reach
   * the server: a connection given back in a failed transaction would fail
   * whatever it is asked next.
   */
  #after(switched: Promise<void> | undefined, send: () => Promise<pg.QueryResult>): Promise<pg.QueryResult> {
    return switched === undefined ? send() : switched.then(send, send);
  }

  /**
   * The `set` that makes the connection plan as `plans` says, sent unless
   * it already does (undefined then). A connection of the kept pool sends
   * it once, before its first statement. Should it fail, the setting is
   * taken as unknown and sent again before the next statement.
   */
  #plan(plans: PoolPlans): Promise<void> | undefined {
    if (this.#plans === plans) return undefined;
    this.#plans = plans;
    return this.#client.query(SET_PLANS[plans]).then(
      () => undefined,
      (error: unknown) => {
        this.#plans = 'unknown';
        throw error;
      },
    );
  }
}

/** A cursor used as soon as it is returned, whose statement is sent once `started` is: it reads and closes after. */
function lazyCursor(started: Promise<CursorLike>): CursorLike {
  return {
    read: async (rows: number) => (await started).read(rows),
    close: async () => (await started).close(),
  };
}

/**
 * A connection as Kysely's dialect takes it, taken from the pool of the
 * kind of the first statement it runs (see above), and given back when
 * released.
 */
class PlannedClient {
  readonly #pools: Pools;
  #taken: Promise<{ client: pg.PoolClient; naming: NamingClient }> | undefined;
  #released = false;

  constructor(pools: Pools) {
    this.#pools = pools;
  }

  query(sqlOrCursor: string | object, parameters?: readonly unknown[]): unknown {
    // Which pool is asked once, at the connection's first statement (the connection then names its statements itself).
    const taken = (this.#taken ??= this.#pools.take(typeof sqlOrCursor === 'string' && this.#pools.nameOf(sqlOrCursor) !== undefined ? 'generic' : 'server'));
    if (typeof sqlOrCursor === 'string') return taken.then(({ naming }) => naming.query(sqlOrCursor, parameters));
    // A cursor (a streamed query) is used as soon as it is returned: it reads once the connection is taken.
    return lazyCursor(taken.then(({ naming }) => naming.query(sqlOrCursor) as CursorLike));
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    void this.#taken?.then(
      ({ client }) => client.release(),
      () => undefined,
    );
  }
}

/** What Kysely asks of a cursor (pg-cursor's Cursor). */
interface CursorLike {
  read(rows: number): Promise<unknown[]>;
  close(): Promise<void>;
}

interface Pools {
  nameOf: (sql: string) => string | undefined;
  take(plans: PoolPlans): Promise<{ client: pg.PoolClient; naming: NamingClient }>;
}

/**
 * The two pools as one, as Kysely's PostgreSQL dialect takes a pool: the
 * statements `nameOf` names run as prepared statements of that name, on
 * connections of `kept` (each set to generic plans before its first); the
 * others on connections of `other`.
 */
export function planningPools(other: pg.Pool, kept: pg.Pool, nameOf: (sql: string) => string | undefined): PostgresPool {
  // One wrapper for each connection, for as long as it lives: it knows what the connection was told.
  const clients = new WeakMap<pg.PoolClient, NamingClient>();
  const pools: Pools = {
    nameOf,
    async take(plans) {
      const client = await (plans === 'generic' ? kept : other).connect();
      let naming = clients.get(client);
      if (!naming) clients.set(client, (naming = new NamingClient(client, nameOf)));
      return { client, naming };
    },
  };
  return {
    connect: () => Promise.resolve(new PlannedClient(pools) as unknown as PostgresPoolClient),
    end: async () => {
      await Promise.all([other.end(), kept.end()]);
    },
  };
}
