import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Events and meetings. An all-day event has plain start/end dates; a timed one
 * also has UTC instants and the IANA zone it happens in, and its dates are the
 * local dates in that zone (so listings sort and group both kinds alike).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('events'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    // Identity of an imported item (kind + start date + folded English title): re-imports find it.
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'in_review', 'published')`))
    .addColumn('event_status', 'text', (c) =>
      c.notNull().defaultTo('scheduled').check(sql`event_status in ('scheduled', 'cancelled', 'postponed')`),
    )
    .addColumn('event_type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('other')
        .check(
          sql`event_type in ('meeting', 'workshop', 'webinar', 'consultation', 'training', 'launch', 'study_visit', 'survey', 'other')`,
        ),
    )
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Ho_Chi_Minh'))
    .addColumn('attendance_mode', 'text', (c) =>
      c.notNull().defaultTo('in_person').check(sql`attendance_mode in ('in_person', 'online', 'mixed')`),
    )
    .addColumn('online_url', 'text')
    .addColumn('registration_url', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    // Bumped on every save: optimistic locking for editors and SEQUENCE for calendar feeds.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .addCheckConstraint('events_end_after_start', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema.createIndex('events_start_date_idx').on('events').columns(['start_date', 'end_date']).execute();
  await db.schema.createIndex('events_status_idx').on('events').columns(['status', 'start_date']).execute();

  await db.schema
    .createTable('event_translations')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('description', 'text')
    .addColumn('venue', 'text')
    .addColumn('city', 'text')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .addPrimaryKeyConstraint('event_translations_pk', ['event_id', 'lang'])
    .execute();

  for (const [table, column, target] of [
    ['event_topics', 'topic_id', 'topics'],
    ['event_programmes', 'programme_id', 'programmes'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['event_id', column])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['event_programmes', 'event_topics', 'event_translations', 'events']) {
    await db.schema.dropTable(table).execute();
  }
}
