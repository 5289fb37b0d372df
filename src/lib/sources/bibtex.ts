/**
 * BibTeX and BibLaTeX, as Zotero (and Better BibTeX), JabRef, Google Scholar, DBLP and arXiv write them, read with
 * `@retorquere/bibtex-parser`: `@string` macros (and `jan`…`dec`), `#` concatenation, `@preamble`, `@comment` and
 * text between entries; LaTeX accents and escapes decoded to Unicode; protective braces removed, the title's case
 * kept as written; names split into given and family. This module adds what the parser leaves: each entry's line,
 * Unicode in NFC, dates at their precision, the arXiv id (also from a `volume = {abs/…}` of DBLP's CoRR and Semantic
 * Scholar's ArXiv), links without DBLP's escapes (`paper\_files`), and the parser's problems as `file:line` errors.
 * And it corrects what the parser reads otherwise than BibTeX: a `%` inside a value is a percent sign, not a
 * comment; a command it does not know (`\TeX`, an ADS journal macro) keeps its name rather than vanish; `\url`,
 * `\href` and `\texttt` are text, not HTML; a @proceedings or @book other entries crossref is their venue, not a paper.
 */
import { FieldMode, parse, type Creator, type Entry, type Options } from '@retorquere/bibtex-parser';
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
// Pasted text means the characters themselves: private-use characters stand in for them while the parser runs (each
// on its line, so lines still match), and the parser's own tags are dropped before they are put back. A `%`
// in a field value stands in the same way: the parser reads it as a TeX comment, cutting the rest of the line, but
// BibTeX and biber read it as the character (ACM's abstracts write "improves by 15%" unescaped).
const LESS = '\uE000';
const GREATER = '\uE001';
const PERCENT = '\uE002';
const PARSER_TAG = /<\/?(?:i|b|sup|sub|sc|span|em|strong|tt|u|code)(?:\s[^>]*)?>/g;
const PARSER_BLOCK_TAG = /<\/?(?:p|br|li|ul|blockquote|h\d)>/g;
/** `\url{…}` and `\href{…}{…}` as the parser writes them. */
const PARSER_LINK = /<a href="([^"]*)">([\s\S]*?)<\/a>/g;
/** `\LaTeX` as the parser draws it, with a raised A and a lowered E. */
const PARSER_LATEX_LOGO = 'L\u1d2cT<sub>E</sub>X';
const PARSE_OPTIONS = {
  sentenceCase: false,
  english: false,
  caseProtection: false,
  unsupported: textOfUnknownCommand,
} as const satisfies Options;

/** The file's entries, in order, each with the line of its `@`. Throws an {@link InputError} at the first problem. */
export function readBibtex(text: string, file: string): SourceReading {
  setAside = [];
  try {
    return readEntries(text, file);
  } finally {
    setAside = [];
  }
}

function readEntries(text: string, file: string): SourceReading {
  const prepared = prepareForParser(text);
  const library = parse(prepared, PARSE_OPTIONS);
  const [problem] = library.errors;
  if (problem) throw describeProblem(problem, prepared, file);

  // DBLP's "with crossref" export (and a hand-written file, for the chapters of an edited book) follows the papers
  // with the @proceedings or @book each one crossrefs: the papers inherit its title as their booktitle, so the volume
  // is their venue, not a paper of the survey. A volume no entry points to is kept: listed on its own, it was listed
  // on purpose (a book, a workshop's proceedings read as a whole).
  const byKey = new Map(library.entries.map((entry) => [entry.key.toUpperCase(), entry]));
  const containerOf = (entry: Entry) => {
    const target = entry.fields.crossref?.trim().toUpperCase();
    return target && target !== entry.key.toUpperCase() ? byKey.get(target) : undefined;
  };
  const containers = new Set(library.entries.map(containerOf));
  const records: SourceRecord[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    const at = prepared.indexOf(entry.input, cursor);
    const line = at >= 0 ? lineAt(prepared, at) : lineOfKey(prepared, entry.key);
    if (at >= 0) cursor = at + entry.input.length;
    if (!containers.has(entry)) records.push(recordOf(entry, line, file, containerOf(entry)));
  }
  return { records, warnings: [] };
}

