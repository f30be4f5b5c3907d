import type { Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Email waiting to be sent, and sent. A web request only adds a row; the mail
 * worker claims a due row with a conditional UPDATE (moving its next attempt
 * past a lease, so that of several instances exactly one sends it), sends it,
 * and marks it sent, or puts the next attempt further off after a failure.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('outgoing_mail'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    // Extra headers as a JSON object (List-Unsubscribe…), or null.
    .addColumn('headers', 'text')
    // queued | sending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outgoing_mail_due_idx').on('outgoing_mail').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outgoing_mail').execute();
}
