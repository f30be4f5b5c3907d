import { sql, type Kysely } from 'kysely';

/**
 * The recurring events alone, few among many: listings read their sessions
 * (event_sessions) from them, so that a page costs the recurring events
 * rather than a look at every published one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_recurring_idx')
    .on('events')
    .columns(['status', 'id'])
    .where(sql.ref('recurrence_rule'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_recurring_idx').execute();
}
