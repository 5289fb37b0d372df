/**
 * CSL-JSON, as Zotero, Mendeley, citation.js and pandoc export it: an array of items, `author` as family/given
 * (with particles and suffix) or `literal`, `issued.date-parts` at any precision (numbers or strings), `DOI`, `URL`,
 * `abstract`, `container-title` (a text, or an array of the name and its abbreviations), `keyword` (one
 * comma-separated string in Zotero's export, or an array), `citation-key` (or a BibTeX key in `id`, as pandoc and
 * citation.js write it). One item on its own, as doi.org answers for a DOI, is read as a list of one. Titles, venues
 * and abstracts are rich text (`<i>`, `<span class="nocase">`, Crossref's JATS): their markup is taken out. A list
 * whose items have none of CSL's fields (another site's JSON) is refused rather than read as titles alone.
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
  stripMarkup,
  textOrNull,
} from './record-fields.ts';
import { isCslItem } from './source-formats.ts';
import type { SourceReading } from './source-reader.ts';

type CslItem = Record<string, unknown>;

/** The file's items, in order, each with the line of its opening brace. */
export function readCslJson(text: string, file: string): SourceReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw describeSyntaxError(error as Error, text, file);
  }
  const items = Array.isArray(parsed) ? parsed : isCslItem(parsed) ? [parsed] : null;
  if (!items) {
    throw new InputError(
      file,
      1,
      'expected a CSL-JSON array of items ([{ "title": …, "author": […] }, …]) or one item',
      'export the library as CSL JSON (in Zotero: File → Export Library…, format "CSL JSON")',
    );
  }
  const starts = Array.isArray(parsed) ? itemOffsets(text) : [text.indexOf('{')];
  if (items.length > 0 && !items.some(hasCslField)) throw notCslJson(items[0], file, lineAt(text, starts[0] ?? 0));
  const records = items.map((item, index) => {
    const line = lineAt(text, starts[index] ?? 0);
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new InputError(file, line, 'expected an item (an object with a "title")', 'each element of the array is one paper');
    return recordOf(item as CslItem, line, file);
  });
  return { records, warnings: [] };
}

/**
 * Variables of CSL that other JSON lists of papers do not spell this way, beyond a `title` (and `abstract`, `id`) that
 * they all have: a Hugging Face Daily Papers API answer or a Papers with Code export has none of them. An item of
 * Zotero's, pandoc's or a hand-written one has at least its `type`.
 */
const CSL_FIELDS = [
  'type',
  'author',
  'editor',
  'issued',
  'container-title',
  'DOI',
  'URL',
  'ISBN',
  'ISSN',
  'citation-key',
  'keyword',
  'page',
  'volume',
  'issue',
  'publisher',
];

function hasCslField(item: unknown): boolean {
  return typeof item === 'object' && item !== null && CSL_FIELDS.some((name) => name in item);
}

/**
 * The error for a list of papers that are not CSL items (read as CSL, each would be a title and nothing else), naming
 * what it looks like. The Daily Papers API answer is not read as a format of its own here: the page pasted as text
 * is the Daily Papers input ingest reads.
 */
function notCslJson(first: unknown, file: string, line: number): InputError {
  const item = (typeof first === 'object' && first !== null ? first : {}) as CslItem;
  const fromDailyPapers = typeof item.paper === 'object' && item.paper !== null && 'title' in item.paper;
  const what = fromDailyPapers
    ? 'a Hugging Face Daily Papers API answer (huggingface.co/api/daily_papers)'
    : 'paper_url' in item || 'arxiv_id' in item
      ? 'a Papers with Code export (paper_url, arxiv_id …)'
      : 'a JSON list';
  return new InputError(
    file,
    line,
    `this is ${what}, not CSL-JSON: its items have none of CSL's fields (type, author, issued, DOI, container-title …)`,
    `ingest reads a .json file as CSL-JSON only: export one from Zotero (File → Export Library…, format "CSL JSON")${fromDailyPapers ? '; for Daily Papers, copy the page as text into a .txt file instead' : ''}`,
  );
}

