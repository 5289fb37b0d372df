import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tokenize } from '../../src/lib/search/portable-search.ts';
import { compileTerm, compileTermSet, findTerm, shareTermSets } from '../../src/lib/text/term-matcher.ts';
import { isFieldTerm, paperTerms } from '../../src/lib/text/tf-idf.ts';
import { lowerIdOf, wordId, wordOf, wordsOf } from '../../src/lib/text/words.ts';

// Pieces of text that stress the word splitter: ASCII words in both cases, digits, separators that join a phrase
// (space, hyphen, no-break space) and those that do not, accented and astral letters, a combining mark, characters
// that folding turns into letters (™, ﬁ), and punctuation that folding leaves alone (’, –, ×).
const PIECES = [
  'agent',
  'Agents',
  'RL',
  'rl',
  'world',
  'SWE',
  'bench',
  'Bench',
  'self',
  'reflection',
  'verif',
  'verifiers',
  'model',
  'models',
  'the',
  'of',
  'x',
  '2',
  '42',
  'GPT',
  '4o',
  ' ',
  ' ',
  ' ',
  '-',
  '\u00a0',
  ', ',
  '. ',
  '\t',
  '’',
  '–',
  '×',
  '(',
  ')',
  'é',
  'naïve',
  'e\u0301',
  '™',
  'ﬁ',
  'Σ',
  'İ',
  '𝐀',
  '😀',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('the words of a text', () => {
  test('are the runs of letters and digits, with their offsets, however the text is written', () => {
    fc.assert(
      fc.property(text, (value) => {
        const words = wordsOf(value);
        const expected = [...value.matchAll(/[\p{L}\p{N}]+/gu)];
        expect([...words.ids].map(wordOf)).toEqual(expected.map((match) => match[0]));
        expect([...words.starts]).toEqual(expected.map((match) => match.index));
        expect([...words.ends]).toEqual(expected.map((match) => match.index + match[0].length));
        expect([...words.ids].map((id) => wordOf(lowerIdOf(id)))).toEqual(expected.map((match) => match[0].toLowerCase()));
      }),
    );
  });

  test('know which words follow the previous one across one space, hyphen or no-break space', () => {
    const words = wordsOf('SWE-bench and\u00a0self  reflection,done');
    expect([...words.joined]).toEqual([0, 1, 1, 1, 0, 0]);
  });

  test('give one id per distinct word, whichever text it came from', () => {
    expect(wordId('reflection')).toBe(wordsOf('self reflection').ids[1]);
    expect(wordsOf('Agents').ids[0]).not.toBe(wordsOf('agents').ids[0]);
    expect(lowerIdOf(wordsOf('Agents').ids[0]!)).toBe(wordsOf('agents').ids[0]);
  });

  test('are plain only when folding the whole text could not split or join them differently', () => {
    expect(wordsOf('Self-reflection’s 2× gain – naive').plain).toBe(true);
    expect(wordsOf('a naïve agent').plain).toBe(false);
    expect(wordsOf('Agent™ models').plain).toBe(false);
  });
});

describe('shared words give the same results as reading each text afresh', () => {
  test("a paper's TF-IDF terms are the search tokenizer's, less the field stop words", () => {
    fc.assert(
      fc.property(text, text, (title, abstract) => {
        const expected = [...tokenize(title), ...tokenize(title), ...tokenize(abstract)].filter(isFieldTerm);
        expect(paperTerms({ title, abstract })).toEqual(expected);
      }),
    );
  });

  test('a term set finds what each of its terms finds as a regular expression', () => {
    // (A `word*` term is left out: as a regular expression its ending also runs over hyphens, in a set it stops at
    // the word's end, which is what a highlighted facet should show.)
    const terms = ['agent', 'RL', 'SWE-bench', 'self reflection', 'model', 'GPT 4o', 'naïve', 'Bench'];
    for (const plurals of [false, true]) {
      const findTerms = compileTermSet(terms, { plurals });
      const patterns = terms.map((term) => compileTerm(term, { plurals }));
      fc.assert(
        // Tabs are left out: a regular expression term takes any white space between words, a set only the three.
        fc.property(
          text.map((value) => value.replace(/\t/g, ' ')),
          (value) => {
            const expected = patterns
              .flatMap((pattern, term) => findTerm(value, pattern).map(([start, end]) => ({ term, start, end })))
              .sort((a, b) => a.start - b.start || a.term - b.term);
            expect(findTerms(value)).toEqual(expected);
          },
        ),
      );
    }
    expect(compileTermSet(['verif*'])('Verifiers verify-based verification')).toEqual([
      { term: 0, start: 0, end: 9 },
      { term: 0, start: 10, end: 16 },
      { term: 0, start: 23, end: 35 },
    ]);
  });

  test('term sets read together find what each finds alone, and a bad pattern still throws when compiled', () => {
    const sources = [
      { terms: ['agent', 'self reflection', 'verif*'], plurals: true },
      { terms: ['RL', 'SWE-bench', '/\\bGPT-?4o?\\b/'] },
      { terms: ['model', 'bench'] },
    ];
    const compile = shareTermSets();
    const together = sources.map(compile);
    const alone = sources.map(({ terms, plurals }) => compileTermSet(terms, { plurals }));
    fc.assert(
      fc.property(text, text, (title, abstract) => {
        for (const value of [title, abstract, title]) together.forEach((find, set) => expect(find(value)).toEqual(alone[set]!(value)));
      }),
    );
    expect(() => compile({ terms: ['/(unclosed/'] })).toThrow(/"\/\(unclosed\/" is not a valid regular expression/);
  });
});
