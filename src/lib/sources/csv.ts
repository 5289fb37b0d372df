/**
 * A table of papers as CSV (RFC 4180, read with csv-parse): a header row naming the columns — `title` (required),
 * `authors` (names separated by "; ", each "Given Family" or "Family, Given", a name in braces kept whole as an
 * organisation's), `date`, `doi`, `arxiv`, `url`,
 * `abstract`, `venue`, and optionally `keywords`, `organization`, `upvotes` and `author_count` — then one row per
 * paper. The survey's own `papers.csv` export has these columns, so a survey can be rebuilt from its export.
 * Other columns are ignored; the columns may come in any order.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  emptyRecord,
  httpLinks,
  normaliseArxivId,
  normaliseDoi,
  parseDateText,
  parsePersonName,
  splitKeywords,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

/** The columns this reader understands; a header names them case-insensitively. */
export const CSV_SOURCE_COLUMNS = [
  'title',
  'authors',
  'author_count',
  'date',
  'doi',
  'arxiv',
  'url',
  'abstract',
  'venue',
  'keywords',
  'organization',
  'upvotes',
] as const;
type Column = (typeof CSV_SOURCE_COLUMNS)[number];

interface Row {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The table's rows, in order, each with the line it starts on (a quoted field may span lines). */
export function readCsv(text: string, file: string): SourceReading {
  let rows: Row[];
  try {
    rows = parse(text, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Row[];
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
  const names = (header?.record ?? []).map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const columns = new Map<Column, number>();
  for (const column of CSV_SOURCE_COLUMNS) if (names.includes(column)) columns.set(column, names.indexOf(column));
  if (!columns.has('title')) {
    throw new InputError(
      file,
      1,
      `the header row has no "title" column (found: ${names.join(', ') || 'nothing'})`,
      `name the columns in the first row: title, authors, date, doi, arxiv, url, abstract, venue`,
    );
  }
  const records = body.map((row) => {
    const line = row.info.lines - (row.raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? null : textOrNull(row.record[index]);
    };
    return recordOf(cell, line, file);
  });
  return { records, warnings: [] };
}

function recordOf(cell: (column: Column) => string | null, line: number, file: string): SourceRecord {
  const title = cell('title');
  if (!title) throw new InputError(file, line, 'this row has an empty title', 'give every row a title, or remove the row');
  const doi = normaliseDoi(cell('doi'));
  const urls = httpLinks([cell('url')]);
  const names = (cell('authors') ?? '').split(';').flatMap((name): PersonName[] => {
    const literal = /^\s*\{(.+)\}\s*$/.exec(name);
    if (literal) return [{ given: null, family: literal[1]!.trim() }];
    const person = /^\d+\s+authors?$/i.test(name.trim()) ? null : parsePersonName(name);
    return person ? [person] : [];
  });
  const written = Number(cell('author_count') ?? /^(\d+)\s+authors?$/i.exec(cell('authors') ?? '')?.[1]);
  const upvotes = Number(cell('upvotes'));
  const organization = cell('organization');
  return {
    ...emptyRecord(title, line),
    abstract: cell('abstract'),
    authors: names.length > 0 ? authorsFrom(names) : { count: Number.isInteger(written) && written > 0 ? written : null, names: [] },
    organization: organization ? { handle: organization, name: organization } : null,
    date: parseDateText(cell('date')),
    dateHasYear: parseDateText(cell('date')) !== null,
    doi,
    arxiv: normaliseArxivId(cell('arxiv')) ?? arxivIdIn([doi, ...urls]),
    venue: cell('venue'),
    urls,
    keywords: splitKeywords(cell('keywords')),
    upvotes: cell('upvotes') !== null && Number.isInteger(upvotes) && upvotes >= 0 ? upvotes : null,
  };
}
