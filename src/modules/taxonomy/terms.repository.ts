/** Topics and programmes as editors choose them: checking that chosen ids exist. */
import { type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Which of `ids` are topics (or programmes) that exist. */
export async function existingTermIds(db: Db, table: 'topics' | 'programmes', ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** The ids of the terms with these slugs, smallest first (unknown slugs are left out). */
export async function termIdsBySlug(db: Db, table: 'topics' | 'programmes', slugs: readonly string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('slug', 'in', [...slugs]).orderBy('id').execute();
  return rows.map((r) => r.id);
}
