/**
 * A byte-level check of iCalendar text against RFC 5545's rules on content
 * lines, independent of any parser's leniency: CRLF after every line (the
 * last included), at most 75 octets a line, folds that never split a UTF-8
 * character, no control characters but HTAB, TEXT values escaped, and every
 * BEGIN closed by its END.
 */

/** Properties whose value is TEXT (RFC 5545 §3.3.11) in what Almanac writes, and the few calendar extensions that are TEXT too. */
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'CONTACT', 'CATEGORIES', 'RESOURCES', 'TZNAME', 'NAME', 'X-WR-CALNAME', 'X-WR-CALDESC']);

/** TEXT properties that hold a list: an unescaped comma separates values there. */
const LIST_PROPERTIES = new Set(['CATEGORIES', 'RESOURCES']);

const MAX_OCTETS = 75;
const CRLF = Buffer.from('\r\n');

/** Splits a content line into name, parameters and value, honouring quoted parameter values. */
function splitContentLine(line: string): { name: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return { name: line.slice(0, i).split(';')[0]!.toUpperCase(), value: line.slice(i + 1) };
  }
  return null;
}

/** What is wrong with a TEXT value's escaping, or null. */
function textValueProblem(value: string, list: boolean): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const next = value[i + 1];
      if (next === undefined || !'\\;,nN'.includes(next)) return `a backslash not followed by \\, ;, , or n at ${i}`;
      i += 1;
    } else if (c === ';') {
      return `an unescaped semicolon at ${i}`;
    } else if (c === ',' && !list) {
      return `an unescaped comma at ${i}`;
    }
  }
  return null;
}

/**
 * Every rule of RFC 5545 §3.1 (content lines) and §3.3.11 (TEXT) that the
 * text breaks, one message each, naming the line; an empty list when it
 * passes.
 */
export function rfc5545Problems(body: string | Buffer): string[] {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const problems: string[] = [];
  if (bytes.length < 2 || !bytes.subarray(bytes.length - 2).equals(CRLF)) problems.push('the last line does not end in CRLF');

  // Physical lines, as bytes, split on CRLF only: a lone CR or LF is an error inside a line.
  const physical: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(CRLF); i !== -1; i = bytes.indexOf(CRLF, start)) {
    physical.push(bytes.subarray(start, i));
    start = i + 2;
  }
  if (start < bytes.length) physical.push(bytes.subarray(start));

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const logical: { text: string; line: number }[] = [];
  physical.forEach((raw, index) => {
    const n = index + 1;
    if (raw.length > MAX_OCTETS) problems.push(`line ${n} has ${raw.length} octets`);
    let text: string;
    try {
      // Each physical line must be whole UTF-8 by itself: a fold inside a character breaks this.
      text = decoder.decode(raw);
    } catch {
      problems.push(`line ${n} is not whole UTF-8 (a fold splits a character?)`);
      text = raw.toString('utf8');
    }
    if (text.startsWith(' ') || text.startsWith('\t')) {
      const previous = logical[logical.length - 1];
      if (!previous) problems.push(`line ${n} continues nothing`);
      else previous.text += text.slice(1);
    } else {
      logical.push({ text, line: n });
    }
  });

  const open: string[] = [];
  for (const { text, line } of logical) {
    if (text === '') {
      problems.push(`line ${line} is empty`);
      continue;
    }
    // Controls other than HTAB (U+0000-U+001F, U+007F), including a lone CR or LF.
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(text);
    if (control) problems.push(`line ${line} holds the control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
    const parts = splitContentLine(text);
    if (!parts || !/^[A-Za-z0-9-]+$/.test(parts.name)) {
      problems.push(`line ${line} is not "name:value": ${JSON.stringify(text.slice(0, 40))}`);
      continue;
    }
    if (parts.name === 'BEGIN') open.push(parts.value.toUpperCase());
    else if (parts.name === 'END') {
      const expected = open.pop();
      if (expected !== parts.value.toUpperCase()) problems.push(`line ${line} ends ${parts.value} where ${expected ?? 'nothing'} is open`);
    } else if (open.length === 0) problems.push(`line ${line} is outside any component`);
    if (TEXT_PROPERTIES.has(parts.name)) {
      const problem = textValueProblem(parts.value, LIST_PROPERTIES.has(parts.name));
      if (problem) problems.push(`line ${line} (${parts.name}) has ${problem}`);
    }
  }
  if (open.length > 0) problems.push(`never ended: ${open.join(', ')}`);
  if (logical[0]?.text !== 'BEGIN:VCALENDAR') problems.push('does not begin with BEGIN:VCALENDAR');
  return problems;
}
