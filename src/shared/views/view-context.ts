import type { Lang } from '../dates/format.js';
import type { Translate } from '../messages.js';

/** What every page view needs besides its own data. Built once per request by the routes. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  /** Each language's name in itself ("Tiếng Việt"), for the language switcher. */
  languageNames: Readonly<Record<Lang, string>>;
  siteName: string;
  officeEmail: string;
  /** Path of the current page, for the navigation's aria-current. */
  path: string;
  /** Public origin without a trailing slash, for canonical links. */
  publicUrl: string;
  /** Fingerprinted stylesheet URL. */
  stylesheet: string;
}
