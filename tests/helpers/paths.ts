import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where the test run's global setup builds its sites (see build-once.ts). */
export const testBuildRoot = join(projectRoot, 'node_modules', '.cache', 'survey-tests');
/** The default survey, built as `npm run build` builds it. */
export const builtSite = join(testBuildRoot, 'dist');
/** The default survey built under a sub-path. */
export const builtSiteUnderBase = join(testBuildRoot, 'dist-base');
/** A survey with test notes that exercise every frontmatter override, a hidden paper and an orphan note. */
export const builtFixtureSite = join(testBuildRoot, 'dist-fixture');
/** The content folder the fixture survey was built from. */
export const fixtureContent = join(testBuildRoot, 'fixture-content');
/**
 * A synthetic survey of {@link LARGE_SURVEY_PAPERS} papers, big enough for its tables to span several pages, and
 * built with its search index in parts of {@link LARGE_SURVEY_INDEX_PART_PAGES} pages, as a survey of 100,000 is.
 */
export const builtLargeSite = join(testBuildRoot, 'dist-large');
export const largeContent = join(testBuildRoot, 'large-content');
export const LARGE_SURVEY_PAPERS = 500;
export const LARGE_SURVEY_INDEX_PART_PAGES = 200;
/** A survey of a reference library: the BibTeX, RIS, CSL-JSON and arXiv Atom files of tests/fixtures/library, overlapping. */
export const builtLibrarySite = join(testBuildRoot, 'dist-library');
export const libraryContent = join(testBuildRoot, 'library-content');
/** The library files of that survey, as a curator keeps them in `listings/`. */
export const LIBRARY_FILES = ['arxiv.xml', 'mendeley.ris', 'zotero.bib', 'zotero.json'];
/** The sub-path the second build is published under. */
export const TEST_BASE = '/survey-sub-path/';
/** The public origin of the sub-path build, as on GitHub Pages: feeds, sitemap and Open Graph carry absolute URLs. */
export const TEST_SITE = 'https://survey-owner.github.io';

/**
 * The environment for a child command (build, preview, ingest) as a user's shell would give it: without the
 * variables Vitest sets for itself (`NODE_ENV=test`, `BASE_URL`, `DEV`, …), which Astro would otherwise pick up.
 */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|ASSETS_PREFIX$|SITE$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** A survey started with `npm run new` from the four files of tests/fixtures/new-survey (36 papers), then built. */
export const builtNewSite = join(testBuildRoot, 'dist-new');
export const newContent = join(testBuildRoot, 'new-survey');
export const NEW_SURVEY_TITLE = 'Agents That Look Back';
export const NEW_SURVEY_FILES = ['library.bib', 'export.ris', 'items.json', 'query.xml'];
