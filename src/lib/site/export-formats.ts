import type { PersonName } from '../../schemas/source-record.ts';

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvDocument(header, rows.map(csvLine));
}

/** One CSV line (without its line end): every field quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(',');
}

/** A CSV document of a header and lines made by {@link csvLine}, CRLF line ends. */
export function csvDocument(header: readonly string[], lines: readonly string[]): string {
  return [csvLine(header), ...lines].join('\r\n') + '\r\n';
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Escapes text for a BibTeX field, so `&`, `%`, `_`, braces, `<` and the like print as themselves — and `--` stays
 * two hyphens instead of becoming a dash.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>]/g, (char) => BIBTEX_SPECIALS[char]!).replace(/-(?=-)/g, '-{}');
}

/** One entry of a BibTeX export: what a reference manager needs to cite the paper. */
export interface BibtexEntry {
  /** The citation key: the curator's own from their `.bib`, else the paper's id. */
  key: string;
  title: string;
  authors: readonly PersonName[];
  /** The names are some of the authors (the source's list ended "and others"): written so again. */
  moreAuthors?: boolean;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown. */
  date: string;
  venue: string | null;
  doi: string | null;
  arxiv: string | null;
  url: string;
  abstract: string | null;
  keywords: readonly string[];
  /** Said when the names are not known (`6 authors; listed in the Hugging Face Daily Papers`). */
  note: string | null;
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A person as BibTeX writes them: "Family, Given", a literal name in braces so it stays one. */
function bibtexName(name: PersonName): string {
  return name.given ? `${escapeBibtex(name.family)}, ${escapeBibtex(name.given)}` : `{${escapeBibtex(name.family)}}`;
}

/** Proceedings and workshops are cited with `@inproceedings`, other venues with `@article`, the rest with `@misc`. */
function entryType(venue: string | null): { type: string; venueField: string | null } {
  if (!venue) return { type: 'misc', venueField: null };
  return /proceedings|conference|workshop|symposium/i.test(venue)
    ? { type: 'inproceedings', venueField: 'booktitle' }
    : { type: 'article', venueField: 'journal' };
}

/**
 * One entry per paper: title (case protected), authors, year, month and the precise `date`, venue, DOI, arXiv
 * eprint, URL, abstract and keywords, each escaped so it reads back as written (the survey's own BibTeX reader gives
 * the same papers back).
 */
export function toBibtex(entries: readonly BibtexEntry[]): string {
  return entries.map(formatBibtexEntry).join('\n');
}

/** One entry of {@link toBibtex}. */
export function formatBibtexEntry(entry: BibtexEntry): string {
  const { type, venueField } = entryType(entry.venue);
  const [year, month] = entry.date.split('-');
  const fields = [
    `  title = {{${escapeBibtex(entry.title)}}}`,
    entry.authors.length > 0
      ? `  author = {${[...entry.authors.map(bibtexName), ...(entry.moreAuthors ? ['others'] : [])].join(' and ')}}`
      : null,
    year ? `  year = {${year}}` : null,
    month ? `  month = ${BIBTEX_MONTHS[Number(month) - 1]}` : null,
    entry.date.length === 10 ? `  date = {${entry.date}}` : null,
    venueField && entry.venue ? `  ${venueField} = {${escapeBibtex(entry.venue)}}` : null,
    // DOIs and URLs are verbatim fields: written as they are.
    entry.doi ? `  doi = {${entry.doi}}` : null,
    entry.arxiv ? `  eprint = {${entry.arxiv}},\n  archiveprefix = {arXiv}` : null,
    entry.note ? `  note = {${escapeBibtex(entry.note)}}` : null,
    `  url = {${entry.url}}`,
    entry.keywords.length > 0 ? `  keywords = {${entry.keywords.map(escapeBibtex).join(', ')}}` : null,
    entry.abstract ? `  abstract = {${escapeBibtex(entry.abstract)}}` : null,
  ].filter(Boolean);
  return `@${type}{${entry.key},\n${fields.join(',\n')}\n}\n`;
}
