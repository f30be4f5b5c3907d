import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.js';

/**
 * A version number and time of the last change to what calendars are made
 * of (events, their texts, topics and programmes, the media they show, the
 * settings), bumped by triggers on every insert, update and delete, so every
 * writer and every instance sees the same. A calendar subscription asks
 * again every few hours with the validators of its last copy; the server
 * answers "not modified" from this row without reading or rendering a
 * single event.
 */
const FOLLOWED = [
  'events',
  'event_translations',
  'event_topics',
  'event_programmes',
  'topics',
  'topic_translations',
  'programmes',
  'programme_translations',
  'media',
  'settings',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('content_versions').values({ name: 'calendar', version: 1, changed_at: new Date().toISOString() }).execute();

  if (isPostgres(db)) {
    await sql`create function content_versions_bump() returns trigger language plpgsql as $$
      begin
        update content_versions set version = version + 1,
          changed_at = to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          where name = 'calendar';
        return null;
      end
    $$`.execute(db);
    // Once per statement: a bulk import of thousands of rows bumps it once.
    for (const table of FOLLOWED) {
      await sql`create trigger ${sql.id(`${table}_calendar_version`)} after insert or update or delete on ${sql.table(table)}
        for each statement execute function content_versions_bump()`.execute(db);
    }
    return;
  }
  const bump = sql`update content_versions set version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where name = 'calendar';`;
  for (const table of FOLLOWED) {
    for (const op of ['insert', 'update', 'delete'] as const) {
      await sql`create trigger ${sql.id(`${table}_calendar_version_${op}`)} after ${sql.raw(op)} on ${sql.table(table)}
        begin ${bump} end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of FOLLOWED) {
    if (isPostgres(db)) await sql`drop trigger ${sql.id(`${table}_calendar_version`)} on ${sql.table(table)}`.execute(db);
    else for (const op of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_calendar_version_${op}`)}`.execute(db);
  }
  if (isPostgres(db)) await sql`drop function content_versions_bump()`.execute(db);
  await db.schema.dropTable('content_versions').execute();
}
