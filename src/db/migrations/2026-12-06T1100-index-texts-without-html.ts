/**
 * The texts whose Markdown has no stored HTML yet, indexed by themselves: the
 * server looks for them at every start (media's renderMissingText) and
 * normally finds none. Without these partial indexes the look read every
 * event description and article body, 0.6-0.75 s at 100,000 items on SQLite,
 * and left SQLite's page cache full of them. Each index holds only the rows
 * still to render, so it costs writes nothing once they are.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';

const TEXTS = [
  { table: 'event_translations', fk: 'event_id', text: 'description', html: 'description_html' },
  { table: 'article_translations', fk: 'article_id', text: 'body', html: 'body_html' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TEXTS) {
    await db.schema
      .createIndex(`${t.table}_without_html_idx`)
      .on(t.table)
      .columns([t.fk, 'lang'])
      .where(sql<SqlBool>`${sql.ref(t.text)} is not null and ${sql.ref(t.html)} is null`)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TEXTS) await db.schema.dropIndex(`${t.table}_without_html_idx`).execute();
}
