/**
 * The rows of a correlated subquery as one JSON array column. A page reads
 * its item and the short lists that belong to it (its texts, tags,
 * attachments) in one statement this way, instead of one statement per list:
 * on an uncached page each statement costs more in preparing, stepping and
 * handing back rows than the few rows it reads, and on PostgreSQL each is a
 * round trip.
 *
 * The lists are put in order as they are read (readJsonList), not by the
 * aggregate: an `order by` inside it made SQLite build a temporary b-tree
 * for every list of every page read, an empty one too (4 of an event
 * page's 16 µs), where sorting a few rows here costs next to nothing. The
 * order is then the same on both databases: numbers compared as numbers,
 * text as JavaScript compares it, which for the ASCII slugs and names of
 * formats sorted here is SQLite's own order (PostgreSQL's followed the
 * database's collation).
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * `(select <a JSON array of {name: column}> <rest>)`: `fields` maps each
 * field of the objects to a column of the subquery (or an expression on its
 * columns); `rest` is its `from` and `where`. An empty list is `[]`. Only
 * text and integer columns come back unchanged (JSON has no other type both
 * databases write alike). The array's order is the database's: give the
 * order when reading it.
 */
export function jsonList<D>(db: Kysely<D>, fields: Readonly<Record<string, string | RawBuilder<unknown>>>, rest: RawBuilder<unknown>): RawBuilder<unknown> {
  const pairs = sql.join(Object.entries(fields).map(([name, value]) => sql`${sql.lit(name)}, ${typeof value === 'string' ? sql.ref(value) : value}`));
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql`(select coalesce(json_agg(json_build_object(${pairs})), '[]'::json) ${rest})`;
  return sql`(select json_group_array(json_object(${pairs})) ${rest})`;
}

/** The fields a list is sorted by, the first deciding first, each ascending. */
export type JsonListOrder<T> = readonly (keyof T & string)[];

/** Two field values in ascending order: numbers as numbers, text as JavaScript compares it, a missing value (null) first. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A jsonList column as read (SQLite hands back its text, PostgreSQL the
 * parsed array), in the order of `order`'s fields when given; the
 * database's order otherwise.
 */
export function readJsonList<T>(value: unknown, order?: JsonListOrder<T>): T[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];
  if (order === undefined || list.length < 2) return list;
  return list.sort((a, b) => {
    for (const field of order) {
      const c = compareValues(a[field], b[field]);
      if (c !== 0) return c;
    }
    return 0;
  });
}
