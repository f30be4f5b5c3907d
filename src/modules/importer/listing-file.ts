/**
 * Reading a listing file's bytes as text. A listing page is UTF-8 text; a
 * file that is not (an image, a word-processor document, a page saved in
 * Windows-1258 or Latin-1) is refused as such, rather than decoded into
 * replacement characters that would be echoed back as garbage or stored.
 */

/** The file is not UTF-8 text; `line` is the first line that is not, when the file is text at all. */
export class NotUtf8TextError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
  ) {
    super(
      line === null
        ? `${file}: this is not a UTF-8 text file (it holds NUL bytes, as images, PDFs and word-processor documents do). ` +
            'Copy the listing page as plain text into a text file and import that.'
        : `${file}:${line}: this is not a UTF-8 text file (this line holds bytes that are not UTF-8 text). ` +
            'Save the file as UTF-8 text (most editors offer the encoding under "Save as") and import it again.',
    );
    this.name = 'NotUtf8TextError';
  }
}

const NEWLINE = 0x0a;

/** The text of a listing file, or NotUtf8TextError. A leading byte-order mark is dropped. */
export function decodeListingFile(file: string, bytes: Uint8Array): string {
  // Text never holds NUL; binary files almost always do, and may otherwise happen to be valid UTF-8.
  if (bytes.includes(0)) throw new NotUtf8TextError(file, null);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A newline byte is never part of a longer UTF-8 sequence, so each line decodes on its own.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(NEWLINE, start);
      try {
        decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      } catch {
        throw new NotUtf8TextError(file, line);
      }
      if (end < 0) throw new NotUtf8TextError(file, null);
      start = end + 1;
    }
  }
}
