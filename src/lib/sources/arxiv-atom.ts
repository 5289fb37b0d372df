/**
 * An arXiv Atom feed saved to disk, read with fast-xml-parser: an API response (`export.arxiv.org/api/query?…`) or
 * the daily announcement feed (`rss.arxiv.org/atom/<category>`). Each `<entry>` is a paper: `title` and `summary` with
 * their wrapped white space collapsed, the authors (the API's `author/name`, the announcement feed's one
 * comma-separated `dc:creator`), `published` (a day), the DOI (`arxiv:doi`, `arxiv:DOI`), the venue
 * (`arxiv:journal_ref`, `arxiv:journal_reference`), the `abs` link, and `arxiv:primary_category` (kept as a keyword,
 * such as `cs.CL`). The arXiv id comes from the entry's `<id>` (`…/abs/2303.11366v4`, `oai:arXiv.org:2303.11366v4`),
 * its version dropped. Titles, summaries and names are written in LaTeX's way: accents (`Erd\H{o}s`) and dashes
 * (`Yang--Mills`) are decoded, maths (`$…$`) kept as written. The API's answer to a query it cannot run is an error;
 * a feed with no entries, a warning.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError, type InputWarning } from '../input/input-error.ts';
import { decodeLatexText } from './bibtex.ts';
import {
  arxivIdIn,
  authorsFrom,
  emptyRecord,
  httpLinks,
  lineAt,
  normaliseDoi,
  normaliseArxivId,
  parseDateText,
  parsePersonName,
  partialDate,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // `&#233;` in a summary is é.
  htmlEntities: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  // Titles and summaries are text; ids such as 2401.07712 must not become numbers.
  parseTagValue: false,
});

type Node = Record<string, unknown>;

/** The feed's entries, in order, each with the line of its `<entry>`. Malformed XML is an error at its line. */
export function readArxivAtom(text: string, file: string): SourceReading {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new InputError(
      file,
      valid.err.line,
      `this is not well-formed XML: ${valid.err.msg.replace(/\.$/, '')}`,
      'save the API response again, or correct the tag on this line',
    );
  }
  const feed = (parser.parse(text) as { feed?: Node }).feed;
  if (!feed)
    throw new InputError(
      file,
      1,
      'expected an Atom feed (<feed xmlns="http://www.w3.org/2005/Atom">) as the arXiv API returns it',
      'save the response of an arXiv API query (export.arxiv.org/api/query?search_query=…) as it comes',
    );
  const entries = (feed.entry as Node[] | undefined) ?? [];
  const starts = [...text.matchAll(/<entry[\s>]/g)].map((match) => match.index);
  const records = entries.map((entry, index) => recordOf(entry, lineAt(text, starts[index] ?? 0), file));
  return { records, warnings: records.length === 0 ? [emptyResponseWarning(feed, file)] : [] };
}

/**
 * Why a response holds no entries: its query found nothing, or (with `start` past the last result) found papers that
 * are on earlier pages. Either way the file adds nothing, which a curator would not see without being told.
 */
