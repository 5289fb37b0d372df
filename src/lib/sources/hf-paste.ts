import type { Organization } from '../../schemas/source-record.ts';
import type { SourceRecord } from '../../schemas/source-record.ts';
import { emptyRecord } from './record-fields.ts';
import { clip, InputError, type InputWarning } from '../input/input-error.ts';
import { parseDateLine, resolveListingDate, type ListingDate } from './listing-date.ts';

export interface ParsedListing {
  papers: SourceRecord[];
  warnings: InputWarning[];
}

/** Page text that the aggregator's search page puts before the first paper. Compared case-insensitively. */
const PAGE_CHROME = new Set(
  ['new', 'get trending papers in your email inbox!', 'subscribe', 'daily papers', 'byak and the research community'].map((s) =>
    s.toLowerCase(),
  ),
);
/**
 * Text longer than any chrome is not lower-cased to be looked up: every paragraph is asked, abstracts included
 * (at 10,000 papers, 15 MB lower-cased for nothing, 80 ms of the ingest).
 */
const PAGE_CHROME_LONGEST = Math.max(...[...PAGE_CHROME].map((chrome) => chrome.length));

const AUTHORS_LINE = /^•\s*(\d+)\s+authors?$/i;
const SEPARATOR_LINE = /^[·•]$/;
// `handle Display Name`: one token, then what to show. Short, with no sentence punctuation at the end.
const ORGANIZATION_LINE = /^(\S{1,64})(?:\s+(.{1,80}))?(?<![.!?:;,])$/;
/** A title is one line of at most this many characters; an abstract is longer or spans several lines. */
const TITLE_MAX_LENGTH = 300;

/**
 * Exports that databases and reference managers save as `.txt`, told by how they begin (their first two lines of
 * text, tabs read as spaces). Read as a paste, their tag lines would make papers titled "FN Clarivate Analytics Web of
 * Science" or "PMID- 37000001" without a word; no paste begins like any of them.
 */
const OTHER_TEXT_FORMATS: readonly { looksLike: (first: string, second: string) => boolean; what: string; fix: string }[] = [
  {
    // "FN Clarivate Analytics Web of Science" (or "FN Thomson Reuters Web of Science™"), then "VR 1.0".
    looksLike: (first, second) => /^FN\s/.test(first) && /^VR\s/.test(second),
    what: 'a Web of Science "Plain Text File" export (tagged lines FN, PT, AU, TI …)',
    fix: 'in Web of Science, export the records as "RIS (other reference software)" (a .ris file) or "BibTeX" (a .bib file) instead',
  },
  {
    // The header row of a tab-separated table whose columns are named by WoS's two-letter tags: "PT AU BA … TI SO …".
    looksLike: (first) => /^PT(?:\s+[A-Z][A-Z0-9])+$/.test(first) && /\sTI(?:\s|$)/.test(first),
    what: 'a Web of Science "Tab Delimited File" export (a header row of tags PT, AU, TI …)',
    fix: 'in Web of Science, export the records as "RIS (other reference software)" (a .ris file) or "BibTeX" (a .bib file) instead',
  },
  {
    // PubMed's "PubMed" format (MEDLINE tags, as in a .nbib file): each record starts "PMID- 37000001".
    looksLike: (first) => /^PMID-\s*\d+$/.test(first),
    what: 'a PubMed export in its "PubMed" (MEDLINE) format (tagged lines PMID, TI, FAU …)',
    fix: 'in PubMed, use Save with Format "CSV" and put the .csv file in the listings folder',
  },
  {
    looksLike: (first) => /^TY\s{1,2}-\s+\S/.test(first),
    what: 'an RIS export (tagged lines TY, TI, AU … ER)',
    fix: 'rename the file to end in .ris',
  },
  {
    looksLike: (first) => /^@[a-z]+\s*[{(]/i.test(first),
    what: 'a BibTeX export (@article{…} entries)',
    fix: 'rename the file to end in .bib',
  },
];

interface Paragraph {
  /** The paragraph's lines, trimmed. */
  lines: string[];
  /** 1-based line of its first line. */
  line: number;
}

type Token =
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'metadata'; line: number; authorCount: number | null; organization: Organization | null; date: ListingDate; dateLine: number };

/**
 * Parses a listing pasted from the aggregator's search page (see README, "The listing format").
 * Throws an {@link InputError} naming the line for anything it cannot place; returns warnings for what it skipped.
 */
export function parseListing(lines: readonly string[], options: { file: string; captured: string }): ParsedListing {
  const { file, captured } = options;
  refuseOtherTextFormats(lines, file);
  const tokens = tokenize(lines, file);
  const warnings: InputWarning[] = [];
  const papers: SourceRecord[] = [];
  let pending: Paragraph[] = [];

  const flush = (metadata: Extract<Token, { kind: 'metadata' }> | null) => {
    const segment = pending;
    pending = [];
    const started = papers.length > 0;
    const found = splitSegment(segment, { file, started, warnings });
    if (metadata) {
      const last = found.at(-1);
      if (!last) {
        throw new InputError(
          file,
          metadata.line,
          'found a metadata block (authors or organisation, "·", date) with no paper title and abstract before it',
          'each metadata block must follow a title line and its abstract; add the missing paper or delete the block',
        );
      }
      const date = resolveListingDate(metadata.date, captured);
      if (date === null) {
        throw new InputError(
          file,
          metadata.dateLine,
          `the date does not exist in ${metadata.date.year ?? captured.slice(0, 4)}`,
          'correct the day',
        );
      }
      Object.assign(last, {
        authors: { count: metadata.authorCount, names: [] },
        organization: metadata.organization,
        date,
        dateHasYear: metadata.date.year !== null,
        upvotes: metadata.date.upvotes,
      });
    }
    papers.push(...found);
  };

  for (const token of tokens) {
    if (token.kind === 'paragraph') pending.push(token.paragraph);
    else flush(token);
  }
  flush(null);

  if (papers.length === 0) {
    throw new InputError(
      file,
      Math.max(1, lines.length === 1 && lines[0] === '' ? 1 : lines.length),
      'found no papers in this listing',
      'paste the search results as text: a title line, its abstract, then "• N authors", "·" and a date such as "Sep 24"',
    );
  }
  return { papers, warnings };
}

/**
 * Refuses a database's export saved as `.txt` ({@link OTHER_TEXT_FORMATS}) at its first line of text, naming what it
 * is: the RIS reader does the same for PubMed's format saved as `.ris`. A BibTeX file's leading `%` comments are
 * skipped to find its first entry.
 */
function refuseOtherTextFormats(lines: readonly string[], file: string): void {
  const firstAt = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('%'));
  if (firstAt < 0) return;
  let secondAt = firstAt + 1;
  while (secondAt < lines.length && lines[secondAt]!.trim() === '') secondAt += 1;
  const [first, second] = [lines[firstAt]!.trim(), lines[secondAt]?.trim() ?? ''];
  const format = OTHER_TEXT_FORMATS.find((candidate) => candidate.looksLike(first, second));
  if (format) throw new InputError(file, firstAt + 1, `this is ${format.what}, not a Hugging Face Daily Papers paste`, format.fix);
}

