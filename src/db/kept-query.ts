/**
 * Queries built and compiled once, then run many times with new values.
 * Kysely builds a tree of objects for every query and compiles it to SQL
 * each time it runs; for the few queries every visitor's page runs, a CPU
 * profile of uncached pages put that at a sixth of the server's time. A kept
 * query is built once per database dialect with stand-ins for its values;
 * each run swaps the stand-ins in its compiled parameters for the values
 * given and sends the same SQL, which SQLite's statement cache then finds
 * prepared, and PostgreSQL runs as a statement prepared under its name
 * (keptStatementName, pg-statements.ts).
 *
 * The builder may use the values only as values (bound parameters): a
 * stand-in used in a condition of the builder's own code, or written into
 * the SQL text, is an error found at the first build. Anything that changes
 * the query's shape (a language compared in code, which filters are given,
 * how many ids) goes into the shape key instead.
 */
import { createHash } from 'node:crypto';
import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/** Marks a stand-in: no text a visitor types or the database holds contains it. */
const MARK = '\u0000';

/** The stand-in for a value named `name` (or item `index` of a list). */
function standIn(name: string, index?: number): string {
  return `${MARK}${name}${index === undefined ? '' : `#${index}`}${MARK}`;
}

/** Values a kept query takes: scalars, or lists whose length is part of the shape. */
type Values = Record<string, string | number | null | readonly (string | number)[]>;

/** What the builder receives in place of the values: stand-ins typed as the values they stand for. */
export type StandIns<V extends Values> = { readonly [K in keyof V]: V[K] };

/**
 * The SQL of every kept query's shape now kept, each with the name it is
 * prepared under on PostgreSQL (pg-statements.ts) and how many shapes keep
 * it: for the few statements every page runs, planning took longer than
 * running them (the events listing's counts 9.6 ms planned each time, 1.2
 * ms prepared).
 */
const keptStatements = new Map<string, { name: string; shapes: number }>();

/** The name the statement `sql` is prepared under when a kept query sends it; undefined for any other statement. */
export function keptStatementName(sql: string): string | undefined {
  return keptStatements.get(sql)?.name;
}

function keepStatement(sql: string): void {
  const found = keptStatements.get(sql);
  if (found) found.shapes += 1;
  else keptStatements.set(sql, { name: `kept_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`, shapes: 1 });
}

function dropStatement(sql: string): void {
  const found = keptStatements.get(sql);
  if (found && --found.shapes === 0) keptStatements.delete(sql);
}

interface Kept {
  query: CompiledQuery;
  /** For each parameter: the value's name and list index, or undefined for a constant of the query. */
  slots: ({ name: string; index: number | undefined } | undefined)[];
}

/**
 * Shapes kept per query and dialect, the least recently used dropped first:
 * a few for most queries, one per length for lists of ids (a listing's 20,
 * a short last page), so that unusual lengths cannot grow it without bound.
 */
export const KEPT_SHAPES = 64;

const SLOT = new RegExp(`^${MARK}([^#${MARK}]+)(?:#(\\d+))?${MARK}$`);

/** A database or a transaction (their executors share the dialect's compiler). */
type AnyDb = Kysely<Database>;

/**
 * A query kept compiled, per dialect and shape. `build(db, standIns, shape)`
 * builds it; `run(db, shape, values)` runs it with `values`, building it the
 * first time that shape is asked for on that dialect.
 */
export function keptQuery<V extends Values, S extends string, R>(build: (db: Kysely<Database>, values: StandIns<V>, shape: S) => Compilable<R>) {
  const kept = new Map<unknown, Map<S, Kept>>();

  function compile(db: AnyDb, shape: S, values: V): Kept {
    const standIns: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      standIns[name] = Array.isArray(value) ? value.map((_, i) => standIn(name, i)) : standIn(name);
    }
    const query = build(db, standIns as StandIns<V>, shape).compile();
    if (query.sql.includes(MARK)) throw new Error('a kept query wrote one of its values into its SQL text');
    const slots = query.parameters.map((parameter) => {
      if (typeof parameter !== 'string' || !parameter.includes(MARK)) return undefined;
      const match = SLOT.exec(parameter);
      if (!match) throw new Error('a kept query changed one of its values before binding it');
      return { name: match[1]!, index: match[2] === undefined ? undefined : Number(match[2]) };
    });
    for (const [name, value] of Object.entries(values)) {
      const used = Array.isArray(value) ? value.length === 0 || slots.some((s) => s?.name === name) : slots.some((s) => s?.name === name);
      if (!used) throw new Error(`a kept query does not bind its value "${name}" (is it part of the shape?)`);
    }
    return { query, slots };
  }

  return function run(db: AnyDb, shape: S, values: V): Promise<QueryResult<R>> {
    const dialect = db.getExecutor().adapter.constructor;
    let shapes = kept.get(dialect);
    if (!shapes) kept.set(dialect, (shapes = new Map()));
    let found = shapes.get(shape);
    if (found) {
      // Map keeps insertion order: moving it to the end marks it most recently used.
      shapes.delete(shape);
      shapes.set(shape, found);
    } else {
      shapes.set(shape, (found = compile(db, shape, values)));
      keepStatement(found.query.sql);
      if (shapes.size > KEPT_SHAPES) {
        const oldest = shapes.keys().next().value!;
        dropStatement(shapes.get(oldest)!.query.sql);
        shapes.delete(oldest);
      }
    }
    const { query, slots } = found;
    const parameters = query.parameters.map((constant, i) => {
      const slot = slots[i];
      if (!slot) return constant;
      const value = values[slot.name];
      return slot.index === undefined ? value : (value as readonly unknown[])[slot.index];
    });
    return db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
  };
}