function emptyResponseWarning(feed: Node, file: string): InputWarning {
  if (/^https?:\/\/rss\.arxiv\.org\//.test(textOf(feed.id) ?? ''))
    return {
      file,
      line: 1,
      message:
        'this arXiv announcement feed holds no papers: arXiv announces none on Saturdays, Sundays and holidays (save the feed on an announcement day, or remove the file)',
    };
  const found = Number(textOf(feed['opensearch:totalResults']) ?? 0);
  const message =
    found > 0
      ? `this arXiv API response holds no papers: its query found ${found}, but this page starts after the last of them (lower "start" in the query and save the response again)`
      : 'this arXiv API response holds no papers: its query found nothing (check the query, or remove the file)';
  return { file, line: 1, message };
}

function recordOf(entry: Node, line: number, file: string): SourceRecord {
  const text = (name: string) => textOf(entry[name]);
  const latexText = (name: string) => {
    const written = text(name);
    return written === null ? null : decodeLatexText(written);
  };
  // The API answers a query it cannot run (a malformed id, an unknown field) with one entry whose id is an error's.
  if (/^https?:\/\/arxiv\.org\/api\/errors\b/.test(text('id') ?? ''))
    throw new InputError(
      file,
      line,
      `this is the arXiv API's answer to a query it could not run: "${text('summary') ?? text('title') ?? 'error'}"`,
      'fix the query (the ids or search terms in the URL) and save the response again',
    );
  const title = latexText('title');
  if (!title)
    throw new InputError(file, line, 'this entry has no title', 'save the API response again; an arXiv entry always has a <title>');
  const links = (entry.link as Node[] | undefined) ?? [];
  const abs = links.find((link) => link['@rel'] === 'alternate')?.['@href'] as string | undefined;
  const id = text('id');
  const category = ((entry['arxiv:primary_category'] as Node | undefined)?.['@term'] as string | undefined) ?? null;
  const summary = text('summary');
  const announcement = ANNOUNCEMENT.exec(summary ?? '');
  const arxiv = arxivIdIn([id, abs]) ?? normaliseArxivId(id?.replace(/^oai:arXiv\.org:/i, '')) ?? normaliseArxivId(announcement?.[1]);
  const date = announcement && /^replace/.test(announcement[2]!) ? arxivIdMonth(arxiv) : parseDateText(text('published'));
  const authorNames = ((entry.author as Node[] | undefined) ?? []).map((author) => textOf(author.name) ?? '');
  return {
    ...emptyRecord(title, line),
    abstract: summary === null ? null : textOrNull(decodeLatexText(summary.slice(announcement?.[0].length ?? 0))),
    authors: authorsFrom(
      (authorNames.length > 0 ? authorNames : creatorNames(text('dc:creator'))).flatMap((name) => {
        const person = authorName(name);
        return person ? [person] : [];
      }),
    ),
    date,
    dateHasYear: date !== null,
    doi: normaliseDoi(text('arxiv:doi') ?? text('arxiv:DOI')),
    arxiv,
    venue: latexText('arxiv:journal_ref') ?? latexText('arxiv:journal_reference'),
    urls: httpLinks([abs]),
    keywords: category ? [category] : [],
  };
}

/**
 * How the announcement feed begins an entry's summary, before the abstract: `arXiv:2403.12345v1 Announce Type: new`,
 * then `Abstract:` on the next line. The type is `new`, `cross` (a new paper listed in another category too),
 * `replace` or `replace-cross` (a new version of an older paper).
 */
const ANNOUNCEMENT = /^arXiv:(\S+)\s+Announce Type:\s*(\S+)\s+Abstract:\s*/;

/**
 * The month an arXiv id was given in (`2303.11366`: March 2023; `hep-th/9711200`: November 1997): the date of a
 * replaced paper in the announcement feed, whose `published` is the day its new version was announced.
 */
function arxivIdMonth(id: string | null): string | null {
  const [, year, month] = /^(\d{2})(\d{2})\.|\/(\d{2})(\d{2})\d{3}$/.exec(id ?? '')?.filter(Boolean) ?? [];
  if (!year) return null;
  // Old-style ids ran from 1991 to March 2007.
  return partialDate(`${Number(year) >= 91 ? 19 : 20}${year}`, Number(month));
}

/**
 * The announcement feed's `dc:creator`, the authors in one text: "Noah Shinn, Federico Cassano" (some lists end
 * "… and Shunyu Yao"). A suffix after a comma ("Martin King, Jr.") stays with its name.
 */
function creatorNames(creators: string | null): string[] {
  const names: string[] = [];
  for (const part of (creators ?? '').split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    if (/^(?:Jr|Sr|II|III|IV)\.?$/.test(part) && names.length > 0) names[names.length - 1] += ` ${part}`;
    else if (part) names.push(part);
  }
  return names;
}

/**
 * Words that make an author an organisation: arXiv lists collaborations among a paper's authors ("The ATLAS
 * Collaboration", "Event Horizon Telescope Collaboration", "Qwen Team").
 */
const ORGANISATION_WORD =
  /\b(?:Collaboration|Consortium|Team|Group|Labs?|Laborator(?:y|ies)|Institute|Project|Initiative|Collective|Alliance|Network|Society|Association|Committee|Council|Foundation|Cent(?:er|re)|University|Observatory)\b/;

/**
 * An author as arXiv writes one, its LaTeX accents decoded (`J\"urgen`): a person's name, "Given Family", or an
 * organisation's, kept whole as the other readers keep one (no given name, the name as the family).
 */
function authorName(written: string): PersonName | null {
  const name = textOrNull(decodeLatexText(written));
  if (name === null) return null;
  return ORGANISATION_WORD.test(name) ? { given: null, family: name } : parsePersonName(name);
}

/** An element's text (fast-xml-parser gives a string, or an object with `#text` when it has attributes). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return textOrNull(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return textOrNull(String((value as Node)['#text']));
  return null;
}
