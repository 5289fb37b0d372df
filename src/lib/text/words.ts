/**
 * A text's words, as the term matchers and the TF-IDF terms read them. A word is a run of letters and digits
 * (`[\p{L}\p{N}]+`, as everywhere else in the survey). Each distinct word gets a small integer id in one lexicon,
 * so the readers can cache what they know about a word by id instead of looking it up, as a string, once per
 * occurrence. (Ingest's term sets share one walk of each text's words: see `shareTermSets` in term-pattern.ts.)
 */

/** One text's words, in order, as parallel arrays (no object per word: a 10,000-paper survey has millions). */
export interface TextWords {
  /** Each word's lexicon id (of the word as written). */
  ids: Int32Array;
  /** Offsets of each word in the text: [start, end). */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where a word follows the previous one across exactly one space, hyphen or no-break space. */
  joined: Uint8Array;
  /**
   * True when every character outside the words is ASCII or a separator that lower-casing and accent folding
   * leave alone, and every word is ASCII: then lower-casing and folding the whole text (as the search tokenizer
   * does) gives the same words as doing it word by word.
   */
  plain: boolean;
}

// The lexicon: every distinct word seen, as written, with its lower-case form (itself a word of the lexicon). Words
// are found through an open-addressing table probed with a hash computed while scanning the text, so a word seen
// before is found without cutting it out of the text as a new string (a 10,000-paper survey has millions of words
// and only thousands of distinct ones).
const wordOfId: string[] = [];
const lowerIdOfId: number[] = [];
const hashOfId: number[] = [];
let slots = new Int32Array(1 << 14).fill(-1);

const FNV_OFFSET = 0x811c9dc5;
const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);

/** The id of the word at text[start, end) with the given hash, adding it when new. */
function findOrAddWord(text: string, start: number, end: number, hash: number): number {
  const mask = slots.length - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const id = slots[slot]!;
    if (id < 0) return addWord(start === 0 && end === text.length ? text : text.slice(start, end), hash, slot);
    if (hashOfId[id] !== hash) continue;
    const word = wordOfId[id]!;
    if (word.length !== length) continue;
    let same = true;
    for (let i = 0; i < length && same; i += 1) same = word.charCodeAt(i) === text.charCodeAt(start + i);
    if (same) return id;
  }
}

function addWord(word: string, hash: number, slot: number): number {
  const id = wordOfId.length;
  wordOfId.push(word);
  hashOfId.push(hash);
  lowerIdOfId.push(id);
  slots[slot] = id;
  // At most half full, so probes stay short.
  if (wordOfId.length * 2 > slots.length) growSlots();
  const lower = word.toLowerCase();
  if (lower !== word) lowerIdOfId[id] = wordId(lower);
  return id;
}

function growSlots() {
  slots = new Int32Array(slots.length * 2).fill(-1);
  const mask = slots.length - 1;
  hashOfId.forEach((hash, id) => {
    let slot = hash & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = id;
  });
}

/** The lexicon id of a word as written, adding it (and its lower-case form) when new. */
export function wordId(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i += 1) hash = hashStep(hash, word.charCodeAt(i));
  return findOrAddWord(word, 0, word.length, hash);
}

/** The word of a lexicon id, as written. */
export function wordOf(id: number): string {
  return wordOfId[id]!;
}

/** The lexicon id of a word's lower-case form. */
export function lowerIdOf(id: number): number {
  return lowerIdOfId[id]!;
}

/** How many distinct words the lexicon holds: caches indexed by word id grow to this. */
export function lexiconSize(): number {
  return wordOfId.length;
}

/** What a character is to the word splitter. */
const CharKind = {
  /** Outside words, and unchanged by lower-casing and folding (’, –, ×, …). */
  Separator: 0,
  /** A letter or digit. */
  Word: 1,
  /** Outside words, but folding may turn it into a letter or join words (a combining mark, ™). */
  Unsafe: 2,
} as const;
type CharKind = (typeof CharKind)[keyof typeof CharKind];

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const FOLDS_TO_WORD = /[\p{L}\p{N}\p{M}]/u;
const kindOfCodePoint = new Map<number, CharKind>();

function kindOf(codePoint: number): CharKind {
  let kind = kindOfCodePoint.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = LETTER_OR_DIGIT.test(char)
      ? CharKind.Word
      : FOLDS_TO_WORD.test(char.toLowerCase().normalize('NFKD'))
        ? CharKind.Unsafe
        : CharKind.Separator;
    kindOfCodePoint.set(codePoint, kind);
  }
  return kind;
}

const isAsciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
const isJoiner = (code: number) => code === 32 || code === 45 || code === 0xa0;

// Where the words of the text being split are gathered, then copied out at their final length.
let scratchIds = new Int32Array(1024);
let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);
let scratchJoined = new Uint8Array(1024);
function growScratch(textLength: number) {
  const size = Math.ceil((textLength + 1) / 2) + 1;
  scratchIds = new Int32Array(size);
  scratchStarts = new Int32Array(size);
  scratchEnds = new Int32Array(size);
  scratchJoined = new Uint8Array(size);
}

/** The words of a text (see {@link TextWords}). */
export function wordsOf(text: string): TextWords {
  // A text of n characters has at most (n + 1) / 2 words.
  if (scratchIds.length < (text.length + 1) / 2 + 1) growScratch(text.length);
  let count = 0;
  let plain = true;
  let start = -1;
  let hash = FNV_OFFSET;
  let previousEnd = -1;
  // One step past the end, where the last word (if any) ends.
  for (let i = 0; i <= text.length;) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    let width = 1;
    let kind: CharKind;
    if (code < 128) kind = isAsciiWordChar(code) ? CharKind.Word : CharKind.Separator;
    else {
      const codePoint = text.codePointAt(i)!;
      width = codePoint > 0xffff ? 2 : 1;
      kind = kindOf(codePoint);
      if (kind !== CharKind.Separator) plain = false;
    }
    if (kind === CharKind.Word) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = hashStep(hash, code);
      if (width === 2) hash = hashStep(hash, text.charCodeAt(i + 1));
    } else if (start >= 0) {
      scratchIds[count] = findOrAddWord(text, start, i, hash);
      scratchStarts[count] = start;
      scratchEnds[count] = i;
      scratchJoined[count] = previousEnd >= 0 && start - previousEnd === 1 && isJoiner(text.charCodeAt(previousEnd)) ? 1 : 0;
      count += 1;
      previousEnd = i;
      start = -1;
    }
    i += width;
  }
  return {
    ids: scratchIds.slice(0, count),
    starts: scratchStarts.slice(0, count),
    ends: scratchEnds.slice(0, count),
    joined: scratchJoined.slice(0, count),
    plain,
  };
}
