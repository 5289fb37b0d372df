/**
 * The formats the listings folder may hold — names, file endings and how to tell formats that share an ending
 * apart — without their readers (src/lib/sources/read-source.ts), so the site can name a survey's formats without
 * bundling every parser.
 */

/** An input format: the file endings that name it. */
export interface SourceFormatInfo {
  /** A short name (`bibtex`), for messages and the ingest summary. */
  id: SourceFormatId;
  /** What a curator calls it. */
  label: string;
  /** File endings, lower case with the dot. Where two formats share one (`.json`, `.xml`), `sniff` tells them apart. */
  extensions: readonly string[];
  /** Whether the text is in this format, for a shared ending. */
  sniff?: (text: string) => boolean;
}

export type SourceFormatId = 'hf-paste' | 'bibtex' | 'ris' | 'csl-json' | 'arxiv-atom' | 'csv';

/** Every format the listings folder may hold, side by side (see src/lib/sources/README.md). */
export const SOURCE_FORMATS: readonly SourceFormatInfo[] = [
  { id: 'hf-paste', label: 'Hugging Face Daily Papers paste', extensions: ['.txt'] },
  { id: 'bibtex', label: 'BibTeX', extensions: ['.bib', '.bibtex'] },
  { id: 'ris', label: 'RIS', extensions: ['.ris'] },
  { id: 'csl-json', label: 'CSL-JSON', extensions: ['.json'], sniff: (text) => text.trimStart().startsWith('[') },
  {
    id: 'arxiv-atom',
    label: 'arXiv API response (Atom)',
    extensions: ['.xml', '.atom'],
    sniff: (text) => /<feed[\s>]/.test(text.slice(0, 4096)),
  },
  { id: 'csv', label: 'CSV', extensions: ['.csv'] },
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
