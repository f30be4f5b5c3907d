/**
 * The rows of a correlated subquery as one JSON array column. A page reads
 * its item and the short lists that belong to it (its texts, tags,
 * attachments) in one statement this way, instead of one statement per list:
 * on an uncached page each statement costs more in preparing, stepping and
 * handing back rows than the few rows it reads, and on PostgreSQL each is a
 * round trip. The order is the aggregate's own (`order by` inside it), which
 * both databases keep, with the same collation as a query's `order by`.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * `(select <a JSON array of {name: column}> <rest>)`: `fields` maps each
 * field of the objects to a column of the subquery (or an expression on its
 * columns); `rest` is its `from`
 * and `where`; `orderBy` the order of the array. An empty list is `[]`.
 * Only text and integer columns come back unchanged (JSON has no other type
 * both databases write alike).
 */
export function jsonList<D>(db: Kysely<D>, fields: Readonly<Record<string, string | RawBuilder<unknown>>>, rest: RawBuilder<unknown>, orderBy?: RawBuilder<unknown>): RawBuilder<unknown> {
  const pairs = sql.join(Object.entries(fields).map(([name, value]) => sql`${sql.lit(name)}, ${typeof value === 'string' ? sql.ref(value) : value}`));
  const order = orderBy === undefined ? sql`` : sql` order by ${orderBy}`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql`(select coalesce(json_agg(json_build_object(${pairs})${order}), '[]'::json) ${rest})`;
  return sql`(select json_group_array(json_object(${pairs})${order}) ${rest})`;
}

/** A jsonList column as read: SQLite hands back its text, PostgreSQL the parsed array. */
export function readJsonList<T>(value: unknown): T[] {
  if (typeof value === 'string') return JSON.parse(value) as T[];
  return (value ?? []) as T[];
}
