/**
 * The sample content shipped in content/: the office's own listing pages and
 * its list of topics and programmes. A new, empty database is filled with it
 * so that a fresh install shows a populated site.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ensureTaxonomy, readTaxonomy } from '../taxonomy/index.js';
import { importListings, type ImportReport } from './importer.service.js';

// content/ sits beside src/ and dist/, at the same depth from this module in both.
export const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));

/** The seed pages, English first so the Vietnamese page pairs with its items. */
export const SEED_FILES = ['seeds/events.en.txt', 'seeds/articles.en.txt', 'seeds/events.vi.txt'] as const;

export function loadTaxonomy() {
  return readTaxonomy(`${contentDir}taxonomy.json`);
}

/** True when the database holds no events and no articles. */
export async function isContentEmpty(db: Kysely<Database>): Promise<boolean> {
  const event = await db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  const article = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  return !event && !article;
}

/** Loads the taxonomy and imports the seed pages. */
export async function importSampleContent(db: Kysely<Database>, now: Date): Promise<ImportReport> {
  const taxonomy = loadTaxonomy();
  await ensureTaxonomy(db, taxonomy, now.toISOString());
  const sources = SEED_FILES.map((name) => ({ file: `content/${name}`, text: readFileSync(`${contentDir}${name}`, 'utf8') }));
  return importListings(db, sources, { now, taxonomy });
}

/**
 * On first start: fills an empty database with the sample content; does
 * nothing otherwise. When several instances start together on one empty
 * PostgreSQL, one of them seeds and the others' identical imports fail on the
 * unique keys; finding the content there afterwards, they carry on.
 */
export async function seedIfEmpty(db: Kysely<Database>, now: Date): Promise<ImportReport | null> {
  if (!(await isContentEmpty(db))) return null;
  try {
    return await importSampleContent(db, now);
  } catch (error) {
    if (!(await isContentEmpty(db))) return null;
    throw error;
  }
}
