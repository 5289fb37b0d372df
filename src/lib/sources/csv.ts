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
import { clip, InputError, type InputWarning } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  collapseSpace,
  emptyRecord,
  httpLinks,
  morePreciseDate,
  normaliseArxivId,
  normaliseDoi,
  parseDateText,
  parseNameWithInitials,
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
  title: ['title', 'document_title', 'article_title', 'display_name'],
  // Scopus gives "Authors" as "Shinn N." and "Author full names" as "Shinn, Noah (57211111111)": the full names first.
  authors: ['author_full_names', 'authors', 'author', 'author_s', 'author_names', 'authorships_author_display_name'],
  author_count: ['author_count'],
  date: [
    'date',
    'publication_date',
    'date_of_publication',
    'date_published',
    'published_date',
    'pub_date',
    'published',
    'year',
    'publication_year',
    'published_year',
  ],
  doi: ['doi'],
  arxiv: ['arxiv', 'arxiv_id', 'eprint'],
  url: ['url', 'link', 'pdf_link', 'external_url', 'source_urls'],
  abstract: ['abstract', 'abstract_note', 'summary'],
  venue: [
    'venue',
    'publication_title',
    'source_title',
    'journal',
    'booktitle',
    'container_title',
    'publication',
    'primary_location_source_display_name',
    'journal_book',
    'journal_title',
  ],
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
  const delimiter = csvDelimiter(text.replace(/^\uFEFF/, ''));
  const parseRows = (relaxQuotes: boolean) =>
    parse(text, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      relax_quotes: relaxQuotes,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Row[];
  let rows: Row[];
  try {
    try {
      rows = parseRows(false);
    } catch (error) {
      // A quote inside a field that is not quoted is text (Excel's `="19326203"`, which keeps a number's zeros): read
      // again with such quotes allowed. A quoted field whose closing quote is followed by more text is not read that
      // way: its row would swallow the cells after it (checked again below, for a file that has both).
      if (!(error instanceof CsvError && error.code === 'INVALID_OPENING_QUOTE')) throw error;
      rows = parseRows(true);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines) || 1;
      throw new InputError(
        file,
        line,
        error.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? `this is not valid CSV: a quoted field's closing quote is followed by ${/got ("[^"]*"|\S+)/.exec(error.message)?.[1] ?? 'more text'}, not by a separator`
          : `this is not valid CSV: ${error.message.replace(/\s*(?:at|on) line \d+.*$/s, '')}`,
        'quote a field that holds commas, quotes or line breaks, and double the quotes inside it ("")',
      );
    }
    throw error;
  }
  // A database's export may put lines before the header (Embase: the search query): the header is the first row of
  // the first few with a title column.
  const headerAt = Math.max(
    0,
    rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => columnsOf(row.record).has('title')),
  );
  const header = rows[headerAt];
  const body = rows.slice(headerAt + 1);
  const names = (header?.record ?? []).map((name) => name.trim());
  const columns = columnsOf(names);
  if (!columns.has('title')) {
    throw new InputError(
      file,
      1,
      // A header cut inside a quoted name holds line breaks: the message stays one line, and short.
      `the header row has no "title" column (found: ${clip(collapseSpace(names.join(', ')), 120) || 'nothing'})`,
      `name the columns in the first row: ${OWN_COLUMNS.join(', ')}`,
    );
  }
  const warnings: InputWarning[] = [];
  if (headerAt > 0)
    warnings.push({
      file,
      line: 1,
      message: `skipped ${headerAt === 1 ? 'the row' : `the ${headerAt} rows`} before the header row (a database's note on the export)`,
    });
  const records = body.flatMap((row) => {
    const line = row.info.lines - (row.raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
    const cells = (field: Field) => (columns.get(field) ?? []).map((index) => textOrNull(excelText(row.record[index])));
    const cell = (field: Field) => cells(field).find((value) => value !== null) ?? null;
    checkCellCount(row.record, names.length, file, line, delimiter);
    // A row with nothing this reader reads (a tool's section heading between the papers) is no paper.
    if ([...columns.keys()].every((field) => cell(field) === null)) {
      warnings.push({
        file,
        line,
        message: `skipped a row with no title and nothing else to read: "${clip(row.record.join(' ').trim())}"`,
      });
      return [];
    }
    return [recordOf(cell, cells, line, file)];
  });
  return { records, warnings };
}

/**
 * A row whose cells do not line up with the header's is refused rather than read into the wrong fields: more cells
 * than the header (a field holding the delimiter, not quoted), or fewer with a quote inside one (a quoted field that
 * did not end with its quote swallowed the cells after it). Fewer cells and no quote is a row whose empty last cells
 * were left out, as some tools write them.
 */
