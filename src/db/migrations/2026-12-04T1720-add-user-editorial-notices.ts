import type { Kysely } from 'kysely';

/** Whether an account receives the editorial notices by email (submitted for review, changes requested, published): on unless switched off. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('editorial_notices', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('editorial_notices').execute();
}
