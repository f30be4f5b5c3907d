/**
 * The list of migrations, in order. Listed statically (not read from the
 * folder) so that they run the same from TypeScript sources and from dist/.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as createLanguages from './2026-11-23T1400-create-languages.js';
import * as createTaxonomy from './2026-11-23T1410-create-taxonomy.js';
import * as createEvents from './2026-11-23T1420-create-events.js';
import * as createArticles from './2026-11-23T1430-create-articles.js';
import * as createSiteTexts from './2026-11-23T1440-create-site-texts.js';

const migrations: Record<string, Migration> = {
  '2026-11-23T1400-create-languages': createLanguages,
  '2026-11-23T1410-create-taxonomy': createTaxonomy,
  '2026-11-23T1420-create-events': createEvents,
  '2026-11-23T1430-create-articles': createArticles,
  '2026-11-23T1440-create-site-texts': createSiteTexts,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
