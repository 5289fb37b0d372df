/**
 * BibTeX and BibLaTeX, as Zotero (and Better BibTeX), JabRef, Google Scholar, DBLP and arXiv write them, read with
 * `@retorquere/bibtex-parser`: `@string` macros (and `jan`…`dec`), `#` concatenation, `@preamble`, `@comment` and
 * text between entries; LaTeX accents and escapes decoded to Unicode; protective braces removed, the title's case
 * kept as written; names split into given and family. This module adds what the parser leaves: each entry's line,
 * Unicode in NFC, dates at their precision, the arXiv id (also from a `volume = {abs/…}` of DBLP's CoRR and Semantic
 * Scholar's ArXiv), links without DBLP's escapes (`paper\_files`), and the parser's problems as `file:line` errors.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { InputError } from '../input/input-error.ts';
import {
  arxivIdIn,
  authorsFrom,
  collapseSpace,
  emptyRecord,
  httpLinks,
  lineAt,
  monthNumber,
  normaliseArxivId,
  normaliseDoi,
  parseDateText,
  partialDate,
  splitKeywords,
  textOrNull,
} from './record-fields.ts';
import type { SourceReading } from './source-reader.ts';

// The parser reads `<` and `>` as LaTeX's text-mode glyphs (¡ and ¿), and writes markup (`\emph` → `<i>`) as tags.
// Pasted text means the characters themselves: they stand in for private-use characters of the same length while
// the parser runs (so offsets still match), and the parser's own tags are dropped before they are put back.
const LESS = '\uE000';
const GREATER = '\uE001';
const PARSER_TAG = /<\/?(?:i|b|sup|sub|sc|span|em|strong|tt|u)(?:\s[^>]*)?>/g;
const PARSE_OPTIONS = { sentenceCase: false, english: false, caseProtection: false, unsupported: 'ignore' } as const;

/** The file's entries, in order, each with the line of its `@`. Throws an {@link InputError} at the first problem. */
export function readBibtex(text: string, file: string): SourceReading {
  const guarded = text.replace(/</g, LESS).replace(/>/g, GREATER);
  const library = parse(guarded, PARSE_OPTIONS);
  const [problem] = library.errors;
  if (problem) throw describeProblem(problem, guarded, file);

  const records: SourceRecord[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    const at = guarded.indexOf(entry.input, cursor);
    const line = at >= 0 ? lineAt(guarded, at) : lineOfKey(guarded, entry.key);
    if (at >= 0) cursor = at + entry.input.length;
    records.push(recordOf(entry, line, file));
  }
  return { records, warnings: [] };
}