/** Reads lines into paragraphs of text and metadata blocks, checking each block's shape. */
function tokenize(lines: readonly string[], file: string): Token[] {
  const tokens: Token[] = [];
  let paragraph: Paragraph | null = null;
  const endParagraph = () => {
    if (paragraph) tokens.push({ kind: 'paragraph', paragraph });
    paragraph = null;
  };
  const nextNonBlank = (from: number) => {
    let index = from;
    while (index < lines.length && lines[index]!.trim() === '') index += 1;
    return index;
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '') {
      endParagraph();
      continue;
    }
    const authors = AUTHORS_LINE.exec(line);
    const separatorAt = nextNonBlank(index + 1);
    const startsOrganizationBlock =
      !authors && separatorAt < lines.length && SEPARATOR_LINE.test(lines[separatorAt]!.trim()) && ORGANIZATION_LINE.test(line);
    if (authors || startsOrganizationBlock) {
      endParagraph();
      if (!SEPARATOR_LINE.test(lines[separatorAt]?.trim() ?? '')) {
        throw new InputError(
          file,
          separatorAt + 1,
          `expected a line "·" after "${line}"`,
          'the metadata block is "• N authors" (or an organisation), "·", then the date',
        );
      }
      const dateAt = nextNonBlank(separatorAt + 1);
      const dateText = lines[dateAt]?.trim() ?? '';
      const date = parseDateLine(dateText);
      if (!date) {
        throw new InputError(
          file,
          Math.min(dateAt, lines.length - 1) + 1,
          `expected a date such as "Sep 24", "Oct 12, 2023" or "Jun 21, 2024 1" after "·", found ${dateText ? `"${clip(dateText)}"` : 'the end of the file'}`,
          'complete the metadata block or delete it',
        );
      }
      const organizationMatch = startsOrganizationBlock ? ORGANIZATION_LINE.exec(line) : null;
      tokens.push({
        kind: 'metadata',
        line: index + 1,
        authorCount: authors ? Number(authors[1]) : null,
        organization: organizationMatch
          ? { handle: organizationMatch[1]!, name: (organizationMatch[2] ?? organizationMatch[1]!).trim() }
          : null,
        date,
        dateLine: dateAt + 1,
      });
      index = dateAt;
      continue;
    }
    if (SEPARATOR_LINE.test(line)) {
      throw new InputError(
        file,
        index + 1,
        'found a "·" line with no authors or organisation line before it',
        'the metadata block is "• N authors" (or an organisation), "·", then the date',
      );
    }
    if (parseDateLine(line)) {
      // A bare date heads the page ("Oct 31"); it is page chrome, not part of a paper.
      endParagraph();
      tokens.push({ kind: 'paragraph', paragraph: { lines: [line], line: index + 1 } });
      endParagraph();
      continue;
    }
    if (paragraph) (paragraph as Paragraph).lines.push(line);
    else paragraph = { lines: [line], line: index + 1 };
  }
  endParagraph();
  return tokens;
}

