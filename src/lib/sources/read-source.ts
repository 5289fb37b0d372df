import { decodeTextLines } from '../input/decode-text.ts';
import { InputError } from '../input/input-error.ts';
import { readArxivAtom } from './arxiv-atom.ts';
import { readBibtex } from './bibtex.ts';
import { readCslJson } from './csl-json.ts';
import { readCsv } from './csv.ts';
import { parseListing } from './hf-paste.ts';
import { readRis } from './ris.ts';
import type { SourceReading } from './source-reader.ts';
import { extensionOf, SOURCE_FORMATS, type SourceFormatId, type SourceFormatInfo } from './source-formats.ts';

/** One file of the listings folder as read from disk. */
export interface SourceFile {
  /** Path shown in messages, e.g. `content/listings/zotero.bib`: its ending says its format. */
  file: string;
  bytes: Uint8Array;
}

/** An input format and its reader. */
export interface SourceFormat extends SourceFormatInfo {
  /** `text()` is the lines joined, made when a reader asks for it: the paste is read line by line. */
  read: (source: { file: string; captured: string; lines: readonly string[]; text: () => string }) => SourceReading;
}

/** The reader of each format. */
const READERS: Record<SourceFormatId, SourceFormat['read']> = {
  'hf-paste': ({ file, captured, lines }) => {
    const { papers, warnings } = parseListing(lines, { file, captured });
    return { records: papers, warnings };
  },
  bibtex: ({ text, file }) => readBibtex(text(), file),
  ris: ({ text, file }) => readRis(text(), file),
  'csl-json': ({ text, file }) => readCslJson(text(), file),
  'arxiv-atom': ({ text, file }) => readArxivAtom(text(), file),
  csv: ({ text, file }) => readCsv(text(), file),
};

/** Formats in which a tab separates fields (a spreadsheet saves its CSV with tabs), so decoding keeps tabs for them. */
const TABS_SEPARATE: ReadonlySet<SourceFormatId> = new Set(['csv']);

/** Every format with its reader, in the order of SOURCE_FORMATS. */
export const READABLE_FORMATS: readonly SourceFormat[] = SOURCE_FORMATS.map((format) => ({ ...format, read: READERS[format.id] }));

/**
 * Reads one file of the listings with the reader of its format: its extension, or where formats share one, its
 * content. The bytes are decoded as every pasted file is (BOM, UTF-16, CRLF, odd spaces; binary refused).
 */
export function readSource(source: SourceFile, captured: string): SourceReading & { format: SourceFormat } {
  const candidates = READABLE_FORMATS.filter((format) => format.extensions.includes(extensionOf(source.file)));
  const lines = decodeTextLines(source.bytes, source.file, {
    keepTabs: candidates.length > 0 && candidates.every((format) => TABS_SEPARATE.has(format.id)),
  });
  // Joined only for a format that reads the whole text: for a 10,000-paper paste, 16 MB not made, 0.1 s saved.
  let joined: string | undefined;
  const text = () => (joined ??= lines.join('\n'));
  const format =
    candidates.length > 1 || candidates[0]?.sniff
      ? candidates.find((candidate) => !candidate.sniff || candidate.sniff(text()))
      : candidates[0];
  if (!format) {
    const expected = candidates.map((candidate) => candidate.label).join(' or ');
    throw new InputError(
      source.file,
      1,
      `this ${extensionOf(source.file)} file is not ${expected ? `${/^[aeiou]/i.test(expected) ? 'an' : 'a'} ${expected}` : 'a listing ingest reads'}`,
      `save it in one of the formats ingest reads (${SOURCE_FORMATS.map((f) => `${f.label}: ${f.extensions.join(', ')}`).join('; ')}), or move it out of the listings folder`,
    );
  }
  return { ...format.read({ file: source.file, captured, lines, text }), format };
}
