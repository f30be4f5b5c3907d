import type { Kysely } from 'kysely';

/**
 * Who made a revision when no account did: 'importer' (a listing page
 * imported) or 'generator' (made-up content for trials). Null for a change
 * by an account (`user_id`) and for a scheduled item going live (neither
 * set). Plain text without a check, so that a later kind of writer needs
 * no change to the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('actor', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('actor').execute();
}