function recordOf(entry: Entry, line: number, file: string): SourceRecord {
  const field = (name: string): string | null => {
    const value = (entry.fields as Record<string, unknown>)[name];
    return typeof value === 'string' ? textOrNull(plainText(value)) : null;
  };
  const title = field('title');
  if (!title) throw new InputError(file, line, `the entry "${entry.key}" has no title`, 'add a title field to it, or remove the entry');
  const doi = normaliseDoi(unescapeLink(field('doi')));
  const url = unescapeLink(field('url'));
  const eprintIsArxiv = /^arxiv$/i.test(field('archiveprefix') ?? field('eprinttype') ?? '');
  const journal = field('journal') ?? field('journaltitle');
  // DBLP files an arXiv paper under `journal = {CoRR}`, Semantic Scholar under `{ArXiv}`, both with the id as the
  // volume (`abs/2303.11366`); Semantic Scholar adds the conference it appeared at as `booktitle`, the better venue.
  const journalIsArxiv = /^(?:arxiv(?:\.org)?|corr)$/i.test(journal ?? '');
  const venue = (journalIsArxiv ? field('booktitle') : null) ?? journal ?? field('booktitle');
  const date = field('date')
    ? parseDateText(field('date'))
    : partialDate(field('year'), monthNumber(field('month')), Number(field('day')) || null);
  return {
    ...emptyRecord(title, line),
    abstract: field('abstract'),
    authors: authorsFrom((entry.fields.author ?? []).flatMap(personName)),
    date,
    dateHasYear: date !== null,
    doi,
    arxiv:
      (eprintIsArxiv ? normaliseArxivId(field('eprint')) : null) ??
      (journalIsArxiv ? normaliseArxivId(field('volume')?.replace(/^abs\//i, '')) : null) ??
      arxivIdIn([
        doi,
        url,
        field('eprint') && field('primaryclass') ? `arXiv:${field('eprint')}` : null,
        venue,
        field('number'),
        field('note'),
        field('howpublished'),
      ]),
    venue,
    urls: httpLinks([url]),
    // The parser gives keywords in alphabetical order (of their LaTeX): sorted again as read.
    keywords: splitKeywords((entry.fields.keywords ?? []).map(plainText)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    citationKey: entry.key || null,
  };
}

/**
 * A URL or DOI as DBLP and others write it for BibTeX styles without the url package (`paper\_files`, `\%20`), its
 * escapes undone: a backslash is never part of a link. `\~` is left as written: there it is an accent, not an escape.
 */
function unescapeLink(value: string | null): string | null {
  return value === null ? null : value.replace(/\\([_%&#$])/g, '$1');
}

/** A parsed name as given and family; "and others" is not a person. */
function personName(creator: Creator): PersonName[] {
  if (creator.name !== undefined) {
    const literal = collapseSpace(plainText(creator.name));
    return literal && literal !== 'others' ? [{ given: null, family: literal }] : [];
  }
  let family = collapseSpace(
    [creator.prefix, creator.lastName, creator.suffix]
      .filter(Boolean)
      .map((part) => plainText(part!))
      .join(' '),
  );
  let given = collapseSpace(plainText(creator.firstName ?? ''));
  // "Martin King Jr." without commas reads as family "Jr.": the suffix goes after the word before it.
  if (/^(?:jr|sr|ii|iii|iv)\.?$/i.test(family) && given.includes(' ')) {
    const words = given.split(' ');
    family = `${words.pop()} ${family}`;
    given = words.join(' ');
  }
  if (!family) return given ? [{ given: null, family: given }] : [];
  if (family === 'others' && !given) return [];
  return [{ given: given || null, family }];
}

/** The parser's text as plain Unicode text: its markup tags dropped, `<` and `>` back, NFC. */
function plainText(value: string): string {
  return (
    value
      .replace(PARSER_TAG, '')
      .replaceAll(LESS, '<')
      .replaceAll(GREATER, '>')
      // A dotless i or j under an accent (`{\'\i}`) is the plain letter under it: í, not ı́.
      .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
      .replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
      .normalize('NFC')
  );
}

/**
 * LaTeX's text-mode accents and special letters: `\H{o}`, `\"u`, `\'{\i}`, `\c{c}`, `\L`, `\o{}`, `\ss e` (the space
 * after a command's name ends it, as TeX reads it: Straße).
 */
const LATEX_LETTER = String.raw`\\(?:[\x60'^"~=.](?:\{\\?[A-Za-z]\}|[A-Za-z]|\\[ij](?![A-Za-z])(?:\{\}| )?)|[Hcvkbdurt]\{\\?[A-Za-z]\}|(?:ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}| )?)`;
/**
 * In one pass, so that what maths holds is never read as text: an escaped dollar, maths (`$$…$$`, `$…$`), a letter
 * written in LaTeX, alone or in braces (`{\"u}`), or a dash between words or spaces (`Yang--Mills`, `1--10`,
 * `this --- that`). A dash that starts a word (`--verbose`) is left as written.
 */
const LATEX_IN_TEXT = new RegExp(
  String.raw`\\\$|\$\$[\s\S]*?\$\$|\$(?:\\[\s\S]|[^$\\])+\$|(\{${LATEX_LETTER}\}|${LATEX_LETTER})|(?<=[\p{L}\p{N}])-{2,3}(?=[\p{L}\p{N}])|(?<=\s)-{2,3}(?=\s)`,
  'gu',
);
const LATEX_DASHES = new Map([
  ['---', '—'],
  ['--', '–'],
]);
const decodedLetters = new Map<string, string>();

/**
 * Text written in LaTeX's way outside a BibTeX file (an arXiv title or abstract) with its accented letters
 * (`Erd\H{o}s` → Erdős) and dashes (`Yang--Mills` → Yang–Mills) as Unicode. Only these: maths (`$\mathcal{N}=4$`) and
 * every other command stay as written, and so do `%`, `~` and `&`, which are text here though LaTeX reads them as
 * commands. Each letter is read by the parser on its own, as a title of its own, so nothing around it can upset it.
 */
export function decodeLatexText(text: string): string {
  if (!text.includes('\\') && !text.includes('--')) return text;
  return text
    .replace(LATEX_IN_TEXT, (written, letter: string | undefined) =>
      letter ? decodeLetter(letter) : (LATEX_DASHES.get(written) ?? written),
    )
    .normalize('NFC');
}

/** One LaTeX letter (`\H{o}`) as the parser reads it, or as written when it reads nothing. */
function decodeLetter(latex: string): string {
  let decoded = decodedLetters.get(latex);
  if (decoded === undefined) {
    const library = parse(`@misc{letter, title = {${latex}}}`, PARSE_OPTIONS);
    const title = library.errors.length === 0 ? library.entries[0]?.fields.title : undefined;
    decoded = title ? plainText(title) : latex;
    decodedLetters.set(latex, decoded);
  }
  return decoded;
}

/** The parser's first problem, at the line of the entry it is in, as a curator can act on it. */
function describeProblem(problem: { error: string; input?: string }, text: string, file: string): InputError {
  const at = problem.input ? text.indexOf(problem.input) : -1;
  const key = /^@\s*\w+\s*[{(]\s*([^,\s]+)/.exec(problem.input ?? '')?.[1];
  const entry = key ? `the entry "${key}"` : 'this entry';
  const reported = /at line (\d+)/.exec(problem.error);
  const line = at >= 0 ? lineAt(text, at) : reported ? Number(reported[1]) : lineOfMacro(text, problem.error);
  if (/unterminated/i.test(problem.error)) {
    return new InputError(
      file,
      line,
      `${entry} that starts here never closes one of its braces (the file ends inside it)`,
      'close the brace; in field values a literal brace is written \\{ or \\}',
    );
  }
  const macro = /Unresolved @string reference "([^"]+)"/.exec(problem.error);
  if (macro)
    return new InputError(
      file,
      line,
      `"${macro[1]}" is used as a @string macro but never defined`,
      `define it with @string{${macro[1]} = {…}}, or put the value in braces`,
    );
  const message = problem.error.replace(/ at line \d+, column \d+.*$/s, '').replace(/\s+/g, ' ');
  return new InputError(file, line, `${entry} is not valid BibTeX: ${message}`, 'check the braces, quotes and commas of this entry');
}

/** The line of `@type{key`, for an entry the parser rewrote. */
function lineOfKey(text: string, key: string): number {
  const at = text.search(new RegExp(`@\\s*\\w+\\s*[{(]\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`));
  return at >= 0 ? lineAt(text, at) : 1;
}

/** The line where an undefined macro is used. */
function lineOfMacro(text: string, error: string): number {
  const name = /"([^"]+)"/.exec(error)?.[1];
  const at = name ? text.search(new RegExp(`=\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')) : -1;
  return at >= 0 ? lineAt(text, at) : 1;
}