function recordOf(item: CslItem, line: number, file: string): SourceRecord {
  // Some exporters write a text variable as an array (Crossref's `container-title`: the name, then its abbreviation):
  // its first element is the text.
  const text = (name: string) => {
    const value = Array.isArray(item[name]) ? (item[name] as unknown[])[0] : item[name];
    return typeof value === 'string' || typeof value === 'number' ? textOrNull(String(value)) : null;
  };
  const richText = (name: string) => textOrNull(stripMarkup(text(name) ?? ''));
  // Crossref heads a JATS abstract with its own heading (`<jats:title>Abstract</jats:title>`), which is not its text.
  const abstract = textOrNull(stripMarkup((text('abstract') ?? '').replace(/^<jats:title>[^<]*<\/jats:title>/, '')));
  const title = richText('title');
  if (!title) {
    const id = text('id');
    throw new InputError(file, line, `${id ? `item "${id}"` : 'this item'} has no title`, 'give the item a "title", or remove it');
  }
  const doi = normaliseDoi(text('DOI'));
  const urls = httpLinks([text('URL')]);
  const venue = richText('container-title');
  return {
    ...emptyRecord(title, line),
    abstract,
    authors: authorsFrom((Array.isArray(item.author) ? item.author : []).flatMap(personName)),
    date: issuedDate(item.issued),
    dateHasYear: issuedDate(item.issued) !== null,
    doi,
    arxiv: arxivIdIn([doi, ...urls, text('number'), text('note'), venue, text('archive_location')]),
    venue,
    urls,
    // Zotero writes one comma-separated string, others an array of keywords.
    keywords: Array.isArray(item.keyword)
      ? splitKeywords(item.keyword.filter((keyword) => typeof keyword === 'string'))
      : splitKeywords(text('keyword')),
    citationKey: text('citation-key') ?? bibtexKeyIn(text('id')),
  };
}

/**
 * What a BibTeX key looks like: a letter, then letters, digits and `_:-.` (`shinnReflexionLanguageAgents2023`), or
 * `/` as in DBLP's keys (`DBLP:conf/iclr/YaoZYDSN023`) — but no URI (`http://zotero.org/…`, see {@link bibtexKeyIn}).
 */
const BIBTEX_KEY = /^[A-Za-z][\w:./-]*$/;
/**
 * Ids a program makes up for an item that has none, which name nothing a curator would cite by: `item1`, `ITEM-1`
 * (Mendeley, citeproc-js), `temp_id_4825…` (citation.js), a UUID, an 8-character Zotero item key (`GQDTQRWJ`).
 */
const GENERATED_IDS = [/^item[-_]?\d+$/i, /^temp_id_\d+$/, /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/i, /^[2-9A-NP-Z]{8}$/];

/**
 * The citation key pandoc and citation.js write as the item's `id` (they have no `citation-key`); null for an id that
 * is no BibTeX key: Zotero's item URI (`http://zotero.org/users/…/items/ABCD1234`), a number, a generated id.
 */
function bibtexKeyIn(id: string | null): string | null {
  if (id === null || !BIBTEX_KEY.test(id) || id.includes('://')) return null;
  return GENERATED_IDS.some((generated) => generated.test(id)) ? null : id;
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
  const offset = position ? Number(position[1]) : (unexpectedTokenOffset(error.message, text) ?? text.length);
  const line = lineAt(text, offset);
  const problem = error.message
    .replace(/(?: in JSON)? at position \d+.*$/s, '')
    .replace(UNEXPECTED_TOKEN, "Unexpected token '$1'")
    .replace(/^Unexpected end of JSON input$/, 'the file ends before the JSON is complete');
  return new InputError(
    file,
    line,
    `this is not valid JSON: ${problem}`,
    'check the commas, brackets and quotes around this line (the mistake may be at the end of the line before)',
  );
}

/**
 * Where an unexpected token is, which V8 does not say in numbers: it quotes the text around it instead, ten characters
 * either side, marking a cut with `...` (`Unexpected token ']', ..."2023]]}},\n]\n" is not valid JSON`, a trailing
 * comma), or all of a text of 21 characters or fewer.
 */
function unexpectedTokenOffset(message: string, text: string): number | null {
  const quoted = UNEXPECTED_TOKEN.exec(message);
  if (!quoted) return null;
  const [, token, cutBefore, context, cutAfter] = quoted;
  if (cutBefore) {
    const start = text.indexOf(context!);
    return start >= 0 ? start + 10 : null;
  }
  if (cutAfter) return context!.length - 10;
  const at = text.indexOf(token!);
  return at >= 0 ? at : null;
}

const UNEXPECTED_TOKEN = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;
