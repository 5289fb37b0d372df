/**
 * A survey's search index past a few thousand pages is written in parts, each a Pagefind index of its own that the
 * search page merges (Pagefind's `mergeIndex`):
 * - Pagefind builds an index in memory, about 150 KB a page while it writes, so 100,000 pages in one index would need
 *   some 13 GB. In parts of 10,000 pages no write needs more than about 1.6 GB, little enough to be written beside
 *   Astro while it renders the pages ({@link PART_WRITTEN_BESIDE_PAGES}).
 * - Pagefind builds and compresses an index on one thread, and its write needs memory that Astro, still rendering the
 *   pages, holds too. Cut in two halves, written one after the other beside the pages ({@link PART_WRITTEN_BESIDE_PAGES}),
 *   the index of 10,000 pages costs the build no time of its own after the pages, where one index had to wait for
 *   Astro to exit and took 11–15 s more.
 * Up to ONE_INDEX_PAGES pages there is one index, `pagefind/`, as Pagefind writes it.
 */

/** The most pages one part of the search index holds, unless the build says otherwise. */
export const PAGES_PER_INDEX_PART = 10_000;

/** Up to this many pages an index is cut in two halves (of up to {@link PAGES_PER_INDEX_PART}), not in full parts. */
export const INDEX_IN_HALVES_UP_TO = 2 * PAGES_PER_INDEX_PART;

/**
 * Pages per part of an index of `pages` pages: one part up to {@link ONE_INDEX_PAGES}, two halves up to
 * {@link INDEX_IN_HALVES_UP_TO}, parts of {@link PAGES_PER_INDEX_PART} beyond. `configured` (a build's
 * SURVEY_SEARCH_PART_PAGES) fixes it.
 */
export function pagesPerIndexPart(pages: number, configured?: number): number {
  if (configured !== undefined) return configured;
  if (pages <= ONE_INDEX_PAGES) return PAGES_PER_INDEX_PART;
  if (pages <= INDEX_IN_HALVES_UP_TO) return Math.ceil(pages / 2);
  return PAGES_PER_INDEX_PART;
}

/**
 * How many pages the first part holds at least, in any index of at least `pages` pages ({@link pagesPerIndexPart}):
 * the records up to there go to the first part before the build knows how many there are in all.
 */
export function firstPartHoldsAtLeast(pages: number, configured?: number): number {
  if (configured !== undefined) return configured;
  if (pages > INDEX_IN_HALVES_UP_TO) return PAGES_PER_INDEX_PART;
  return Math.ceil(Math.max(pages, ONE_INDEX_PAGES + 1) / 2);
}

/** The folders, from the site's root, of an index of `pages` pages in parts of `perPart`: `pagefind/`, `pagefind/part-2/`, … */
export function searchIndexFolders(pages: number, perPart: number = PAGES_PER_INDEX_PART): string[] {
  if (!Number.isInteger(perPart) || perPart < 1)
    throw new RangeError(`pages per search index part must be a whole number above 0, not ${perPart}`);
  const parts = Math.max(1, Math.ceil(pages / perPart));
  return Array.from({ length: parts }, (_, part) => (part === 0 ? 'pagefind/' : `pagefind/part-${part + 1}/`));
}

/**
 * Pagefind's memory while it writes an index, per page: 1.55 GB for 10,000 pages (measured on the synthetic
 * survey's records), and about as much again for each further 10,000 up to a part of 20,000.
 */
export const INDEX_WRITE_BYTES_PER_PAGE = 160 * 1024;

/**
 * The largest index kept in one part; a larger one is cut in halves (or parts). Beside Astro (about 0.5 GB for 10,000
 * papers) and the build script (0.25 GB), Pagefind's write of 10,000 pages took the build to 2.3 GB; 5,000 pages
 * (0.8 GB) keep it near 1.5 GB.
 */
export const ONE_INDEX_PAGES = 5_000;

/**
 * The largest part of an index written while Astro still renders, one part at a time; larger parts (only a build told
 * another size makes them) are written once Astro has exited. For 10,000 papers, Astro holds up to 0.6 GB while it
 * renders, the build script 0.3 GB and the Pagefind of the part not being written 0.2 GB: one write of 5,000 pages
 * beside them (0.8 GB) keeps the build under 2 GB, where the two halves written at once (1.5 GB) would not. For
 * 100,000 papers, one part of 10,000 pages written at a time beside Astro (up to 4.4 GB) kept the build at 6.3 GB,
 * and the index took 47 s after the pages instead of 177 s, where parts of 20,000 (some 3 GB each to write) had to
 * wait for Astro to exit and were written two at a time.
 */
export const PART_WRITTEN_BESIDE_PAGES = PAGES_PER_INDEX_PART;

/**
 * How many parts of an index in parts are written at once, each in a Pagefind of its own: one per core, as long as
 * their writes fit in half the machine's memory (a part of 10,000 pages needs about 1.6 GB). Pagefind builds and
 * compresses an index on one thread, so on two cores two parts are written in the time of one.
 */
export function indexWriteLanes(parts: number, pagesPerPart: number, machine: { cpus: number; memoryBytes: number }): number {
  const byMemory = Math.floor(machine.memoryBytes / 2 / (pagesPerPart * INDEX_WRITE_BYTES_PER_PAGE));
  return Math.max(1, Math.min(parts, machine.cpus, byMemory));
}
