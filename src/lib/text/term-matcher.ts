import { joinsPrevious, splitWords, wordSpans } from './words.ts';

/**
 * How curated terms — theme keywords and facet vocabulary patterns — find their words in a title or an abstract,
 * the same way for both:
 * - a word or phrase matches whole words only (`RL` never matches inside `world`); between the words of a phrase,
 *   one space or hyphen, or none (`SWE-bench`, `SWE bench`, `SWEbench`);
 * - case-insensitive unless written in capitals only (an acronym: `RL`, `GUI`, `MATH500`), so `rl` in prose is
 *   not `RL`;
 * - with `plurals`, a final `s`/`es` is allowed on the last word; a trailing `*` matches any ending of the word
 *   (`verif*`);
 * - `/…/flags` is a regular expression, used as written, for terms that need context (bare "AIME" only next to
 *   other maths benchmarks).
 */

/** A match of one of a set's terms: which term (its index in the set), and where. */
export interface TermMatch {
  term: number;
  start: number;
  end: number;
}

/** A set of terms to compile: theme keywords (with plurals) or one facet vocabulary's patterns. */
export interface TermSetSource {
  terms: readonly string[];
  /** A final `s`/`es` is allowed on the last word. */
  plurals?: boolean;
}

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;

/**
 * The regular expression of a `/…/flags` term (global), or null for a word or phrase. Throws on an invalid
 * expression, with the term in the message: vocabularies are checked with it when they are read.
 */
export function compileRegexTerm(term: string): RegExp | null {
  const regex = REGEX_TERM.exec(term.trim());
  if (!regex) return null;
  try {
    return new RegExp(regex[1]!, `${regex[2]!.replace(/g/g, '')}g`);
  } catch (error) {
    throw new Error(`"${term}" is not a valid regular expression: ${(error as Error).message}`);
  }
}

interface Phrase {
  /** Which set the term belongs to, and its index there. */
  set: number;
  term: number;
  /** Lower-case, or as written for an acronym. */
  words: string[];
  acronym: boolean;
  prefix: boolean;
  plurals: boolean;
}

/** What the sets' terms can make of one word, wherever it occurs. */
interface WordStarts {
  /** Terms of one word that the word matches on its own. */
  whole: Phrase[];
  /** Terms of several words whose first word this is: the following words decide. */
  longer: Phrase[];
}

const NOTHING_STARTS: WordStarts = { whole: [], longer: [] };

/** Compiles one set of terms into a matcher (see {@link compileTermSets}). */
export function compileTermSet(terms: readonly string[], options: { plurals?: boolean } = {}): (text: string) => TermMatch[] {
  const findAll = compileTermSets([{ terms, ...options }]);
  return (text) => findAll(text)[0]!;
}

/**
 * Compiles several term sets into one matcher that walks a text's words once for all of them (a paper's title and
 * abstract are read for the themes and for every facet vocabulary): returns each set's matches, by position.
 * Words and phrases are looked up by their first word; `/…/` terms run as regular expressions.
 */
