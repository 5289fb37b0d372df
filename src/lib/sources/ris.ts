/**
 * RIS, as Zotero, Mendeley, EndNote and most databases export it: records of `TAG  - value` lines from `TY` to
 * `ER`, LF or CRLF (the text arrives with its line ends already normalised). Read line by line here: no RIS library
 * reports where a record that lacks its `ER` starts, and RIS is a flat list of tagged lines.
 */
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { clip, InputError, type InputWarning } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  collapseSpace,
  emptyRecord,
  httpLinks,
  morePreciseDate,
  normaliseDoi,
  parseDateText,
  parseNameWithInitials,
  parsePersonName,
  splitKeywords,
  stripMarkup,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

/** `TI  - A title` (two spaces before the hyphen; some exporters write one, and some leave the value off `ER  -`). */
const TAGGED_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*)|\s*)$/;

/**
 * Tags of which every line is one value: EndNote writes a list's further items on untagged lines after the first
 * (`KW  - article` then `biostratigraphy`, `Colorado`…), where a wrapped abstract's lines are one text.
 */
const LIST_TAGS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'KW', 'UR', 'L1', 'L2', 'L3', 'L4', 'SN', 'AD', 'DB']);

/**
 * Where one `KW` line holds several keywords: `;` (IEEE Xplore) or a comma with no space after it between words
 * (IEEE Computer Society: `Proteins,Linear programming`). A comma and a space is part of one keyword (MeSH's
 * `Models, Biological`), and so is a comma between numbers or single letters (`1,2-Dimethylhydrazine`, `N,N-…`).
 */
const KEYWORD_SEPARATOR = /;|(?<=[\p{L}\p{N})]{2}),(?=[\p{L}\p{N}(]\p{L})/u;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
}

/**
 * The file's records, in order. A record without `ER`, a tag outside a record or one without a title is an error;
 * other lines outside the records (a database's header, Ovid's and Cochrane's record numbers) are skipped with a
 * warning, unless the file has no record at all.
 */
export function readRis(text: string, file: string): SourceReading {
  const records: RisRecord[] = [];
  const skipped: { line: number; text: string }[] = [];
  let current: RisRecord | null = null;
  let last: { tag: string; values: string[] } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/^\uFEFF/, '').trimEnd();
    const tagged = TAGGED_LINE.exec(content);
    if (!tagged) {
      if (content.trim() === '') return;
      if (current && last) continueValue(last, content.trim());
      else skipped.push({ line, text: content.trim() });
      return;
    }
    const [, tag, value = ''] = tagged as unknown as [string, string, string | undefined];
    if (tag === 'TY') {
      if (current) {
        throw new InputError(
          file,
          current.line,
          `the record that starts here has no "ER  -" line before the next "TY  -" (line ${line})`,
          'end each record with a line "ER  - "',
        );
      }
      current = { line, tags: new Map() };
      last = null;
      return;
    }
    if (!current)
      throw new InputError(
        file,
        line,
        `found "${tag}  -" outside a record (no "TY  -" line before it)`,
        /^PMID-/.test(skipped[0]?.text ?? '')
          ? "this is PubMed's own format (MEDLINE, PMID- lines), not RIS: export from PubMed as CSV instead"
          : 'start each record with a line such as "TY  - JOUR"',
      );
    if (tag === 'ER') {
      records.push(current);
      current = null;
      last = null;
      return;
    }
    const values = current.tags.get(tag) ?? [];
    values.push(value.trim());
    current.tags.set(tag, values);
    last = { tag, values };
  });
  if (current) {
    throw new InputError(
      file,
      (current as RisRecord).line,
      'the record that starts here has no "ER  -" line (the file ends inside it)',
      'end each record with a line "ER  - "',
    );
  }
  const [firstSkipped] = skipped;
  if (firstSkipped && records.length === 0)
    throw new InputError(
      file,
      firstSkipped.line,
      `expected a record starting "TY  - ", found "${clip(firstSkipped.text)}"`,
      'is this an RIS file? Each record starts with a TY line and ends with an ER line',
    );
  const warnings: InputWarning[] = firstSkipped
    ? [
        {
          file,
          line: firstSkipped.line,
          message: `skipped ${skipped.length === 1 ? 'a line' : `${skipped.length} lines`} that ${skipped.length === 1 ? 'is' : 'are'} not part of any record (the first: "${clip(firstSkipped.text)}")`,
        },
      ]
    : [];
  return { records: records.map((record) => recordOf(record, file)), warnings };
}

