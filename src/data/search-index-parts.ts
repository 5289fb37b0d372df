import { pagesPerIndexPart } from '../lib/search/index-parts.ts';

/** Sets the pages per part of the search index (src/lib/search/index-parts.ts): less memory for the index's write, or a test's small survey in several parts. */
export const INDEX_PART_PAGES_VARIABLE = 'SURVEY_SEARCH_PART_PAGES';

/** The pages per search index part this build was told (SURVEY_SEARCH_PART_PAGES), if any. */
export function configuredIndexPartPages(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[INDEX_PART_PAGES_VARIABLE]?.trim();
  if (!value) return undefined;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) {
    throw new Error(`${INDEX_PART_PAGES_VARIABLE} must be a whole number of pages above 0, not "${value}"`);
  }
  return pages;
}

/** This build's pages per search index part, for an index of `pages` pages: the variable's value, or the default's. */
export function indexPartPages(pages: number, env: NodeJS.ProcessEnv = process.env): number {
  return pagesPerIndexPart(pages, configuredIndexPartPages(env));
}
