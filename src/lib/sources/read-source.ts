import { decodeTextLines } from '../input/decode-text.ts';
import { InputError } from '../input/input-error.ts';
import { readArxivAtom } from './arxiv-atom.ts';
import { readBibtex } from './bibtex.ts';
import { readCslJson } from './csl-json.ts';
import { readCsv } from './csv.ts';
import { parseListing } from './hf-paste.ts';
import { readRis } from './ris.ts';
import type { SourceReading } from './source-reader.ts';

/** One file of the listings folder as read from disk. */
export interface SourceFile {
  /** Path shown in messages, e.g. `content/listings/zotero.bib`: its ending says its format. */
  file: string;
  bytes: Uint8Array;
}

/** An input format: the file endings that name it, and its reader. */
export interface SourceFormat {
  /** A short name (`bibtex`), for messages and the ingest summary. */
  id: string;
  /** What a curator calls it. */
  label: string;
  /** File endings, lower case with the dot. Where two formats share one (`.json`, `.xml`), `sniff` tells them apart. */
  extensions: readonly string[];
  /** Whether the text is in this format, for a shared ending. */
  sniff?: (text: string) => boolean;
  read: (text: string, context: { file: string; captured: string; lines: readonly string[] }) => SourceReading;
}

/** Every format the listings folder may hold, side by side: one reader each (see src/lib/sources/README.md). */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  { id: 'hf-paste', label: 'Hugging Face Daily Papers paste', extensions: ['.txt'], read: (_text, { file, captured, lines }) => { const { papers, warnings } = parseListing(lines, { file, captured }); return { records: papers, warnings }; } },
  { id: 'bibtex', label: 'BibTeX', extensions: ['.bib', '.bibtex'], read: (text, { file }) => readBibtex(text, file) },
  { id: 'ris', label: 'RIS', extensions: ['.ris'], read: (text, { file }) => readRis(text, file) },
  { id: 'csl-json', label: 'CSL-JSON', extensions: ['.json'], sniff: (text) => text.trimStart().startsWith('['), read: (text, { file }) => readCslJson(text, file) },
  { id: 'arxiv-atom', label: 'arXiv API response (Atom)', extensions: ['.xml', '.atom'], sniff: (text) => /<feed[\s>]/.test(text.slice(0, 4096)), read: (text, { file }) => readArxivAtom(text, file) },
  { id: 'csv', label: 'CSV', extensions: ['.csv'], read: (text, { file }) => readCsv(text, file) },
];

/** The file endings ingest reads, for messages. */
export const SOURCE_EXTENSIONS = [...new Set(SOURCE_FORMATS.flatMap((format) => format.extensions))];

/** The extension of a file name, lower case with its dot (`.bib`); empty without one. */
export function extensionOf(name: string): string {
  const at = name.lastIndexOf('.');
  return at > 0 ? name.slice(at).toLowerCase() : '';
}

/** Whether ingest reads a file of this name. */
export function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.includes(extensionOf(name));
}

/**
 * Reads one file of the listings with the reader of its format: its extension, or where formats share one, its
 * content. The bytes are decoded as every pasted file is (BOM, UTF-16, CRLF, odd spaces; binary refused).
 */
export function readSource(source: SourceFile, captured: string): SourceReading & { format: SourceFormat } {
  const lines = decodeTextLines(source.bytes, source.file);
  const text = lines.join('\n');
  const candidates = SOURCE_FORMATS.filter((format) => format.extensions.includes(extensionOf(source.file)));
  const format = candidates.length > 1 || candidates[0]?.sniff ? candidates.find((candidate) => !candidate.sniff || candidate.sniff(text)) : candidates[0];
  if (!format) {
    const expected = candidates.map((candidate) => candidate.label).join(' or ');
    throw new InputError(source.file, 1, `this ${extensionOf(source.file)} file is not ${expected ? `a ${expected}` : 'a listing ingest reads'}`, `save it in one of the formats ingest reads (${SOURCE_FORMATS.map((f) => `${f.label}: ${f.extensions.join(', ')}`).join('; ')}), or move it out of the listings folder`);
  }
  return { ...format.read(text, { file: source.file, captured, lines }), format };
}
