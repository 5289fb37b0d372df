/**
 * RIS, as Zotero, Mendeley, EndNote and most databases export it: records of `TAG  - value` lines from `TY` to
 * `ER`, LF or CRLF (the text arrives with its line ends already normalised). Read line by line here: no RIS library
 * reports where a record that lacks its `ER` starts, and RIS is a flat list of tagged lines.
 */
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  collapseSpace,
  emptyRecord,
  httpLinks,
  morePreciseDate,
  normaliseDoi,
  parseDateText,
  parsePersonName,
  splitKeywords,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

/** `TI  - A title` (two spaces before the hyphen; some exporters write one, and some leave the value off `ER  -`). */
const TAGGED_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*)|\s*)$/;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
}

/** The file's records, in order. A record without `ER`, a tag outside a record or one without a title is an error. */
export function readRis(text: string, file: string): SourceReading {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let last: { tag: string; values: string[] } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const tagged = TAGGED_LINE.exec(raw.replace(/^\uFEFF/, '').trimEnd());
    if (!tagged) {
      if (raw.trim() === '') return;
      // A line without a tag continues the value before it (a wrapped abstract).
      if (current && last) last.values[last.values.length - 1] = `${last.values.at(-1)} ${raw.trim()}`;
      else
        throw new InputError(
          file,
          line,
          `expected a record starting "TY  - ", found "${clip(raw.trim())}"`,
          'is this an RIS file? Each record starts with a TY line and ends with an ER line',
        );
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
        'start each record with a line such as "TY  - JOUR"',
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
  return { records: records.map((record) => recordOf(record, file)), warnings: [] };
}

function recordOf(record: RisRecord, file: string): SourceRecord {
  const first = (...tags: string[]) => {
    for (const tag of tags) {
      const value = textOrNull(record.tags.get(tag)?.find((item) => item.trim() !== ''));
      if (value) return value;
    }
    return null;
  };
  const all = (...tags: string[]) => tags.flatMap((tag) => record.tags.get(tag) ?? []);
  const title = first('TI', 'T1', 'CT');
  if (!title)
    throw new InputError(
      file,
      record.line,
      'the record that starts here has no title (no TI or T1 line)',
      'add a line "TI  - <title>" to it, or remove the record',
    );
  const doi = normaliseDoi(first('DO'));
  const urls = httpLinks(all('UR', 'L2'));
  const venue = first('T2', 'JO', 'JF', 'JA', 'BT');
  return {
    ...emptyRecord(title, record.line),
    abstract: first('AB', 'N2'),
    authors: authorsFrom(all('AU', 'A1').flatMap(personName)),
    date: morePreciseDate(parseDateText(first('PY', 'Y1')), parseDateText(first('DA'))),
    dateHasYear: Boolean(parseDateText(first('PY', 'Y1')) ?? parseDateText(first('DA'))),
    doi,
    arxiv: arxivIdIn([doi, ...urls, venue, first('N1')]),
    venue,
    urls,
    keywords: splitKeywords(all('KW').flatMap((keyword) => keyword.split(/;/))),
  };
}

/** RIS writes a person as "Family, Given" (or "Family, Given, Suffix"); a name without a comma is an organisation's. */
function personName(value: string): PersonName[] {
  const name = collapseSpace(value);
  if (!name) return [];
  return name.includes(',') ? [parsePersonName(name)!] : [{ given: null, family: name }];
}

function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
