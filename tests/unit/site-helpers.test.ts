import { describe, expect, test } from 'vitest';
import { authorSortKey, compareNewestFirst, dateSortKey, formatByline, formatDate, formatUpvotes, paperYear } from '../../src/lib/site/paper-display.ts';
import { indexAuthors } from '../../src/lib/site/author-index.ts';
import { isEmptySearch, readSearchState, toPagefindOptions, writeSearchState } from '../../src/lib/search/search-state.ts';
import { joinBase } from '../../src/lib/site/site-url.ts';
import { textAttribute } from '../../src/lib/site/text-attribute.ts';

describe('the base-path helper', () => {
  test('prefixes site paths with the base, with or without its trailing slash', () => {
    expect(joinBase('/papers/x/', '/')).toBe('/papers/x/');
    expect(joinBase('/papers/x/', '/sub/')).toBe('/sub/papers/x/');
    expect(joinBase('papers/', '/sub')).toBe('/sub/papers/');
    expect(joinBase('/', '/sub/')).toBe('/sub/');
  });
});

describe('showing papers', () => {
  test('unknown facts are said to be unknown', () => {
    expect(formatDate(null)).toBe('unknown');
    expect(formatByline({ authors: { count: null, names: [] }, organization: null })).toBe('unknown');
    expect(formatUpvotes(null)).toBe('unknown');
    expect(paperYear({ date: null })).toBe('undated');
  });

  test('known facts are shown plainly', () => {
    expect(formatDate('2024-06-21')).toBe('21 Jun 2024');
    expect(formatByline({ authors: { count: 1, names: [] }, organization: null })).toBe('1 author');
    expect(formatByline({ authors: { count: null, names: [] }, organization: { handle: 'microsoft', name: 'Microsoft' } })).toBe('Microsoft');
  });

  test('newest first, undated last, ties by title', () => {
    const papers = [
      { date: null, title: 'B' },
      { date: '2024-01-01', title: 'Z' },
      { date: '2025-01-01', title: 'Y' },
      { date: '2024-01-01', title: 'A' },
      { date: null, title: 'A' },
    ];
    expect(papers.sort(compareNewestFirst).map((p) => `${p.date}${p.title}`)).toEqual(['2025-01-01Y', '2024-01-01A', '2024-01-01Z', 'nullA', 'nullB']);
  });
});

describe('search state in the URL', () => {
  test('round-trips query, filters and sort', () => {
    const state = readSearchState(new URLSearchParams('q=overthinking&theme=gui&theme=rl&year=2025&sort=newest'));
    expect(state).toEqual({ query: 'overthinking', filters: { theme: ['gui', 'rl'], year: ['2025'], approach: [], modality: [], code: [], annotated: [] }, sort: 'newest' });
    expect(writeSearchState(state)).toBe('?q=overthinking&theme=gui&theme=rl&year=2025&sort=newest');
  });

  test('filters are OR within one and AND across; sorts keep undated papers via their sort key', () => {
    const state = readSearchState(new URLSearchParams('theme=gui&theme=rl&year=2024&sort=upvotes'));
    expect(toPagefindOptions(state)).toEqual({ filters: { theme: { any: ['gui', 'rl'] }, year: { any: ['2024'] } }, sort: { upvotes: 'desc' } });
  });

  test('an empty or unknown state asks for nothing', () => {
    const state = readSearchState(new URLSearchParams('sort=bogus'));
    expect(state.sort).toBe('');
    expect(isEmptySearch(state)).toBe(true);
    expect(writeSearchState(state)).toBe('');
  });
});

describe('authors and dates from library sources', () => {
  const named = (count: number) => ({
    authors: { count, names: Array.from({ length: count }, (_, i) => ({ given: `G${i}`, family: ['Iyer', 'Núñez', 'Lefèvre', 'Okafor'][i] ?? `F${i}` })) },
    organization: null,
  });

  test('a date shows at its precision, and sorts at its first day', () => {
    expect([formatDate('2023-03-20'), formatDate('2023-03'), formatDate('2023')]).toEqual(['20 Mar 2023', 'Mar 2023', '2023']);
    expect([dateSortKey('2023'), dateSortKey('2023-03'), dateSortKey('2023-03-20')]).toEqual(['2023-01-01', '2023-03-01', '2023-03-20']);
    const papers = [
      { date: '2023', title: 'Year' },
      { date: '2023-03-20', title: 'Day' },
      { date: '2023-02', title: 'Month' },
    ];
    expect([...papers].sort(compareNewestFirst).map((paper) => paper.title)).toEqual(['Day', 'Month', 'Year']);
  });

  test('a byline names the first three family names, then "et al."; a count alone says how many', () => {
    expect(formatByline(named(3))).toBe('Iyer, Núñez, Lefèvre');
    expect(formatByline(named(4))).toBe('Iyer, Núñez, Lefèvre et al.');
    expect(formatByline({ authors: { count: 6, names: [] }, organization: null })).toBe('6 authors');
    expect(authorSortKey(named(2))).toBe('iyer');
  });

  test('the authors index counts each person once per paper, however their name is spelt, most papers first', () => {
    const index = indexAuthors([
      { authors: { names: [{ given: 'Chloé', family: 'Iyer' }, { given: 'Ngozi', family: 'Núñez' }] } },
      { authors: { names: [{ given: 'Chloe', family: 'Iyer' }, { given: 'Chloé', family: 'Iyer' }] } },
      { authors: { names: [{ given: 'Chloé', family: 'Iyer' }, { given: null, family: 'Name of a Lab' }] } },
    ]);
    expect(index).toEqual([
      { name: 'Chloé Iyer', family: 'Iyer', papers: 3 },
      { name: 'Name of a Lab', family: 'Name of a Lab', papers: 1 },
      { name: 'Ngozi Núñez', family: 'Núñez', papers: 1 },
    ]);
  });
});

describe('text attribute values', () => {
  // Astro's own attribute renderer, as the pages' templates call it.
  const render = async (value: string | undefined, key = 'data-sort') =>
    String((await import('astro/runtime/server/index.js')).addAttribute(value, key));

  test('render exactly as the plain string would, "&" and quotes escaped', async () => {
    for (const value of ['Safety & alignment', 'say "R&D" & more', '{"domain":["GUI & web"]}', 'no ampersand', 'a &amp; b']) {
      expect(await render(textAttribute(value))).toBe(await render(value));
    }
    expect(await render(textAttribute('Safety & alignment'))).toBe(' data-sort="Safety &#38; alignment"');
  });

  test('leave values without "&" (and no value) as they are', () => {
    expect(textAttribute('plain')).toBe('plain');
    expect(textAttribute(undefined)).toBeUndefined();
    expect(String(textAttribute('a & b'))).toBe('a & b');
  });
});
