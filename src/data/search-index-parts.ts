import { PAGES_PER_INDEX_PART } from '../lib/search/index-parts.ts';

/** Sets the pages per part of the search index (src/lib/search/index-parts.ts): less memory for the index's write, or a test's small survey in several parts. */
export const INDEX_PART_PAGES_VARIABLE = 'SURVEY_SEARCH_PART_PAGES';

/** This build's pages per search index part: the variable's value, or the default. */
export function indexPartPages(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[INDEX_PART_PAGES_VARIABLE]?.trim();
  if (!value) return PAGES_PER_INDEX_PART;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) {
    throw new Error(`${INDEX_PART_PAGES_VARIABLE} must be a whole number of pages above 0, not "${value}"`);
  }
  return pages;
}
