/**
 * A table of papers as CSV (RFC 4180, read with csv-parse): a header row naming the columns, then one row per paper.
 * The survey's own `papers.csv` export names them `title` (required), `authors` (names separated by "; ", each
 * "Given Family" or "Family, Given", a name in braces kept whole as an organisation's), `date`, `doi`, `arxiv`,
 * `url`, `abstract`, `venue`, `keywords`, `organization`, `upvotes` and `author_count`, so a survey can be rebuilt
 * from its export. A reference manager's or database's CSV export names them its own way (Zotero: "Author",
 * "Abstract Note", "Publication Title"; Scopus: "Author full names", "Source title", "Author Keywords"; IEEE Xplore:
 * "Document Title", "Publication Year"), and those names are read too ({@link CSV_COLUMN_NAMES}). Other columns are
 * ignored; the columns may come in any order, separated by commas, or by the semicolons or tabs of a spreadsheet
 * saved in a locale whose decimal mark is a comma.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  emptyRecord,
  httpLinks,
  morePreciseDate,
  normaliseArxivId,
  normaliseDoi,
  parseDateText,
  parsePersonName,
  splitKeywords,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

/**
 * Each field a row gives, and the header names it is read from, in order of preference (a name is compared
 * lower-cased, every run of other characters than letters and digits as one `_`: "Abstract Note" is `abstract_note`).
 * A row's field is its first non-empty cell among them; its date, the most precise of its date columns. Each
 * field's name in the survey's own export is among them.
 */
export const CSV_COLUMN_NAMES = {
  title: ['title', 'document_title', 'article_title'],
  // Scopus gives "Authors" as "Shinn N." and "Author full names" as "Shinn, Noah (57211111111)": the full names first.
  authors: ['author_full_names', 'authors', 'author', 'author_s'],
  author_count: ['author_count'],
  date: ['date', 'publication_date', 'published', 'year', 'publication_year'],
  doi: ['doi'],
  arxiv: ['arxiv', 'arxiv_id', 'eprint'],
  url: ['url', 'link', 'pdf_link'],
  abstract: ['abstract', 'abstract_note', 'summary'],
  venue: ['venue', 'publication_title', 'source_title', 'journal', 'booktitle', 'container_title'],
  keywords: ['keywords', 'author_keywords', 'manual_tags', 'tags'],
  organization: ['organization', 'organisation'],
  upvotes: ['upvotes'],
  // Zotero's free-text field, read only for an arXiv id it holds ("arXiv:2303.11366 [cs]").
  extra: ['extra'],
} as const satisfies Record<string, readonly string[]>;
type Field = keyof typeof CSV_COLUMN_NAMES;

/** The columns a header without a title is told to have: the survey's own export's. */
const OWN_COLUMNS = ['title', 'authors', 'date', 'doi', 'arxiv', 'url', 'abstract', 'venue'];

