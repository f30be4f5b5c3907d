import type { Lang, Translate } from '../../modules/i18n/index.js';

/** What every page view needs besides its own data. Built once per request by the routes. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  siteName: string;
  officeEmail: string;
  /** Path of the current page, for the navigation's aria-current. */
  path: string;
  /** Public origin without a trailing slash, for canonical links. */
  publicUrl: string;
  /** Fingerprinted stylesheet URL. */
  stylesheet: string;
}
