import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * Event series and recurring events.
 *
 * A series is a named run of events (a webinar series, a weekly training)
 * with its own page: a slug, a title and a description in each language (the
 * Markdown rendered and sanitised at save), published or not, scheduled as
 * other content is. An event belongs to at most one series.
 *
 * A recurring event keeps its rule as an RFC 5545 RRULE (its first session is
 * the event's own start), the skipped sessions as a list of the local dates
 * they would have fallen on (EXDATE), and each session changed on its own
 * (moved, or cancelled) as a row keyed by the local date it was planned for
 * (its RECURRENCE-ID).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('series'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`))
    .addColumn('publish_at', 'text')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .execute();

  await db.schema
    .createTable('series_translations')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull().references('languages.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('description_html', 'text')
    .addPrimaryKeyConstraint('series_translations_pk', ['series_id', 'lang'])
    .addUniqueConstraint('series_translations_slug_unique', ['lang', 'slug'])
    .execute();

  await db.schema
    .alterTable('events')
    .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('events').addColumn('recurrence_rule', 'text').execute();
  await db.schema.alterTable('events').addColumn('recurrence_exdates', 'text').execute();
  await db.schema.createIndex('events_series_idx').on('events').column('series_id').execute();

  await db.schema
    .createTable('event_session_changes')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('recurrence_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('moved', 'cancelled')`))
    .addColumn('start_date', 'text')
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('updated_at', 'text', timestamp)
    .addPrimaryKeyConstraint('event_session_changes_pk', ['event_id', 'recurrence_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_session_changes').execute();
  await db.schema.dropIndex('events_series_idx').execute();
  await db.schema.alterTable('events').dropColumn('recurrence_exdates').execute();
  await db.schema.alterTable('events').dropColumn('recurrence_rule').execute();
  await db.schema.alterTable('events').dropColumn('series_id').execute();
  await db.schema.dropTable('series_translations').execute();
  await db.schema.dropTable('series').execute();
}