function textOf(paragraph: Paragraph): string {
  return paragraph.lines.join(' ');
}

/**
 * Whether a line reads as a title rather than prose: short, and neither ending with a full stop nor holding a
 * sentence break ("… results. We …"). Titles may hold "?" or "!" ("Can Language Models Falsify? Evaluating …").
 */
function isTitleLine(line: string): boolean {
  return line.length <= TITLE_MAX_LENGTH && !/\.$/.test(line) && !/[a-z0-9)\]]\.\s+[A-Z]/.test(line) && parseDateLine(line) === null;
}

function isTitleLike(paragraph: Paragraph): boolean {
  return paragraph.lines.length === 1 && isTitleLine(paragraph.lines[0]!);
}

/**
 * A title pasted with its wrapped abstract right under it, with no blank line between: the first line reads as a
 * title, and the next starts a sentence (a capital), where a wrapped line of prose would go on mid-sentence.
 */
function startsWithTitle(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.lines;
  return first !== undefined && second !== undefined && isTitleLine(first) && !/[,;:-]$/.test(first) && /^[A-Z]/.test(second);
}

function isChrome(paragraph: Paragraph): boolean {
  const text = textOf(paragraph);
  return (
    (text.length <= PAGE_CHROME_LONGEST && PAGE_CHROME.has(text.toLowerCase())) ||
    (paragraph.lines.length === 1 && parseDateLine(text) !== null)
  );
}

/**
 * Splits the paragraphs between two metadata blocks into papers: a title, then its abstract. Several papers
 * appear between two blocks when some have no metadata. Before the first paper, page chrome is skipped.
 */
function splitSegment(
  segment: readonly Paragraph[],
  context: { file: string; started: boolean; warnings: InputWarning[] },
): SourceRecord[] {
  const { file, warnings } = context;
  const papers: SourceRecord[] = [];
  let index = 0;
  if (!context.started) {
    // Skip what precedes the first title that is followed by an abstract.
    while (index < segment.length) {
      const paragraph = segment[index]!;
      const next = segment[index + 1];
      if (isChrome(paragraph)) {
        index += 1;
        continue;
      }
      if (startsWithTitle(paragraph) || (isTitleLike(paragraph) && next && !isTitleLike(next))) break;
      if (isTitleLike(paragraph) && next) {
        warnings.push({ file, line: paragraph.line, message: `skipped "${clip(textOf(paragraph))}": page text before the first paper` });
        index += 1;
        continue;
      }
      break;
    }
  }
  let current: (SourceRecord & { abstractParts: string[] }) | null = null;
  for (; index < segment.length; index += 1) {
    const paragraph = segment[index]!;
    if (context.started || papers.length > 0 || current) {
      if (isChrome(paragraph) && parseDateLine(textOf(paragraph))) {
        throw new InputError(
          file,
          paragraph.line,
          `found a date "${textOf(paragraph)}" outside a metadata block`,
          'a date belongs after "• N authors" and "·"; delete the line or complete the block',
        );
      }
    }
    const titleWithAbstract = startsWithTitle(paragraph);
    const startsPaper =
      !current || (current.abstractParts.length > 0 && (titleWithAbstract || (isTitleLike(paragraph) && index + 1 < segment.length)));
    if (startsPaper) {
      if (current) papers.push(finish(current));
      if (!isTitleLike(paragraph) && !titleWithAbstract) {
        const text = textOf(paragraph);
        throw new InputError(
          file,
          paragraph.line,
          `expected a paper title, found ${paragraph.lines.length > 1 ? `${paragraph.lines.length} lines of prose` : `a line of prose (${text.length} characters)`} starting "${clip(text)}"`,
          'is the title of this paper missing? Each paper starts with its title on a line of its own',
        );
      }
      current = {
        ...emptyRecord(paragraph.lines[0]!, paragraph.line),
        abstractParts: titleWithAbstract ? [paragraph.lines.slice(1).join(' ')] : [],
      };
      continue;
    }
    current!.abstractParts.push(textOf(paragraph));
  }
  if (current) papers.push(finish(current));
  for (const paper of papers) {
    if (!paper.abstract) {
      throw new InputError(file, paper.line, `the paper "${clip(paper.title)}" has no abstract`, 'paste the abstract after the title line');
    }
  }
  return papers;

  function finish(paper: SourceRecord & { abstractParts: string[] }): SourceRecord {
    const { abstractParts, ...rest } = paper;
    return { ...rest, abstract: abstractParts.join(' ') };
  }
}
