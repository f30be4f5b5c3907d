/**
 * A listing's description that says an event is "part of the … Series"
 * names a series the office runs. The importer never links an event to a
 * series on its own: it only says so in the dry run, for an editor to decide.
 */

/** "part of the ACTRAV Webinar Series 2.0" → "ACTRAV Webinar Series 2.0"; null when the text names no series. */
export function seriesMentioned(text: string | null): string | null {
  if (!text) return null;
  const found = /\bpart of the\s+((?:[^\s,.;:()]+\s+){0,8}?Series(?:\s+\d+(?:\.\d+)*)?)(?![\p{L}\d])/iu.exec(text);
  return found ? found[1]!.replace(/\s+/g, ' ') : null;
}