function recordOf(entry: Entry, line: number, file: string, container: Entry | undefined): SourceRecord {
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
  // The parser passes a container's title on as biblatex does (a @proceedings' to an @inproceedings' booktitle), but
  // not a @book's to an @incollection (biblatex wants a @collection there): the book is still where it appeared.
  const containerTitle = typeof container?.fields.title === 'string' ? textOrNull(plainText(container.fields.title)) : null;
  const venue = (journalIsArxiv ? field('booktitle') : null) ?? journal ?? field('booktitle') ?? containerTitle;
  const date = field('date')
    ? parseDateText(field('date'))
    : partialDate(field('year'), monthNumber(field('month')), Number(field('day')) || null);
  return {
    ...emptyRecord(title, line),
    abstract: field('abstract'),
    authors: authorsOf(entry.fields.author ?? []),
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
    // The parser gives keywords as written in LaTeX (`{LLM}s`), in alphabetical order of that LaTeX: each is read
    // as text, and sorted again as read.
    keywords: splitKeywords((entry.fields.keywords ?? []).map(keywordText)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
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

/**
 * An entry's authors. A list ending "and others" (Google Scholar stops at eight names) names some of them: their
 * number is not known, so the site does not say "8 authors" and the export writes "and others" again.
 */
function authorsOf(creators: readonly Creator[]): SourceRecord['authors'] {
  const names = creators.flatMap(personName);
  const truncated = creators.some((creator) => (creator.name ?? creator.lastName) === 'others' && !creator.firstName);
  return truncated && names.length > 0 ? { count: null, names } : authorsFrom(names);
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

/**
 * The file as the parser is to read it, each character on the line it was on: `<` and `>` stand in everywhere; in
 * field values `%` stands in too, and commands the parser would lose are rewritten ({@link valueForParser}). Values
 * are found as the parser's first pass finds them: between entries and between fields a `%` starts a comment, which
 * may hold braces and quotes that open nothing.
 */
function prepareForParser(text: string): string {
  const source = text.replace(/</g, LESS).replace(/>/g, GREATER);
  const parts: string[] = [];
  let at = 0;
  const copyTo = (end: number) => {
    parts.push(source.slice(at, end));
    at = end;
  };
  while (at < source.length) {
    const next = indexOfAny(source, /[@%]/g, at);
    if (next < 0) break;
    copyTo(next);
    if (source[at] === '%') {
      copyTo(endOfLine(source, at));
      continue;
    }
    ENTRY_OPENING.lastIndex = at;
    const [opening = '@', directive = '', brace] = ENTRY_OPENING.exec(source) ?? [];
    copyTo(at + opening.length);
    if (!brace) continue;
    if (directive.toLowerCase() === 'comment') {
      // The parser skips a @comment whole, whatever it holds; one without braces ends with its line.
      const end = brace === '{' ? valueEnd(source, at - 1) : endOfLine(source, at);
      copyTo(end < 0 ? source.length : end);
      continue;
    }
    const close = brace === '{' ? '}' : ')';
    let fieldStart = at;
    let field = '';
    while (at < source.length) {
      const mark = indexOfAny(source, /[%{"=,})]/g, at);
      copyTo(mark < 0 ? source.length : mark);
      const char = source[at];
      if (char === undefined) break;
      if (char === '%') copyTo(endOfLine(source, at));
      else if (char === '{' || char === '"') {
        const end = valueEnd(source, at);
        if (end < 0) copyTo(source.length);
        else {
          parts.push(char, valueForParser(source.slice(at + 1, end - 1), field), source[end - 1]!);
          at = end;
        }
      } else {
        if (char === '=') field = source.slice(fieldStart, at).trim().split(/\s+/).pop()!.toLowerCase();
        copyTo(at + 1);
        if (char === ',') fieldStart = at;
        if (char === close) break;
      }
    }
  }
  copyTo(source.length);
  return parts.join('');
}

/** `@type{` or `@type(`, as the parser's first pass reads it: a directive without a brace opens nothing. */
const ENTRY_OPENING = /@[ \t\r\n]*([\w.:+&;'\\/-]*)[ \t\r\n]*([{(])?/y;

/** The index of the first character `pattern` (global) matches from `from` on, or -1. */
function indexOfAny(text: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/** The index of the line break that ends the line holding `from` (or the text's end). */
function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The index after the value that opens at `at` (`{…}` or `"…"`), found as the parser finds it; -1 if it never ends. */
function valueEnd(text: string, at: number): number {
  const quoted = text[at] === '"';
  let depth = 0;
  for (let index = at + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      if (!quoted && depth === 0) return index + 1;
      depth -= 1;
    } else if (char === '"' && quoted && depth <= 0) return index + 1;
  }
  return -1;
}

/**
 * One field's value as the parser is to read it. `%` stands in (see {@link PERCENT}). In text, outside maths and the
 * fields the parser keeps as written (links, DOIs), commands are rewritten where the parser would lose a word:
 * - after a command that writes a word (`\LaTeX`, `\dots`, one it does not know: see {@link textOfUnknownCommand})
 *   the parser, as TeX does, swallows the space, which in a title was meant between words (`\LaTeX and`): kept;
 * - a command it does not know right before a braced argument (`\acro{LLM}`, `\textsf{…}`) wraps that argument,
 *   which is the text: the command goes, so its name is not glued to the word;
 * - a NASA ADS journal macro (`\apjl`) in a journal field is the journal's name, which AASTeX defines and ADS leaves
 *   to it.
 */
function valueForParser(value: string, field: string): string {
  if (field === 'abstract' && value.length >= SET_ASIDE_FROM && PLAIN_TEXT.test(value)) {
    // The parser reads a value through a LaTeX grammar at some 10 µs a character: an abstract, 16 ms. One with nothing
    // LaTeX would change is set aside and put back as written, its line breaks kept so lines still match: a
    // 10,000-entry library is read in seconds, not minutes.
    const index = setAside.push(value) - 1;
    return `${SET_ASIDE_MARK}${index}${SET_ASIDE_MARK}${'\n'.repeat(value.split('\n').length - 1)}`;
  }
  if (!value.includes('%') && !value.includes('\\')) return value;
  if (FieldMode.verbatim.some((name) => (typeof name === 'string' ? name === field : name.test(field)))) {
    return value.replace(/\\[\s\S]|%/g, (written) => (written === '%' ? PERCENT : written));
  }
  let inMaths = false;
  return value.replace(/\\(?:([A-Za-z]+)|[\s\S])|[%$]/g, (written, name: string | undefined, offset: number) => {
    if (written === '%') return PERCENT;
    if (written === '$') inMaths = !inMaths;
    if (!name || inMaths) return written;
    const after = value.slice(offset + written.length, offset + written.length + 2);
    const spaced = /^\s/.test(after);
    const journal = JOURNAL_FIELDS.has(field) ? ADS_JOURNALS.get(name) : undefined;
    if (journal) return `{${journal.replace(/&/g, '\\&')}}`;
    if (WORD_COMMANDS.has(name)) return spaced ? `${written}{}` : written;
    if (!isUnknownCommand(name)) return written;
    if (after[0] === '{' && after[1] !== '}') return '';
    return spaced && COMMAND_TEXT.get(name) !== '' ? `${written}{}` : written;
  });
}

/** Values set aside while the parser runs (see {@link valueForParser}), by index: filled and emptied by each read. */
let setAside: string[] = [];
const SET_ASIDE_MARK = '\uE003';
const SET_ASIDE = /\uE003(\d+)\uE003\s*/g;
/** Values shorter than this are read by the parser whatever they hold: it reads them in well under a millisecond. */
const SET_ASIDE_FROM = 200;
/**
 * Text the parser would give back as written: no command, group, maths, special character, dash (`--`), tie (`~`) or
 * TeX quote (`` ` ``, `''`). A `%` in it is a percent sign (see {@link PERCENT}).
 */
const PLAIN_TEXT = /^(?!.*(?:--|''))[^\\{}$^_#&~`]*$/s;

/** Commands the parser knows that write a word or a sign between words, after which a space is a word space. */
const WORD_COMMANDS = new Set(['LaTeX', 'dots', 'ldots', 'textellipsis']);
const JOURNAL_FIELDS = new Set(['journal', 'journaltitle']);
const unknownCommands = new Map<string, boolean>();

/** Whether the parser has no text of its own for a command in text (`\TeX`, an author's `\sysname`). */
function isUnknownCommand(name: string): boolean {
  let unknown = unknownCommands.get(name);
  if (unknown === undefined) {
    let asked = false;
    parse(`@misc{command, title = {\\${name}}}`, {
      ...PARSE_OPTIONS,
      unsupported: () => {
        asked = true;
        return '';
      },
    });
    unknown = asked;
    unknownCommands.set(name, unknown);
  }
  return unknown;
}

type LatexNode = Parameters<Exclude<NonNullable<Options['unsupported']>, 'ignore'>>[0];

/**
 * The text of a command the parser does not know. In text, its name (`\TeX`, `\BibTeX`, an author's `\sysname`),
 * or the text {@link COMMAND_TEXT} gives: a word dropped without a trace would change the title, and with it the
 * paper's id. In maths (`$\mathcal{N}$`), nothing: the name of a maths command is no word of the text.
 */
function textOfUnknownCommand(node: LatexNode): string {
  if (node.type !== 'macro' || node._renderInfo?.mode === 'math') return '';
  return COMMAND_TEXT.get(node.content) ?? node.content;
}

/** Layout, spacing and font switches: they change how text looks, and write no text of their own. */
const LAYOUT_COMMANDS = (
  'protect unskip nobreak allowbreak break linebreak nolinebreak newline pagebreak newpage clearpage hfill ' +
  'noindent centering raggedright raggedleft null smallskip medskip bigskip sloppy frenchspacing normalfont ' +
  'normalsize small footnotesize scriptsize tiny large Large LARGE huge Huge bfseries mdseries itshape slshape ' +
  'upshape scshape sffamily ttfamily rmfamily selectfont'
).split(' ');

/** Commands the parser does not know whose text is not their name: logos spelled otherwise; layout writes none. */
const COMMAND_TEXT = new Map([
  ['LaTeXe', 'LaTeX2e'],
  ['AmS', 'AMS'],
  ['AmSTeX', 'AMS-TeX'],
  ['MF', 'Metafont'],
  ['MP', 'MetaPost'],
  ['textquotesingle', "'"],
  ['xspace', ' '],
  ...LAYOUT_COMMANDS.map((name) => [name, ''] as const),
]);

/**
 * The journals of the AASTeX macros (aas_macros.sty) that NASA ADS writes in its BibTeX (`journal = {\apjl}`), and
 * its `\science`: each as the journal's full name, as other sources name it, rather than the abbreviation the macro
 * prints (ApJL), so that the same venue reads the same from every source.
 */
const ADS_JOURNALS = new Map([
  ['aj', 'The Astronomical Journal'],
  ['actaa', 'Acta Astronomica'],
  ['araa', 'Annual Review of Astronomy and Astrophysics'],
  ['apj', 'The Astrophysical Journal'],
  ['apjl', 'The Astrophysical Journal Letters'],
  ['apjs', 'The Astrophysical Journal Supplement Series'],
  ['ao', 'Applied Optics'],
  ['apss', 'Astrophysics and Space Science'],
  ['aap', 'Astronomy & Astrophysics'],
  ['aapr', 'The Astronomy and Astrophysics Review'],
  ['aaps', 'Astronomy and Astrophysics Supplement Series'],
  ['azh', 'Astronomicheskii Zhurnal'],
  ['baas', 'Bulletin of the American Astronomical Society'],
  ['caa', 'Chinese Astronomy and Astrophysics'],
  ['cjaa', 'Chinese Journal of Astronomy and Astrophysics'],
  ['icarus', 'Icarus'],
  ['jcap', 'Journal of Cosmology and Astroparticle Physics'],
  ['jrasc', 'Journal of the Royal Astronomical Society of Canada'],
  ['memras', 'Memoirs of the Royal Astronomical Society'],
  ['mnras', 'Monthly Notices of the Royal Astronomical Society'],
  ['na', 'New Astronomy'],
  ['nar', 'New Astronomy Reviews'],
  ['pra', 'Physical Review A'],
  ['prb', 'Physical Review B'],
  ['prc', 'Physical Review C'],
  ['prd', 'Physical Review D'],
  ['pre', 'Physical Review E'],
  ['prl', 'Physical Review Letters'],
  ['pasa', 'Publications of the Astronomical Society of Australia'],
  ['pasp', 'Publications of the Astronomical Society of the Pacific'],
  ['pasj', 'Publications of the Astronomical Society of Japan'],
  ['psj', 'The Planetary Science Journal'],
  ['qjras', 'Quarterly Journal of the Royal Astronomical Society'],
  ['skytel', 'Sky and Telescope'],
  ['solphys', 'Solar Physics'],
  ['sovast', 'Soviet Astronomy'],
  ['ssr', 'Space Science Reviews'],
  ['zap', 'Zeitschrift für Astrophysik'],
  ['nat', 'Nature'],
  ['science', 'Science'],
  ['iaucirc', 'IAU Circulars'],
  ['aplett', 'Astrophysical Letters'],
  ['gca', 'Geochimica et Cosmochimica Acta'],
  ['grl', 'Geophysical Research Letters'],
  ['jcp', 'The Journal of Chemical Physics'],
  ['jgr', 'Journal of Geophysical Research'],
  ['jqsrt', 'Journal of Quantitative Spectroscopy and Radiative Transfer'],
  ['memsai', 'Memorie della Società Astronomica Italiana'],
  ['nphysa', 'Nuclear Physics A'],
  ['physrep', 'Physics Reports'],
  ['physscr', 'Physica Scripta'],
  ['planss', 'Planetary and Space Science'],
  ['procspie', 'Proceedings of the SPIE'],
]);

/** The parser's text as plain Unicode text: links and logos as text, its markup tags dropped, stand-ins back, NFC. */
function plainText(value: string): string {
  return (
    restoreStandIns(
      value
        .replace(PARSER_LINK, (_link, address: string, words: string) => linkText(address, words))
        .replaceAll(PARSER_LATEX_LOGO, 'LaTeX')
        .replace(PARSER_TAG, '')
        .replace(PARSER_BLOCK_TAG, ' '),
    )
      // A dotless i or j under an accent (`{\'\i}`) is the plain letter under it: í, not ı́.
      .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
      .replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
      .normalize('NFC')
  );
}

/** The characters that stood in for `<`, `>` and `%` while the parser ran, back as themselves. */
function restoreStandIns(text: string): string {
  return text
    .replace(SET_ASIDE, (_mark, index: string) => setAside[Number(index)] ?? '')
    .replaceAll(LESS, '<')
    .replaceAll(GREATER, '>')
    .replaceAll(PERCENT, '%');
}

/**
 * A link in a title or abstract as text: `\url{…}` as its address; `\href{address}{words}` as the words with the
 * address after them in parentheses, so the sentence reads as written and the address is not lost.
 */
function linkText(address: string, words: string): string {
  const link = unescapeLink(address) ?? address;
  const text = words.replace(PARSER_TAG, '').trim();
  return !text || text === address || text === link ? link : `${text} (${link})`;
}

/** A keyword as written in LaTeX (`{LLM}s`, `Schr{\"o}dinger`) as text, read as the parser reads a title. */
function keywordText(latex: string): string {
  return parsedText(latex) ?? plainText(latex.replace(/[{}]/g, ''));
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
const parsedTexts = new Map<string, string | null>();

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
  return parsedText(latex) ?? latex;
}

/** A piece of LaTeX read by the parser as the title of an entry of its own; null when it reads nothing from it. */
function parsedText(latex: string): string | null {
  let text = parsedTexts.get(latex);
  if (text === undefined) {
    const library = parse(`@misc{text, title = {${latex}}}`, PARSE_OPTIONS);
    const title = library.errors.length === 0 ? library.entries[0]?.fields.title : undefined;
    text = title ? plainText(title) : null;
    parsedTexts.set(latex, text);
  }
  return text;
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
  const message = restoreStandIns(problem.error.replace(/ at line \d+, column \d+.*$/s, '').replace(/\s+/g, ' '));
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
