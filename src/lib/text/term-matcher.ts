import { lexiconSize, lowerIdOf, wordId, wordOf, wordsOf } from './words.ts';

/**
 * Turns a curated search term into a global regular expression, the same way for theme keywords and facet
 * vocabularies:
 * - `/…/flags` is a regular expression, used as written (for terms that need context);
 * - otherwise a word or phrase, matched on whole words only (`RL` never matches inside `world`), where a space or
 *   hyphen matches either (`SWE-bench`, `SWE bench`); case-insensitive unless written in capitals only (an acronym:
 *   `RL`, `GUI`, `MATH500`), so `rl` in prose is not `RL`;
 * - with `plurals`, a final `s`/`es` is allowed; a trailing `*` matches any ending (`verif*`).
 * Throws on an invalid regular expression, with the term in the message.
 */
export function compileTerm(term: string, options: { plurals?: boolean } = {}): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(term.trim());
  if (regex) {
    try {
      return new RegExp(regex[1]!, `${regex[2]!.replace(/g/g, '')}g`);
    } catch (error) {
      throw new Error(`"${term}" is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const wildcard = term.endsWith('*');
  const words = term
    .replace(/\*$/, '')
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const isAcronym = /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term);
  const ending = wildcard ? '[\\p{L}\\p{N}-]*' : options.plurals ? '(?:s|es)?' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]?')}${ending}(?![\\p{L}\\p{N}])`, isAcronym ? 'gu' : 'giu');
}

/** Every match of a compiled term in a text, as [start, end) offsets. */
export function findTerm(text: string, pattern: RegExp): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/** A match of one of a set's terms: which term (its index in the set), and where. */
export interface TermMatch {
  term: number;
  start: number;
  end: number;
}

interface Phrase {
  /** Which set the term belongs to, and its index there. */
  set: number;
  term: number;
  words: string[];
  /** The lexicon ids of `words`, for comparing a text's words by id. */
  wordIds: number[];
  acronym: boolean;
  prefix: boolean;
  plurals: boolean;
}

/** What the sets' terms can make of one word, wherever it occurs. */
interface WordStarts {
  /** One-word terms the word matches on its own. */
  whole: Phrase[];
  /** Terms of several words whose first word this is: the following words decide. */
  longer: Phrase[];
}

/** A set of terms to compile: theme keywords (with plurals) or one facet vocabulary's patterns. */
export interface TermSetSource {
  terms: readonly string[];
  /** A final `s`/`es` is allowed on the last word. */
  plurals?: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NONE: never[] = [];
const NOTHING_STARTS: WordStarts = { whole: NONE, longer: NONE };

/**
 * Compiles many terms into one matcher that reads a text's words once, instead of running one regular expression
 * per term: plain words and phrases are looked up by their first word, `/…/` terms still run as regular
 * expressions. Same meaning as {@link compileTerm}: whole words, a space or hyphen between words (or none),
 * acronyms case-sensitive, optional plurals, trailing `*` for any ending.
 */
export function compileTermSet(terms: readonly string[], options: { plurals?: boolean } = {}): (text: string) => TermMatch[] {
  const findAll = compileTermSets([{ terms, ...options }]);
  return (text) => findAll(text)[0]!;
}

/**
 * Compiles several term sets into one matcher that walks a text's words once for all of them (a paper's title and
 * abstract are read for the themes and for every facet vocabulary): returns each set's matches, as
 * {@link compileTermSet} would find them.
 */
export function compileTermSets(sets: readonly TermSetSource[]): (text: string) => TermMatch[][] {
  const byFirstWord = new Map<string, Phrase[]>();
  const prefixes: Phrase[] = [];
  const regexes: Array<{ set: number; term: number; pattern: RegExp }> = [];
  sets.forEach(({ terms, plurals = false }, set) =>
    terms.forEach((term, index) => {
      if (/^\/(.+)\/([a-z]*)$/s.test(term.trim())) {
        regexes.push({ set, term: index, pattern: compileTerm(term) });
        return;
      }
      const prefix = term.endsWith('*');
      const acronym = /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term);
      const words = (term.replace(/\*$/, '').match(WORD) ?? []).map((word) => (acronym ? word : word.toLowerCase()));
      if (words.length === 0) return;
      const variants = [words, ...(words.length > 1 && !prefix ? [[words.join('')]] : [])];
      for (const variant of variants) {
        const phrase = { set, term: index, words: variant, wordIds: variant.map(wordId), acronym, prefix, plurals };
        if (prefix && variant.length === 1) prefixes.push(phrase);
        else {
          const first = variant[0]!.toLowerCase();
          // A one-word term with plurals is also filed under its plural forms, so each word is looked up once.
          const keys = variant.length === 1 && plurals ? [first, `${first}s`, `${first}es`] : [first];
          for (const key of keys) {
            const list = byFirstWord.get(key);
            if (list) list.push(phrase);
            else byFirstWord.set(key, [phrase]);
          }
        }
      }
    }),
  );

  /** Whether a word (lower-case, and as written) matches the last word of a phrase. */
  const lastWordMatches = (phrase: Phrase, word: string, original: string): boolean => {
    const text = phrase.acronym ? original : word;
    const target = phrase.words[phrase.words.length - 1]!;
    if (phrase.prefix) return text.startsWith(target);
    if (text === target) return true;
    return phrase.plurals && (text === `${target}s` || text === `${target}es`);
  };

  // Which terms can start at a word depends on the word alone, and a survey's words repeat from paper to paper:
  // each distinct word is looked up once (by its lexicon id), not once per occurrence.
  const startsByWord: Array<WordStarts | null> = [];
  const startsAt = (id: number): WordStarts => {
    const known = startsByWord[id];
    if (known) return known;
    // Grown densely, so the cache stays a plain array however the lexicon's ids arrive.
    while (startsByWord.length < lexiconSize()) startsByWord.push(null);
    const original = wordOf(id);
    const lower = wordOf(lowerIdOf(id));
    const candidates = byFirstWord.get(lower) ?? NONE;
    const whole = [
      ...candidates.filter((phrase) => phrase.words.length === 1 && lastWordMatches(phrase, lower, original)),
      ...prefixes.filter((phrase) => lastWordMatches(phrase, lower, original)),
    ];
    const longer = candidates.filter((phrase) => phrase.words.length > 1);
    const starts = whole.length + longer.length === 0 ? NOTHING_STARTS : { whole, longer };
    startsByWord[id] = starts;
    return starts;
  };

  return function findTerms(text: string): TermMatch[][] {
    const { ids, starts, ends, joined } = wordsOf(text);
    const found: TermMatch[][] = sets.map(() => []);
    for (let i = 0; i < ids.length; i += 1) {
      const { whole, longer } = startsAt(ids[i]!);
      for (const phrase of whole) found[phrase.set]!.push({ term: phrase.term, start: starts[i]!, end: ends[i]! });
      for (const phrase of longer) {
        const n = phrase.words.length;
        if (i + n > ids.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k += 1) {
          const id = ids[i + k]!;
          // Words of a phrase may be separated by one space or hyphen only.
          if (k > 0 && !joined[i + k]) ok = false;
          else if (k < n - 1) ok = (phrase.acronym ? id : lowerIdOf(id)) === phrase.wordIds[k];
          else ok = lastWordMatches(phrase, wordOf(lowerIdOf(id)), wordOf(id));
        }
        if (ok) found[phrase.set]!.push({ term: phrase.term, start: starts[i]!, end: ends[i + n - 1]! });
      }
    }
    for (const { set, term, pattern } of regexes) for (const [start, end] of findTerm(text, pattern)) found[set]!.push({ term, start, end });
    for (const matches of found) if (matches.length > 1) matches.sort((a, b) => a.start - b.start || a.term - b.term);
    return found;
  };
}

/** Compiles one term set into a matcher (see {@link compileTermSet}). */
export type TermSetCompiler = (source: TermSetSource) => (text: string) => TermMatch[];

/** Each set on its own. */
export const compileEachTermSet: TermSetCompiler = ({ terms, plurals }) => compileTermSet(terms, { plurals });

/**
 * A compiler whose sets are read together: each set's matcher answers from one walk of the text's words for all of
 * them (see {@link compileTermSets}). Ingest reads every paper's title and abstract for the theme keywords and then
 * for each facet vocabulary; with one walk, the words of a text are visited once instead of six times.
 */
export function shareTermSets(): TermSetCompiler {
  const sources: TermSetSource[] = [];
  let findAll: (text: string) => TermMatch[][] = () => [];
  // The last few texts' matches, compared by identity first: a title and an abstract are asked for in turn.
  const RECENT_LIMIT = 4;
  let recent: Array<{ text: string; found: TermMatch[][] }> = [];
  const matchesOf = (text: string): TermMatch[][] => {
    const known = recent.find((entry) => entry.text === text);
    if (known) return known.found;
    const found = findAll(text);
    recent = [{ text, found }, ...recent.slice(0, RECENT_LIMIT - 1)];
    return found;
  };
  return (source) => {
    const set = sources.push(source) - 1;
    // Compiled again with each set (a few hundred terms, once per ingest), so a bad pattern throws here, at once.
    findAll = compileTermSets(sources);
    recent = [];
    return (text) => matchesOf(text)[set]!;
  };
}
