import { sql, type Kysely } from 'kysely';
import { timestamp, withId } from './portable.js';

/**
 * The media library: uploaded images (with alt text and a structured photo
 * credit) and documents (PDF attachments). An upload is identified by the
 * SHA-256 of its bytes, so the same file uploaded twice is stored once.
 * Images are served through their variants (sizes and formats made at
 * upload); a document's one stored file is `path`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('media'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image', 'document')`))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text')
    .addColumn('alt_en', 'text')
    .addColumn('alt_vi', 'text')
    .addColumn('credit_holder', 'text')
    .addColumn('credit_photographer', 'text')
    .addColumn('credit_year', 'integer')
    // A user id; no foreign key, so the library does not depend on the order accounts were created in.
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', timestamp)
    .addColumn('updated_at', 'text', timestamp)
    .execute();
  await db.schema.createIndex('media_kind_created_idx').on('media').columns(['kind', 'created_at']).execute();

  await db.schema
    .createTable('media_variants')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('avif', 'webp', 'jpeg', 'png')`))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variants_pk', ['media_id', 'format', 'width'])
    .execute();
  await db.schema.createIndex('media_variants_path_idx').on('media_variants').column('path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_variants').execute();
  await db.schema.dropTable('media').execute();
}
