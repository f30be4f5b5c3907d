/**
 * Column helpers shared by migrations so that one migration file runs on both
 * SQLite and PostgreSQL. Migrations must not import application code; this
 * file belongs to the migrations themselves and only looks at the dialect.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-numbered integer primary key: AUTOINCREMENT on SQLite, identity on Postgres. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  if (isPostgres(db)) {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
  }
  return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Timestamps are ISO-8601 UTC strings ("2026-11-23T09:30:00.000Z") on both
 * databases: they sort as text, and no driver or server time zone can shift them.
 */
export function timestamp(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull();
}