export function compileTermSets(sets: readonly TermSetSource[], options: { screenWords?: boolean } = {}): (text: string) => TermMatch[][] {
  const { screenWords = true } = options;
  const byFirstWord = new Map<string, Phrase[]>();
  const prefixes: Phrase[] = [];
  const regexes: Array<{ set: number; term: number; pattern: RegExp }> = [];
  sets.forEach(({ terms, plurals = false }, set) =>
    terms.forEach((term, index) => {
      const pattern = compileRegexTerm(term);
      if (pattern) {
        regexes.push({ set, term: index, pattern });
        return;
      }
      const prefix = term.endsWith('*');
      const acronym = /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term);
      const words = splitWords(term.replace(/\*$/, '')).map((word) => (acronym ? word.text : word.lower));
      if (words.length === 0) return;
      // A phrase also matches with its words run together (`SWEbench`).
      const variants = [words, ...(words.length > 1 && !prefix ? [[words.join('')]] : [])];
      for (const variant of variants) {
        const phrase = { set, term: index, words: variant, acronym, prefix, plurals };
        if (prefix && variant.length === 1) {
          prefixes.push(phrase);
          continue;
        }
        const first = variant[0]!.toLowerCase();
        // A one-word term with plurals is also filed under its plural forms, so each word is looked up once.
        for (const key of variant.length === 1 && plurals ? [first, `${first}s`, `${first}es`] : [first]) {
          const list = byFirstWord.get(key);
          if (list) list.push(phrase);
          else byFirstWord.set(key, [phrase]);
        }
      }
    }),
  );

  /** Whether a phrase's last word is this word (as written, and in lower case). */
  const lastWordMatches = (phrase: Phrase, written: string, lower: string): boolean => {
    const text = phrase.acronym ? written : lower;
    const target = phrase.words.at(-1)!;
    if (phrase.prefix) return text.startsWith(target);
    return text === target || (phrase.plurals && (text === `${target}s` || text === `${target}es`));
  };

  const mayStartTerm = screenWords ? compileWordScreen([...byFirstWord.keys()], prefixes) : () => true;

  // Which terms can start at a word depends on the word alone, and a survey's words repeat from paper to paper:
  // each distinct word is looked up once.
  const startsByWord = new Map<string, WordStarts>();
  const startsAt = (written: string): WordStarts => {
    let starts = startsByWord.get(written);
    if (!starts) {
      const lower = written.toLowerCase();
      const candidates = byFirstWord.get(lower) ?? [];
      const whole = [...candidates.filter((phrase) => phrase.words.length === 1), ...prefixes].filter((phrase) =>
        lastWordMatches(phrase, written, lower),
      );
      const longer = candidates.filter((phrase) => phrase.words.length > 1);
      starts = whole.length + longer.length === 0 ? NOTHING_STARTS : { whole, longer };
      startsByWord.set(written, starts);
    }
    return starts;
  };

  /** Whether a word starting with this character may be the phrase's `k`-th word: false only for ASCII that differs. */
  const firstCharacterMayMatch = (phrase: Phrase, code: number, k: number): boolean => {
    const target = phrase.words[k]!.charCodeAt(0);
    if (code >= 0x80 || target >= 0x80) return true;
    return (phrase.acronym || code < 0x41 || code > 0x5a ? code : code + 0x20) === target;
  };

  /** Whether `phrase` (of several words) matches the words from the `at`-th on (`spans`: see {@link wordSpans}). */
  const phraseMatches = (phrase: Phrase, text: string, spans: readonly number[], at: number): boolean => {
    const n = phrase.words.length;
    if ((at + n) * 2 > spans.length) return false;
    for (let k = 1; k < n; k += 1) if (!joinsPrevious(text, spans[(at + k) * 2 - 1]!, spans[(at + k) * 2]!)) return false;
    // Each word is cut out only when its first character may match: most phrases fail at their second word's.
    for (let k = 1; k < n; k += 1) if (!firstCharacterMayMatch(phrase, text.charCodeAt(spans[(at + k) * 2]!), k)) return false;
    // The first word is the one the phrase was found by, in lower case: only an acronym's case is left to check.
    for (let k = phrase.acronym ? 0 : 1; k < n - 1; k += 1) {
      const written = text.slice(spans[(at + k) * 2]!, spans[(at + k) * 2 + 1]!);
      if ((phrase.acronym ? written : written.toLowerCase()) !== phrase.words[k]) return false;
    }
    const last = text.slice(spans[(at + n - 1) * 2]!, spans[(at + n - 1) * 2 + 1]!);
    return lastWordMatches(phrase, last, last.toLowerCase());
  };

  return function findTerms(text: string): TermMatch[][] {
    // Offsets, not word objects: most words start no term, and are only looked up.
    const spans = wordSpans(text);
    const found: TermMatch[][] = sets.map(() => []);
    for (let at = 0; at * 2 < spans.length; at += 1) {
      const start = spans[at * 2]!;
      const end = spans[at * 2 + 1]!;
      if (!mayStartTerm(text, start, end)) continue;
      const starts = startsAt(text.slice(start, end));
      if (starts === NOTHING_STARTS) continue;
      for (const phrase of starts.whole) found[phrase.set]!.push({ term: phrase.term, start, end });
      for (const phrase of starts.longer) {
        if (phraseMatches(phrase, text, spans, at))
          found[phrase.set]!.push({ term: phrase.term, start, end: spans[(at + phrase.words.length) * 2 - 1]! });
      }
    }
    for (const { set, term, pattern } of regexes) {
      for (const match of text.matchAll(pattern))
        if (match[0].length > 0) found[set]!.push({ term, start: match.index, end: match.index + match[0].length });
    }
    for (const matches of found) if (matches.length > 1) matches.sort((a, b) => a.start - b.start || a.term - b.term);
    return found;
  };
}

