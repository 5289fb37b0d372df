/**
 * An arXiv API response saved to disk: an Atom feed (`export.arxiv.org/api/query?…`), read with fast-xml-parser.
 * Each `<entry>` is a paper: `title` and `summary` with their wrapped white space collapsed, `author/name`,
 * `published` (a day), `arxiv:doi`, `arxiv:journal_ref` (the venue), the `abs` link, and `arxiv:primary_category`
 * (kept as a keyword, such as `cs.CL`). The arXiv id comes from the entry's `<id>`, its version dropped. Titles and
 * summaries are written in LaTeX's way: accents (`Erd\H{o}s`) and dashes (`Yang--Mills`) are decoded, maths (`$…$`)
 * kept as written. The API's answer to a query it cannot run is an error; to one that found nothing, a warning.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceRecord } from '../../schemas/source-record.ts';
import { InputError, type InputWarning } from '../input/input-error.ts';
import { decodeLatexText } from './bibtex.ts';
import {
  arxivIdIn,
  authorsFrom,
  emptyRecord,
  httpLinks,
  lineAt,
  normaliseDoi,
  parseDateText,
  parsePersonName,
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
  return {
    ...emptyRecord(title, line),
    abstract: latexText('summary'),
    authors: authorsFrom(
      ((entry.author as Node[] | undefined) ?? []).flatMap((author) => {
        const name = parsePersonName(textOf(author.name) ?? '');
        return name ? [name] : [];
      }),
    ),
    date: parseDateText(text('published')),
    dateHasYear: parseDateText(text('published')) !== null,
    doi: normaliseDoi(text('arxiv:doi')),
    arxiv: arxivIdIn([id, abs]),
    venue: text('arxiv:journal_ref'),
    urls: httpLinks([abs]),
    keywords: category ? [category] : [],
  };
}

/** An element's text (fast-xml-parser gives a string, or an object with `#text` when it has attributes). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return textOrNull(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return textOrNull(String((value as Node)['#text']));
  return null;
}
