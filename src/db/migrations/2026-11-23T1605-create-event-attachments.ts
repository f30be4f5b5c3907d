import type { Kysely } from 'kysely';

/**
 * Documents attached to an event (agenda, concept note), in the order the
 * editor chose, each with a label per language. A document in use cannot be
 * deleted from the library (no cascade from media).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_attachments')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_vi', 'text')
    .addPrimaryKeyConstraint('event_attachments_pk', ['event_id', 'media_id'])
    .execute();
  await db.schema.createIndex('event_attachments_media_idx').on('event_attachments').column('media_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_attachments').execute();
}
