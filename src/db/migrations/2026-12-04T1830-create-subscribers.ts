import type { Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Visitors who follow the office by email: only the address, the language,
 * what they follow and how often, when they confirmed (null until then; an
 * unconfirmed address is removed after 7 days, counted from created_at), and
 * the SHA-256 of each link sent to them (the confirmation link, and the
 * link to change or stop the subscription in every message).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('subscribers'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('all_events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('all_articles', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('programmes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('digest_day', 'integer')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('confirmed_at', 'text')
    .execute();

  await db.schema
    .createTable('subscriber_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('subscriber_links_subscriber_idx').on('subscriber_links').column('subscriber_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subscriber_links').execute();
  await db.schema.dropTable('subscribers').execute();
}
