/**
 * Mutations of a text file for the property-based tests (fast-check): lines dropped, duplicated, swapped and
 * truncated, pieces inserted (binary, odd spaces, control characters, and the syntax of the formats: braces, `@`,
 * quotes, RIS tags), very long lines; and encodings: CRLF, CR, BOM, UTF-16, binary noise.
 */
import fc from 'fast-check';

export type Mutation = (lines: string[]) => string[];
const index = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map((i) => (lines: string[]) => lines.filter((_, j) => j !== i % lines.length)),
  index.map((i) => (lines: string[]) => lines.flatMap((line, j) => (j === i % lines.length ? [line, line] : [line]))),
  fc.tuple(index, index).map(([i, k]) => (lines: string[]) => {
    const copy = [...lines];
    const a = i % copy.length;
    const b = k % copy.length;
    [copy[a], copy[b]] = [copy[b]!, copy[a]!];
    return copy;
  }),
  fc.tuple(index, index).map(
    ([i, cut]) =>
      (lines: string[]) =>
        lines.map((line, j) => (j === i % lines.length ? line.slice(0, cut % (line.length + 1)) : line)),
  ),
  fc.tuple(index, fc.string({ unit: 'binary', maxLength: 40 })).map(
    ([i, text]) =>
      (lines: string[]) =>
        lines.toSpliced(i % (lines.length + 1), 0, text),
  ),
  fc
    .tuple(
      index,
      fc.constantFrom(
        '\t',
        '\u00A0',
        '\u0007',
        '\u0000',
        '\u001B',
        '\uFEFF',
        '\u2028',
        '·',
        '•',
        '  ',
        '{',
        '}',
        '@',
        '"',
        ',',
        '\\',
        'ER  - ',
        'TY  - JOUR',
      ),
    )
    .map(
      ([i, char]) =>
        (lines: string[]) =>
          lines.map((line, j) => (j === i % lines.length ? `${line.slice(0, 3)}${char}${line.slice(3)}` : line)),
    ),
  index.map((i) => (lines: string[]) => lines.map((line, j) => (j === i % lines.length ? line.repeat(60).slice(0, 100_000) : line))),
  fc.constant((lines: string[]) => lines.map((line) => `${line} \t`)),
);
export const encoding = fc.constantFrom('utf8', 'utf8-bom', 'crlf', 'cr', 'utf16le', 'noise');

export function encode(lines: string[], how: string, noise: Uint8Array): Uint8Array {
  const text = lines.join(how === 'crlf' ? '\r\n' : how === 'cr' ? '\r' : '\n');
  if (how === 'utf16le') return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  if (how === 'utf8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]);
  if (how === 'noise') {
    const bytes = Buffer.from(text);
    const at = noise.length > 0 ? (noise[0]! * 97) % bytes.length : 0;
    return new Uint8Array([...bytes.subarray(0, at), ...noise, ...bytes.subarray(at)]);
  }
  return Buffer.from(text);
}
