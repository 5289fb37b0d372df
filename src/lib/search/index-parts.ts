/**
 * A large survey's search index is written in parts, each a Pagefind index of its own that the search page merges
 * (Pagefind's `mergeIndex`): Pagefind builds an index in memory, about 150 KB a page while it writes, so 100,000 pages
 * in one index would need some 13 GB. In parts of 20,000 pages no write needs more than about 3 GB. Up to that many
 * pages there is one index, `pagefind/`, as Pagefind writes it.
 */

/** Pages one part of the search index holds, unless the build says otherwise. */
export const PAGES_PER_INDEX_PART = 20_000;

/** The folders, from the site's root, of an index of `pages` pages in parts of `perPart`: `pagefind/`, `pagefind/part-2/`, … */
export function searchIndexFolders(pages: number, perPart: number = PAGES_PER_INDEX_PART): string[] {
  if (!Number.isInteger(perPart) || perPart < 1)
    throw new RangeError(`pages per search index part must be a whole number above 0, not ${perPart}`);
  const parts = Math.max(1, Math.ceil(pages / perPart));
  return Array.from({ length: parts }, (_, part) => (part === 0 ? 'pagefind/' : `pagefind/part-${part + 1}/`));
}
