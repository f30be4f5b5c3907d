import type { Kysely } from 'kysely';

/**
 * Existing translations are taken to match the English text as it stands
 * now (they were imported together from the office's pages): each
 * non-English row gets a snapshot of its item's current English fields and
 * its own last change as the time it was translated. Only later English
 * edits will then count as "source changed since translation".
 *
 * The field lists are the translatable English fields of each kind, written
 * out here so that this migration never changes with the application.
 */
const KINDS = [
  { translations: 'event_translations', key: 'event_id', fields: ['title', 'summary', 'description', 'venue', 'city'] },
  {
    translations: 'article_translations',
    key: 'article_id',
    fields: ['title', 'summary', 'body', 'hero_alt', 'byline_role', 'byline_organisation'],
  },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const kind of KINDS) {
    const english: Record<string, string | null>[] = await db
      .selectFrom(kind.translations)
      .select([kind.key, ...kind.fields])
      .where('lang', '=', 'en')
      .execute();
    const byItem = new Map(english.map((row) => [Number(row[kind.key]), row]));
    const others: { item_id: number; lang: string; updated_at: string }[] = await db
      .selectFrom(kind.translations)
      .select([`${kind.key} as item_id`, 'lang', 'updated_at'])
      .where('lang', '<>', 'en')
      .where('source_snapshot', 'is', null)
      .execute();
    for (const row of others) {
      const source = byItem.get(Number(row.item_id));
      if (!source) continue;
      const snapshot = Object.fromEntries(kind.fields.map((field) => [field, source[field] ?? null]));
      await db
        .updateTable(kind.translations)
        .set({ source_snapshot: JSON.stringify(snapshot), translated_at: row.updated_at })
        .where(kind.key, '=', row.item_id)
        .where('lang', '=', row.lang)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const kind of KINDS) {
    await db.updateTable(kind.translations).set({ source_snapshot: null, translated_at: null }).execute();
  }
}
