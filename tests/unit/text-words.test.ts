import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileTermSet, compileTermSets, shareTermSets } from '../../src/lib/text/term-matcher.ts';
import { splitWords, tokenize, wordSpans } from '../../src/lib/text/words.ts';

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
        const expected = [...value.matchAll(/[\p{L}\p{N}]+/gu)];
        const words = splitWords(value);
        expect(words.map((word) => word.text)).toEqual(expected.map((match) => match[0]));
        expect(words.map((word) => [word.start, word.end])).toEqual(expected.map((match) => [match.index, match.index + match[0].length]));
        expect(words.map((word) => word.lower)).toEqual(expected.map((match) => match[0].toLowerCase()));
      }),
    );
  });

  test('know which words follow the previous one across one space, hyphen or no-break space', () => {
    expect(splitWords('SWE-bench and\u00a0self  reflection,done').map((word) => word.joined)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the terms of a text', () => {
  test('are its words lower-cased and accent-folded, without stop words, plurals folded', () => {
    expect(tokenize('The Naïve Agents of studies, analysis and Series')).toEqual(['naive', 'agent', 'study', 'analysis', 'series']);
  });

  test('are the same terms for the same words, however the text around them is written', () => {
    fc.assert(
      fc.property(text, text, (left, right) => {
        expect(tokenize(`${left} ${right}`)).toEqual([...tokenize(left), ...tokenize(right)]);
      }),
    );
  });
});

describe('term sets', () => {
  test('a word* term stops at the end of the word', () => {
    expect(compileTermSet(['verif*'])('Verifiers verify-based verification')).toEqual([
      { term: 0, start: 0, end: 9 },
      { term: 0, start: 10, end: 16 },
      { term: 0, start: 23, end: 35 },
    ]);
  });

  test('term sets read together find what each finds alone, and a bad pattern still throws when its set is added', () => {
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

  test('find the same with the quick screen of words as with every word looked up, whatever the terms', () => {
    // Terms made of the same pieces as the texts: acronyms, phrases, prefixes, plurals, letters that lower-case to
    // ASCII (the Kelvin sign) or to two characters (İ), one-letter words.
    const word = fc.constantFrom(
      'agent',
      'RL',
      'rl',
      'SWE',
      'bench',
      'verif',
      'x',
      '2',
      '4o',
      'GPT',
      'naïve',
      'İ',
      'İx',
      '\u212aV',
      'kv',
      'é',
      'Σ',
      'ﬁ',
    );
    const term = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', ''), fc.boolean())
      .map(([words, joiner, prefix]) => `${words.join(joiner)}${prefix ? '*' : ''}`);
    const sets = fc.array(fc.record({ terms: fc.array(term, { minLength: 1, maxLength: 6 }), plurals: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    });
    const pieces = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom('\u212a', 'K', 'kV', 'İX', 'ix')), { maxLength: 40 })
      .map((list) => list.join(''));
    fc.assert(
      fc.property(sets, pieces, (sources, value) => {
        expect(compileTermSets(sources)(value)).toEqual(compileTermSets(sources, { screenWords: false })(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('word spans', () => {
  test('are where the pattern finds its words, lone surrogates and astral letters included', () => {
    const pieces = fc.oneof(
      fc.constantFrom(...PIECES),
      fc.constantFrom('\ud835', '\udc00', '\ud835\udc00', '\u0300', '٣', 'ß'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (list) => {
        const value = list.join('');
        const expected = [...value.matchAll(/[\p{L}\p{N}]+/gu)].flatMap((match) => [match.index, match.index + match[0].length]);
        expect(wordSpans(value)).toEqual(expected);
      }),
    );
  });
});
