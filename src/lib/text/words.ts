/**
 * The survey's one reading of text. A word is a run of letters and digits (`[\p{L}\p{N}]+`), everywhere: the theme
 * keywords and facet vocabularies match words (see term-matcher.ts), the TF-IDF similarity weighs terms (tf-idf.ts),
 * and the portable copy's search indexes and queries terms (search/portable-search.ts), so what ingest calls a word
 * is what a reader's query finds.
 */

/** A word of a text as written, with where it is. */
export interface TextWord {
  /** The word as written. */
  text: string;
  /** Its lower-case form. */
  lower: string;
  /** Offsets in the text: [start, end). */
  start: number;
  end: number;
  /** Whether it follows the previous word across exactly one space, hyphen or no-break space (a phrase may span it). */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const JOINERS = new Set([' ', '-', '\u00a0']);

/** The words of a text, in order, with their offsets (see {@link TextWord}). */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const joined = previousEnd >= 0 && start - previousEnd === 1 && JOINERS.has(text[previousEnd]!);
    words.push({ text: match[0], lower: match[0].toLowerCase(), start, end, joined });
    previousEnd = end;
  }
  return words;
}

/** Words too common to search for or to weigh: they are left out of every term list. */
const STOP_WORDS = new Set('a an and are as at be by for from has have in is it its of on or that the this to was were with we our via'.split(' '));

/** Words whose final `s` or `ies` is not a plural. */
const NOT_PLURAL = new Set(['series', 'species', 'analysis', 'thesis', 'hypothesis', 'synthesis', 'basis']);

/**
 * A text's terms: its words lower-cased, accents folded (`naïve` → `naive`), stop words dropped and plurals folded
 * (`models` → `model`, `studies` → `study`). Ingest weighs these terms and the portable search indexes and queries
 * them, so both read a text alike.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // Plain ASCII text, most of any listing, has no accents to fold.
  const folded = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
  return (folded.match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word)).map(foldPlural);
}

/**
 * The singular of a plural English word, by its ending alone. Deliberately small: a stemmer (Porter, Snowball) would
 * also join `reasoning` with `reason` and `agentic` with `agent`, which in this field are different things to look for.
 */
function foldPlural(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}
