import type { Kysely } from 'kysely';

/**
 * Who created an event or article and who saved it last. Plain integers with
 * no foreign key: the accounts table may be created after this migration, and
 * removing an account must not remove what it wrote. Null for imported items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['events', 'articles']) {
    await db.schema.alterTable(table).addColumn('created_by', 'integer').execute();
    await db.schema.alterTable(table).addColumn('updated_by', 'integer').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['events', 'articles']) {
    await db.schema.alterTable(table).dropColumn('updated_by').execute();
    await db.schema.alterTable(table).dropColumn('created_by').execute();
  }
}
