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

/** A word is a run of these characters: letters and digits. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const JOINERS = new Set([' ', '-', '\u00a0']);

/**
 * Whether each UTF-16 unit outside ASCII is a letter or digit (1) or not (2), learnt as met: 0 is not yet known.
 * Astral characters (a surrogate pair) are asked of the pattern each time; they are rare in a listing.
 */
const BMP_WORD_CHARACTERS = new Uint8Array(0x10000);

/** Whether the character with this code point is a letter or a digit ({@link WORD_CHARACTER}). */
function isWordCharacter(codePoint: number): boolean {
  if (codePoint < 0x80)
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
  if (codePoint > 0xffff) return WORD_CHARACTER.test(String.fromCodePoint(codePoint));
  let known = BMP_WORD_CHARACTERS[codePoint]!;
  if (known === 0) {
    // A lone surrogate is no character, as the pattern (with its `u` flag) reads it.
    known = codePoint < 0xd800 || codePoint > 0xdfff ? (WORD_CHARACTER.test(String.fromCharCode(codePoint)) ? 1 : 2) : 2;
    BMP_WORD_CHARACTERS[codePoint] = known;
  }
  return known === 1;
}

/**
 * Where a text's words are, as flat pairs of offsets: `[start0, end0, start1, end1, …]`, end exclusive. The same
 * words as the pattern `[\p{L}\p{N}]+` (with its `u` flag) finds, read character by character: ingest reads every
 * title and abstract for the keywords, the facets and the similarity, and this is about three times faster than the
 * pattern's matches, with no match objects and no word objects made.
 */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let at = 0; at < text.length; at += 1) {
    let codePoint = text.charCodeAt(at);
    let units = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && at + 1 < text.length) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        units = 2;
      }
    }
    if (isWordCharacter(codePoint)) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      spans.push(start, at);
      start = -1;
    }
    at += units - 1;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/**
 * Whether the word that starts at `start` follows the word before it, which ended at `previousEnd`, across exactly
 * one space, hyphen or no-break space (a phrase may span it; see {@link TextWord.joined}).
 */
export const joinsPrevious = (text: string, previousEnd: number, start: number): boolean =>
  previousEnd >= 0 && start - previousEnd === 1 && JOINERS.has(text[previousEnd]!);

/** The words of a text, in order, with their offsets (see {@link TextWord}). */
export function splitWords(text: string): TextWord[] {
  const spans = wordSpans(text);
  const words: TextWord[] = [];
  for (let index = 0; index < spans.length; index += 2) {
    const start = spans[index]!;
    const end = spans[index + 1]!;
    const word = text.slice(start, end);
    words.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end,
      joined: joinsPrevious(text, index > 0 ? spans[index - 1]! : -1, start),
    });
  }
  return words;
}

/** Words too common to search for or to weigh: they are left out of every term list. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were with we our via'.split(' '),
);

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
  const spans = wordSpans(folded);
  const terms: string[] = [];
  for (let index = 0; index < spans.length; index += 2) {
    const word = folded.slice(spans[index]!, spans[index + 1]!);
    if (!STOP_WORDS.has(word)) terms.push(foldPlural(word));
  }
  return terms;
}

/**
 * The singular of a plural English word, by its ending alone. Deliberately small: a stemmer (Porter, Snowball) would
 * also join `reasoning` with `reason` and `agentic` with `agent`, which in this field are different things to look for.
 */
function foldPlural(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}
