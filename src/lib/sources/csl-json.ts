/**
 * CSL-JSON, as Zotero, Mendeley, citation.js and pandoc export it: an array of items, `author` as family/given
 * (with particles and suffix) or `literal`, `issued.date-parts` at any precision (numbers or strings), `DOI`, `URL`,
 * `abstract`, `container-title`, `keyword` (one comma-separated string in Zotero's export), `citation-key`.
 */
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  collapseSpace,
  emptyRecord,
  httpLinks,
  lineAt,
  normaliseDoi,
  parseDateText,
  partialDate,
  splitKeywords,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

type CslItem = Record<string, unknown>;

/** The file's items, in order, each with the line of its opening brace. */
export function readCslJson(text: string, file: string): SourceReading {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw describeSyntaxError(error as Error, text, file);
  }
  if (!Array.isArray(items)) {
    throw new InputError(
      file,
      1,
      'expected a CSL-JSON array of items ([{ "title": …, "author": […] }, …])',
      'export the library as CSL JSON (in Zotero: File → Export Library…, format "CSL JSON")',
    );
  }
  const starts = itemOffsets(text);
  const records = items.map((item, index) => {
    const line = lineAt(text, starts[index] ?? 0);
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new InputError(file, line, 'expected an item (an object with a "title")', 'each element of the array is one paper');
    return recordOf(item as CslItem, line, file);
  });
  return { records, warnings: [] };
}

function recordOf(item: CslItem, line: number, file: string): SourceRecord {
  const text = (name: string) => (typeof item[name] === 'string' || typeof item[name] === 'number' ? textOrNull(String(item[name])) : null);
  const title = text('title');
  if (!title) {
    const id = text('id');
    throw new InputError(file, line, `${id ? `item "${id}"` : 'this item'} has no title`, 'give the item a "title", or remove it');
  }
  const doi = normaliseDoi(text('DOI'));
  const urls = httpLinks([text('URL')]);
  const venue = text('container-title');
  return {
    ...emptyRecord(title, line),
    abstract: text('abstract'),
    authors: authorsFrom((Array.isArray(item.author) ? item.author : []).flatMap(personName)),
    date: issuedDate(item.issued),
    dateHasYear: issuedDate(item.issued) !== null,
    doi,
    arxiv: arxivIdIn([doi, ...urls, text('number'), text('note'), venue, text('archive_location')]),
    venue,
    urls,
    keywords: splitKeywords(text('keyword')),
    citationKey: text('citation-key'),
  };
}

/** `{ family, given, non-dropping-particle, suffix }` or `{ literal }`; particles and suffix join the family name. */
function personName(value: unknown): PersonName[] {
  if (typeof value !== 'object' || value === null) return [];
  const person = value as Record<string, unknown>;
  const part = (name: string) => (typeof person[name] === 'string' ? collapseSpace(person[name] as string) : '');
  if (part('literal')) return [{ given: null, family: part('literal') }];
  const family = [part('dropping-particle'), part('non-dropping-particle'), part('family'), part('suffix')].filter(Boolean).join(' ');
  const given = part('given');
  if (!family) return given ? [{ given: null, family: given }] : [];
  return [{ given: given || null, family }];
}

/** `{ "date-parts": [[2023, 3, 20]] }` (numbers or strings) at its precision, else `raw` or `literal` text. */
function issuedDate(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const issued = value as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(issued['date-parts']) ? issued['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length > 0) return partialDate(parts[0] as string, Number(parts[1]) || null, Number(parts[2]) || null);
  const written = typeof issued.raw === 'string' ? issued.raw : typeof issued.literal === 'string' ? issued.literal : null;
  return written ? parseDateText(written) : null;
}

/** The offsets of the top-level array's objects: where each item starts, strings skipped. */
function itemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (char === '[' || char === '{') {
      if (depth === 1 && char === '{') offsets.push(i);
      depth += 1;
    } else if (char === ']' || char === '}') depth -= 1;
  }
  return offsets;
}

/** JSON.parse's complaint, at its line, in words a curator can act on. */
function describeSyntaxError(error: Error, text: string, file: string): InputError {
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : text.length;
  const line = lineAt(text, offset);
  const problem = error.message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the file ends before the JSON is complete');
  return new InputError(
    file,
    line,
    `this is not valid JSON: ${problem}`,
    'check the commas, brackets and quotes around this line (the mistake may be at the end of the line before)',
  );
}
