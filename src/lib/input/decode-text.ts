import { InputError } from './input-error.ts';

/**
 * Turns the bytes of a pasted file into text lines, tolerating what copy-paste brings along (a BOM, UTF-16,
 * CRLF or CR line ends, non-breaking and other odd spaces, tabs, trailing spaces) and refusing what is not
 * text (invalid UTF-8, control characters, NUL bytes) with the line where it starts. `keepTabs` keeps tabs as they
 * are, for a format where a tab separates (a spreadsheet's CSV saved with tabs): elsewhere a tab is a space.
 */
export function decodeTextLines(bytes: Uint8Array, file: string, { keepTabs = false } = {}): string[] {
  const text = decodeBytes(bytes, file);
  // The checks and replacements run over the whole text at once (none of them reaches across a line break), and
  // the line is worked out only for an error: a 10,000-paper listing has a hundred thousand lines.
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new InputError(
      file,
      text.slice(0, control.index).split(LINE_BREAK).length,
      `found control character U+${code}, which does not belong in a text file`,
      'remove it (a copy from a PDF can bring one along); if this is not a text file, save the listing as plain text',
    );
  }
  return replaceOddSpaces(text, keepTabs)
    .split(LINE_BREAK)
    .map((line) => line.trimEnd());
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Non-breaking, thin and other Unicode spaces become plain spaces, tabs too (unless kept); zero-width ones go; runs shrink. */
function replaceOddSpaces(text: string, keepTabs: boolean): string {
  return text
    .replace(keepTabs ? /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g : /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/(\S) {2,}/g, '$1 ');
}

function decodeBytes(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const badAt = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(badAt, 0)).split(/\r\n|\r|\n/).length;
    throw new InputError(file, line, 'this is not UTF-8 text (found bytes that are not valid UTF-8)', 'save the listing as UTF-8 text');
  }
}
