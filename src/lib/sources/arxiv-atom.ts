/**
 * An arXiv API response saved to disk: an Atom feed (`export.arxiv.org/api/query?…`), read with fast-xml-parser.
 * Each `<entry>` is a paper: `title` and `summary` with their wrapped white space collapsed, `author/name`,
 * `published` (a day), `arxiv:doi`, `arxiv:journal_ref` (the venue), the `abs` link, and `arxiv:primary_category`
 * (kept as a keyword, such as `cs.CL`). The arXiv id comes from the entry's `<id>`, its version dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
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
  return { records: entries.map((entry, index) => recordOf(entry, lineAt(text, starts[index] ?? 0), file)), warnings: [] };
}

function recordOf(entry: Node, line: number, file: string): SourceRecord {
  const text = (name: string) => textOf(entry[name]);
  const title = text('title');
  if (!title)
    throw new InputError(file, line, 'this entry has no title', 'save the API response again; an arXiv entry always has a <title>');
  const links = (entry.link as Node[] | undefined) ?? [];
  const abs = links.find((link) => link['@rel'] === 'alternate')?.['@href'] as string | undefined;
  const id = text('id');
  const category = ((entry['arxiv:primary_category'] as Node | undefined)?.['@term'] as string | undefined) ?? null;
  return {
    ...emptyRecord(title, line),
    abstract: text('summary'),
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
