import type { Kysely } from 'kysely';
import type { Env } from './config/env.js';
import type { Dialect } from './db/database.js';
import type { Database } from './db/schema.js';
import type { Lang } from './shared/dates/format.js';

/** What route plugins are given: the database, the settings and the clock. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Env;
  /** The current instant; tests fix it. */
  now: () => Date;
  /** The office's calendar date now ('YYYY-MM-DD' in its time zone). */
  today: () => string;
}

/** Options of a public route plugin: registered once per language, under `/${lang}`. */
export interface PublicRouteOptions extends AppDeps {
  lang: Lang;
}