/** An untagged line: the next item of a list tag, or the next line of a text (a wrapped abstract). */
function continueValue(last: { tag: string; values: string[] }, text: string): void {
  if (LIST_TAGS.has(last.tag)) last.values.push(text);
  else last.values[last.values.length - 1] = `${last.values.at(-1)} ${text}`;
}

function recordOf(record: RisRecord, file: string): SourceRecord {
  /** The first value of the first of `tags` that has one, read by `read` (its white space collapsed). */
  const first = (tags: readonly string[], read: (value: string) => string | null = textOrNull) => {
    for (const tag of tags) {
      for (const value of record.tags.get(tag) ?? []) {
        const text = read(value);
        if (text) return text;
      }
    }
    return null;
  };
  // Web of Science writes inline markup in titles and abstracts (`<i>Kulindadromeus zabaikalicus</i>`).
  const textWithoutMarkup = (...tags: string[]) => first(tags, (value) => textOrNull(stripMarkup(value)));
  const all = (...tags: string[]) => tags.flatMap((tag) => record.tags.get(tag) ?? []);
  const title = textWithoutMarkup('TI', 'T1', 'CT');
  if (!title)
    throw new InputError(
      file,
      record.line,
      'the record that starts here has no title (no TI or T1 line)',
      'add a line "TI  - <title>" to it, or remove the record',
    );
  const doi = normaliseDoi(first(['DO']));
  // RefWorks and EPPI-Reviewer write a record's links on one line, a space between them.
  const urls = httpLinks(all('UR', 'L2').flatMap((value) => value.split(/\s+/)));
  // The journal's full name before its abbreviations: Embase writes both `JF  - Nature Communications` and
  // `JO  - Nat. Commun.`, Wiley `JO` and `JA`, Zotero and Scopus `T2` and `J2`; Mendeley writes `JO` alone, in full.
  const venue = textWithoutMarkup('T2', 'JF', 'JO', 'JA', 'J2', 'J1', 'BT');
  const date = recordDate((tag) => first([tag]));
  return {
    ...emptyRecord(title, record.line),
    abstract: textWithoutMarkup('AB', 'N2'),
    authors: authorsFrom(all('AU', 'A1').flatMap(personName)),
    date,
    dateHasYear: date !== null,
    doi,
    arxiv: arxivIdIn([doi, ...urls, venue, first(['N1'])]),
    venue,
    urls,
    keywords: splitKeywords(all('KW').flatMap((keyword) => keyword.split(KEYWORD_SEPARATOR))),
    citationKey: first(['ID'], citationKeyIn),
  };
}

/**
 * The citation key Mendeley and Reference Manager write as `ID  - Shinn2023`: a BibTeX key, with a lower-case letter.
 * Others write a record number or a database's accession number in `ID` (EndNote's `889`, Ovid's ERIC `EJ389705`),
 * which names nothing a curator would cite by.
 */
function citationKeyIn(value: string): string | null {
  const key = collapseSpace(value);
  return /^[A-Za-z][\w:./-]*$/.test(key) && /\p{Ll}/u.test(key) ? key : null;
}

/**
 * The most precise of the dates `PY`, `Y1` and `DA` give, in the year the first of them gives: Web of Science writes
 * `PY  - 2010` and `DA  - SEP 22` (a day without its year, read in PY's), IEEE Xplore `PY  - 2024` and
 * `Y1  - 13-17 May 2024`. A day in another year is another date (online before the issue), not a more precise one.
 */
function recordDate(textOf: (tag: string) => string | null): string | null {
  const dates = ['PY', 'Y1', 'DA'].map((tag) => parseDateText(textOf(tag)));
  const year = dates.find((date) => date !== null)?.slice(0, 4);
  if (!year) return null;
  const dayWithoutYear = textOf('DA');
  if (dates[2] === null && dayWithoutYear) dates.push(parseDateText(`${dayWithoutYear} ${year}`));
  return dates.filter((date) => date?.startsWith(year)).reduce(morePreciseDate, null);
}

/**
 * RIS writes a person as "Family, Given" (or "Family, Given, Suffix"); IEEE Xplore writes "N. Shinn". Another name
 * without a comma is an organisation's: initials without full stops (EPPI-Reviewer's `Brownstein C D`) are not read
 * as a person's, since an organisation's name can look the same (`Meta AI`).
 */
function personName(value: string): PersonName[] {
  const name = collapseSpace(value);
  if (!name) return [];
  if (name.includes(',')) return [parsePersonName(name)!];
  return [parseNameWithInitials(name) ?? { given: null, family: name }];
}
