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
  { id: 'csl-json', label: 'CSL-JSON', extensions: ['.json'], sniff: isCslJson },
  {
    id: 'arxiv-atom',
    label: 'arXiv API response or announcement feed (Atom)',
    extensions: ['.xml', '.atom'],
    sniff: (text) => /<feed[\s>]/.test(text.slice(0, 4096)),
  },
  { id: 'csv', label: 'CSV', extensions: ['.csv'] },
];

/**
 * Whether a .json file is CSL-JSON: an array of items (Zotero, pandoc, citation.js), or one item on its own, as doi.org
 * answers `Accept: application/vnd.citationstyles.csl+json` for a Crossref or DataCite DOI. Any array is taken as meant
 * for CSL-JSON: its reader says what it looks like when its items are not CSL items.
 */
function isCslJson(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('[')) return true;
  if (!start.startsWith('{')) return false;
  try {
    return isCslItem(JSON.parse(text));
  } catch {
    // A CSL item with a syntax error is still meant as one: its reader names the line of the mistake.
    return /"(?:DOI|issued|container-title|citation-key)"\s*:/.test(text);
  }
}

/** Fields that only CSL items have, among the JSON a curator might save: an OpenAlex work writes `doi`, not `DOI`. */
const CSL_ONLY_FIELDS = ['DOI', 'issued', 'container-title', 'citation-key'];

/**
 * Whether a JSON value is one CSL item: an object with a field only CSL has, or a list of `author`s. Not `id`, `type`
 * and `title` alone, which an OpenAlex work or a JSON schema has too: another JSON object is not taken for a paper.
 */
export function isCslItem(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const item = value as Record<string, unknown>;
  return CSL_ONLY_FIELDS.some((name) => name in item) || Array.isArray(item.author);
}

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