function checkCellCount(cells: readonly string[], columns: number, file: string, line: number, delimiter: string): void {
  const separator = delimiter === '\t' ? 'tabs' : delimiter === ';' ? 'semicolons' : 'commas';
  if (cells.length > columns && cells.slice(columns).some((cell) => cell.trim() !== '')) {
    throw new InputError(
      file,
      line,
      `this row has ${cells.length} cells where the header has ${columns} columns`,
      `quote a field that holds ${separator} ("…"), so it stays one cell`,
    );
  }
  if (cells.length < columns && cells.some((cell) => cell.includes('"') && !/^="[^"]*"$/.test(cell))) {
    throw new InputError(
      file,
      line,
      `this row has ${cells.length} of the header's ${columns} columns, and a quote inside a cell: a quoted field does not end with its quote`,
      'end a quoted field with its quote, right before the next separator, and double every quote inside it ("")',
    );
  }
}

/** A cell's text, unwrapped from Excel's `="…"` (a formula that keeps a number's leading zeros: CINAHL's ISSNs, dates). */
const excelText = (cell: string | undefined) => /^="(.*)"$/s.exec(cell ?? '')?.[1] ?? cell;

/** How many rows may come before the header. */
const HEADER_SEARCH_ROWS = 10;

/** Which of a header's columns each field is read from ({@link CSV_COLUMN_NAMES}). */
function columnsOf(header: readonly string[]): Map<Field, number[]> {
  const keys = header.map((name) => columnKey(name.trim()));
  const columns = new Map<Field, number[]>();
  for (const [field, accepted] of Object.entries(CSV_COLUMN_NAMES) as Array<[Field, readonly string[]]>) {
    const indexes = accepted.map((name) => keys.indexOf(name)).filter((index) => index >= 0);
    if (indexes.length > 0) columns.set(field, indexes);
  }
  return columns;
}

/**
 * An authors cell's names: separated by semicolons (or OpenAlex's `|`), by BibTeX's ` and `, or by commas — between
 * names written with initials (PubMed, older Scopus and Embase: `Griffin DK, Larkin DM, O'Connor RE.`,
 * `Yang Z., McNamara M.E.`), between families and their initials in turns (`Shinn, N., Cassano, F.`), or between
 * names written "Given Family" (`Noah Shinn, Federico Cassano`, as tables made by hand or by OpenReview write them).
 * A cell of two comma-separated parts is one "Family, Given" name (`Shinn, Noah James`, `van der Berg, Jan`, with
 * `Jr.` after it), unless each part is a name of several words (`Shunyu Yao, Jeffrey Zhao`): then it is two.
 */
function authorList(cell: string): string[] {
  if (/[;|]/.test(cell)) return cell.split(/[;|]/);
  if (/\sand\s/.test(cell)) return cell.split(/\s+and\s+/);
  const names = cell.replace(/(\s\p{Lu}{1,3})\.$/u, '$1').split(/,\s*/);
  if (names.length < 2) return [cell];
  if (names.every((name) => parseNameWithInitials(name, { undotted: true }))) return names;
  if (names.length % 2 === 0 && names.every((name, index) => INITIALS_ONLY.test(name) === (index % 2 === 1))) {
    const written = cell.split(/,\s*/);
    return written.flatMap((name, index) => (index % 2 === 0 ? [`${name}, ${written[index + 1]}`] : []));
  }
  const parts = names.filter((name) => !NAME_SUFFIX.test(name));
  const severalWords = (name: string) => name.trim().split(/\s+/).length > 1;
  const oneName = parts.length === 2 && !(severalWords(parts[0]!) && severalWords(parts[1]!) && !FAMILY_PARTICLE.test(parts[0]!));
  if (oneName || parts.length < 2) return [cell];
  // Names written "Given Family", a suffix kept with the name before it ("Martin King, Jr.").
  return names.reduce<string[]>((list, name) => {
    if (NAME_SUFFIX.test(name) && list.length > 0) list[list.length - 1] += ` ${name}`;
    else list.push(name);
    return list;
  }, []);
}

/** A name's initials alone (`N.`, `J.-P.`, `NJ`): the given part of a "Family, Initials" pair. */
const INITIALS_ONLY = /^\s*(?:\p{Lu}\.?[\s-]?){1,4}\s*$/u;
/** What follows a name after a comma without being a name (`King, Martin, Jr.`). */
const NAME_SUFFIX = /^\s*(?:Jr|Sr|I{2,3}|IV)\.?\s*$/;
/** A family name that starts with a particle (`van der Berg`, `de la Cruz`): several words, and still one family. */
const FAMILY_PARTICLE = /^\s*(?:van|von|de|der|den|del|della|di|da|dos|du|la|le|bin|ibn|al|el|ter|ten)\s/i;

/** One name of an authors cell. */
function personIn(text: string): PersonName | null {
  const literal = /^\s*\{(.+)\}\s*$/.exec(text);
  if (literal) return { given: null, family: literal[1]!.trim() };
  // Scopus's author ids after a full name: "Shinn, Noah (57211111111)".
  const name = text.replace(/\s*\(\d+\)\s*$/, '');
  if (/^\d+\s+authors?$/i.test(name.trim())) return null;
  return parseNameWithInitials(name, { undotted: true }) ?? parsePersonName(name);
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
