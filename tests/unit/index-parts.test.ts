import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  firstPartHoldsAtLeast,
  INDEX_IN_HALVES_UP_TO,
  ONE_INDEX_PAGES,
  indexWriteLanes,
  PAGES_PER_INDEX_PART,
  pagesPerIndexPart,
  searchIndexFolders,
} from '../../src/lib/search/index-parts.ts';

describe('the search index in parts', () => {
  test('up to a part of pages, one index where Pagefind puts it', () => {
    expect(searchIndexFolders(0)).toEqual(['pagefind/']);
    expect(searchIndexFolders(140)).toEqual(['pagefind/']);
    expect(searchIndexFolders(PAGES_PER_INDEX_PART)).toEqual(['pagefind/']);
  });

  test('beyond, a part for every started share of pages, the first in pagefind/', () => {
    expect(searchIndexFolders(PAGES_PER_INDEX_PART + 1)).toEqual(['pagefind/', 'pagefind/part-2/']);
    expect(searchIndexFolders(100_161, 20_000)).toEqual([
      'pagefind/',
      'pagefind/part-2/',
      'pagefind/part-3/',
      'pagefind/part-4/',
      'pagefind/part-5/',
      'pagefind/part-6/',
    ]);
    expect(searchIndexFolders(512, 200)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']);
  });

  test('a part must hold at least one page', () => {
    expect(() => searchIndexFolders(10, 0)).toThrow(/whole number above 0/);
    expect(() => searchIndexFolders(10, 2.5)).toThrow(/whole number above 0/);
  });
});

describe('pages per part, by the size of the index', () => {
  const folders = (pages: number) => searchIndexFolders(pages, pagesPerIndexPart(pages));

  test('one part as long as it is written beside the pages', () => {
    expect(folders(140)).toEqual(['pagefind/']);
    expect(folders(ONE_INDEX_PAGES)).toEqual(['pagefind/']);
  });

  test('past that, two halves up to a full part, then full parts', () => {
    expect(pagesPerIndexPart(ONE_INDEX_PAGES + 1)).toBe(2501);
    expect(pagesPerIndexPart(10_161)).toBe(5081);
    expect(folders(10_161)).toEqual(['pagefind/', 'pagefind/part-2/']);
    expect(folders(INDEX_IN_HALVES_UP_TO)).toEqual(['pagefind/', 'pagefind/part-2/']);
    expect(pagesPerIndexPart(INDEX_IN_HALVES_UP_TO)).toBe(PAGES_PER_INDEX_PART);
    expect(pagesPerIndexPart(INDEX_IN_HALVES_UP_TO + 1)).toBe(PAGES_PER_INDEX_PART);
    expect(folders(101_512)).toHaveLength(11);
  });

  test('a build told the pages per part keeps to them', () => {
    expect(pagesPerIndexPart(10_161, 200)).toBe(200);
    expect(firstPartHoldsAtLeast(10_000, 200)).toBe(200);
  });

  test('the records a build sends to the first part before it knows how many there are all stay in it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
        (atLeast, more, configured) => {
          const pages = atLeast + more;
          expect(pagesPerIndexPart(pages, configured)).toBeGreaterThanOrEqual(firstPartHoldsAtLeast(atLeast, configured));
        },
      ),
    );
    // And not needlessly few: at 10,000 papers, the first 5,000.
    expect(firstPartHoldsAtLeast(10_000)).toBe(5000);
    expect(firstPartHoldsAtLeast(0)).toBe(2501);
  });
});

describe('pages per part, as a build is told', () => {
  test('the default, or the whole number SURVEY_SEARCH_PART_PAGES gives', async () => {
    const { configuredIndexPartPages, indexPartPages } = await import('../../src/data/search-index-parts.ts');
    expect(configuredIndexPartPages({})).toBeUndefined();
    expect(indexPartPages(140, {})).toBe(PAGES_PER_INDEX_PART);
    expect(indexPartPages(10_161, {})).toBe(5081);
    expect(indexPartPages(10_161, { SURVEY_SEARCH_PART_PAGES: ' 200 ' })).toBe(200);
    expect(() => indexPartPages(140, { SURVEY_SEARCH_PART_PAGES: 'many' })).toThrow(
      /SURVEY_SEARCH_PART_PAGES must be a whole number of pages above 0, not "many"/,
    );
    expect(() => configuredIndexPartPages({ SURVEY_SEARCH_PART_PAGES: '0' })).toThrow(/above 0/);
  });
});

describe('parts written at once', () => {
  const GB = 1024 ** 3;
  test('one per core, when their writes fit in half the memory', () => {
    expect(indexWriteLanes(6, 20_000, { cpus: 2, memoryBytes: 24 * GB })).toBe(2);
    expect(indexWriteLanes(6, 20_000, { cpus: 8, memoryBytes: 24 * GB })).toBe(3);
    expect(indexWriteLanes(6, 20_000, { cpus: 8, memoryBytes: 64 * GB })).toBe(6);
  });

  test('never more than there are parts, and never none', () => {
    expect(indexWriteLanes(1, 20_000, { cpus: 8, memoryBytes: 64 * GB })).toBe(1);
    expect(indexWriteLanes(3, 200, { cpus: 2, memoryBytes: 8 * GB })).toBe(2);
    expect(indexWriteLanes(6, 20_000, { cpus: 1, memoryBytes: 24 * GB })).toBe(1);
    expect(indexWriteLanes(6, 20_000, { cpus: 4, memoryBytes: 2 * GB })).toBe(1);
  });
});