/** A word character's place in the screen's tables: digits 0–9, then letters a–z (either case); -1 outside ASCII. */
const screenCode = (code: number): number => (code < 0x3a ? code - 0x30 : code < 0x80 ? (code | 0x20) - 0x61 + 10 : -1);
const SCREEN_CHARACTERS = 36;

/**
 * A quick test of a word, before it is cut out of its text and looked up: whether any term can start at it. Most
 * words of an abstract start none, and this answers for them from three characters — the first two and the last,
 * lower-cased — in a table of the terms' first words (every key of `firstWords`, which are lower case) and
 * prefixes. At 10,000 papers this spares two million strings made and looked up.
 *
 * Only a word whose three characters are ASCII is screened: an ASCII character lower-cases to one ASCII character,
 * so such a word's lower-case form has the same three characters there, in the same places. A word with any other
 * character there (`K` the Kelvin sign lower-cases to `k`, `İ` to two characters) is always looked up.
 */
function compileWordScreen(firstWords: readonly string[], prefixes: ReadonlyArray<{ words: readonly string[] }>) {
  const byThree = new Uint8Array(SCREEN_CHARACTERS ** 3);
  const byTwo = new Uint8Array(SCREEN_CHARACTERS ** 2);
  const byOne = new Uint8Array(SCREEN_CHARACTERS);
  const codes = (word: string, at: number) => screenCode(word.toLowerCase().charCodeAt(at));
  for (const word of firstWords) {
    const [first, second, last] = [codes(word, 0), codes(word, Math.min(1, word.length - 1)), codes(word, word.length - 1)];
    // A character outside ASCII in a term's word is never matched by a word screened here (see above).
    if (first >= 0 && second >= 0 && last >= 0) byThree[(first * SCREEN_CHARACTERS + second) * SCREEN_CHARACTERS + last] = 1;
  }
  for (const { words } of prefixes) {
    const prefix = words[0]!;
    const [first, second] = [codes(prefix, 0), codes(prefix, 1)];
    if (first < 0) continue;
    if (prefix.length === 1) byOne[first] = 1;
    else if (second >= 0) byTwo[first * SCREEN_CHARACTERS + second] = 1;
  }
  return (text: string, start: number, end: number): boolean => {
    const first = screenCode(text.charCodeAt(start));
    const second = screenCode(text.charCodeAt(end - start > 1 ? start + 1 : start));
    const last = screenCode(text.charCodeAt(end - 1));
    if (first < 0 || second < 0 || last < 0) return true;
    return (
      byThree[(first * SCREEN_CHARACTERS + second) * SCREEN_CHARACTERS + last] === 1 ||
      byTwo[first * SCREEN_CHARACTERS + second] === 1 ||
      byOne[first] === 1
    );
  };
}

/** Compiles one term set into a matcher (see {@link compileTermSet}). */
export type TermSetCompiler = (source: TermSetSource) => (text: string) => TermMatch[];

/** Each set on its own. */
export const compileEachTermSet: TermSetCompiler = ({ terms, plurals }) => compileTermSet(terms, { plurals });

/**
 * A compiler whose sets are read together: each set's matcher answers from one walk of the text's words for all of
 * them (see {@link compileTermSets}). Ingest reads every paper's title and abstract for the theme keywords and then
 * for each facet vocabulary; with one walk, the words of a text are visited once instead of six times. A bad
 * `/…/` pattern throws when its set is added; the sets are compiled together when a text is first matched.
 */
export function shareTermSets(): TermSetCompiler {
  const sources: TermSetSource[] = [];
  let findAll: ((text: string) => TermMatch[][]) | undefined;
  // A title and an abstract are asked for in turn, by each set: the last two texts' matches are kept.
  let recent: Array<{ text: string; found: TermMatch[][] }> = [];
  const matchesOf = (text: string): TermMatch[][] => {
    const known = recent.find((entry) => entry.text === text);
    if (known) return known.found;
    findAll ??= compileTermSets(sources);
    const found = findAll(text);
    recent = [{ text, found }, ...recent.slice(0, 1)];
    return found;
  };
  return (source) => {
    for (const term of source.terms) compileRegexTerm(term);
    const set = sources.push(source) - 1;
    findAll = undefined;
    recent = [];
    return (text) => matchesOf(text)[set]!;
  };
}
