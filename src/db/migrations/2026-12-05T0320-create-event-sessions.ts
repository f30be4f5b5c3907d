import { sql, type Kysely } from 'kysely';

/**
 * The sessions of recurring events, one row each, so that listings, the home
 * page and the API can pick a page of sessions from an index as they pick
 * events. Derived: rebuilt from the event's rule, skipped dates and changed
 * sessions whenever one of them changes, and carried forward as the days
 * pass (an open-ended rule is listed up to a horizon ahead of today). A
 * single event has no rows here: it is its own only session.
 *
 * The rows are worked out by the rule's expansion, which is application
 * code: the command that migrates and the server's first scheduler pass fill
 * them for events saved before this table existed (`through` differs from
 * what it should be, so every recurring event is rebuilt).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_sessions')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // The local date the session was planned for (its RECURRENCE-ID).
    .addColumn('recurrence_date', 'text', (c) => c.notNull())
    // Its place among the event's sessions in the order planned, from 1; a cancelled session keeps its number.
    .addColumn('position', 'integer', (c) => c.notNull())
    // How many sessions the rule makes in all, when it ends (UNTIL or COUNT); null for an open-ended rule.
    .addColumn('total', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'moved', 'cancelled')`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    // The local date the rows were worked out up to: the rule's end, or the horizon ahead of that day's today.
    .addColumn('through', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_sessions_pk', ['event_id', 'recurrence_date'])
    .execute();
  // Upcoming sessions in order (last day on or after today, soonest first) and past ones newest first.
  await db.schema.createIndex('event_sessions_start_idx').on('event_sessions').columns(['start_date', 'last_day', 'event_id', 'recurrence_date']).execute();
  await db.schema.createIndex('event_sessions_last_day_idx').on('event_sessions').columns(['last_day', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_sessions').execute();
}
