/**
 * Intl date formatters, built once each. Building a DateTimeFormat costs far
 * more than using one, and a site needs only a handful (a zone or two, two
 * languages), so they are kept for the life of the process.
 */

/**
 * Wraps `build` so that it runs once for each set of arguments (a zone, a
 * language…); later calls with the same ones get the formatter built then.
 */
export function keptFormatters<A extends readonly string[]>(build: (...args: A) => Intl.DateTimeFormat): (...args: A) => Intl.DateTimeFormat {
  const kept = new Map<string, Intl.DateTimeFormat>();
  return (...args) => {
    const key = args.join('|');
    let formatter = kept.get(key);
    if (!formatter) {
      formatter = build(...args);
      kept.set(key, formatter);
    }
    return formatter;
  };
}