interface Row {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** A header's column name as {@link CSV_COLUMN_NAMES} lists it. */
const columnKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');

/**
 * The character between the header's columns: a comma, unless the header (outside its quotes) holds more semicolons
 * or tabs than commas — a spreadsheet saved where the decimal mark is a comma separates with semicolons.
 */
export function csvDelimiter(text: string): string {
  const header = /^[^\n]*/.exec(text.slice(0, 65_536).replace(/"[^"]*"/g, '""'))![0];
  const count = (character: string) => header.split(character).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return count(best!) > count(',') ? best! : ',';
}

/** The table's rows, in order, each with the line it starts on (a quoted field may span lines). */
export function readCsv(text: string, file: string): SourceReading {
  let rows: Row[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: csvDelimiter(text.replace(/^\uFEFF/, '')),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Row[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines) || 1;
      throw new InputError(
        file,
        line,
        `this is not valid CSV: ${error.message.replace(/\s*(?:at|on) line \d+.*$/s, '')}`,
        'quote a field that holds commas, quotes or line breaks, and double the quotes inside it ("")',
      );
    }
    throw error;
  }
  const [header, ...body] = rows;
  const names = (header?.record ?? []).map((name) => name.trim());
  const keys = names.map(columnKey);
  const columns = new Map<Field, number[]>();
  for (const [field, accepted] of Object.entries(CSV_COLUMN_NAMES) as Array<[Field, readonly string[]]>) {
    const indexes = accepted.map((name) => keys.indexOf(name)).filter((index) => index >= 0);
    if (indexes.length > 0) columns.set(field, indexes);
  }
  if (!columns.has('title')) {
    throw new InputError(
      file,
      1,
      `the header row has no "title" column (found: ${names.join(', ') || 'nothing'})`,
      `name the columns in the first row: ${OWN_COLUMNS.join(', ')}`,
    );
  }
  const records = body.map((row) => {
    const line = row.info.lines - (row.raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
    const cells = (field: Field) => (columns.get(field) ?? []).map((index) => textOrNull(row.record[index]));
    const cell = (field: Field) => cells(field).find((value) => value !== null) ?? null;
    return recordOf(cell, cells, line, file);
  });
  return { records, warnings: [] };
}

/** A Scopus-style "Family I." name (initials after the family name, with their full stops): `Shinn N.`, `van der Berg A.-M.`. */
const FAMILY_THEN_INITIALS = /^(.*\p{Ll}.*?)\s+((?:\p{Lu}\.(?:-?\p{Lu}\.)*\s?)+)$/u;

/**
 * An authors cell's names: separated by semicolons, or, in an older Scopus export with none, by the commas between
 * "Family I." names (`Shinn N., Cassano F.`).
 */
function authorList(cell: string): string[] {
  if (cell.includes(';')) return cell.split(';');
  const names = cell.split(/,\s*/);
  return names.length > 1 && names.every((name) => FAMILY_THEN_INITIALS.test(name.trim())) ? names : [cell];
}

/** One name of an authors cell. */
function personIn(text: string): PersonName | null {
  const literal = /^\s*\{(.+)\}\s*$/.exec(text);
  if (literal) return { given: null, family: literal[1]!.trim() };
  // Scopus's author ids after a full name: "Shinn, Noah (57211111111)".
  const name = text.replace(/\s*\(\d+\)\s*$/, '');
  if (/^\d+\s+authors?$/i.test(name.trim())) return null;
  const initialsLast = name.includes(',') ? null : FAMILY_THEN_INITIALS.exec(name.trim());
  if (initialsLast) return { given: initialsLast[2]!.trim(), family: initialsLast[1]!.trim() };
  return parsePersonName(name);
}

function recordOf(
  cell: (field: Field) => string | null,
  cells: (field: Field) => Array<string | null>,
  line: number,
  file: string,
): SourceRecord {
  const title = cell('title');
  if (!title) throw new InputError(file, line, 'this row has an empty title', 'give every row a title, or remove the row');
  const doi = normaliseDoi(cell('doi'));
  const urls = httpLinks(cells('url'));
  const names = authorList(cell('authors') ?? '').flatMap((name) => personIn(name) ?? []);
  const written = Number(cell('author_count') ?? /^(\d+)\s+authors?$/i.exec(cell('authors') ?? '')?.[1]);
  const upvotes = Number(cell('upvotes'));
  const organization = cell('organization');
  const date = cells('date').reduce<string | null>((best, value) => morePreciseDate(best, parseDateText(value)), null);
  return {
    ...emptyRecord(title, line),
    abstract: cell('abstract'),
    authors: names.length > 0 ? authorsFrom(names) : { count: Number.isInteger(written) && written > 0 ? written : null, names: [] },
    organization: organization ? { handle: organization, name: organization } : null,
    date,
    dateHasYear: date !== null,
    doi,
    arxiv: normaliseArxivId(cell('arxiv')) ?? arxivIdIn([doi, ...urls, cell('extra')]),
    venue: cell('venue'),
    urls,
    keywords: splitKeywords(cell('keywords')),
    upvotes: cell('upvotes') !== null && Number.isInteger(upvotes) && upvotes >= 0 ? upvotes : null,
  };
}
