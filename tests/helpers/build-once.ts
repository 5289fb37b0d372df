/**
 * Vitest global setup: builds, with the real `npm run build` (scripts/build.ts), the sites the integration and
 * browser tests read, into node_modules/.cache/survey-tests:
 * - `dist`: the default survey; `dist-base`: the same under a sub-path of a known public origin (as on GitHub Pages);
 * - `dist-fixture`: the default content plus the notes in tests/fixtures/notes (every frontmatter override,
 *   a hidden paper, an orphan note).
 * - `dist-large`: a synthetic survey of 500 papers (the benchmark's generator), whose big tables span pages and whose
 *   search index is in parts.
 * - `dist-library`: a survey of a reference library (tests/fixtures/library: BibTeX, RIS, CSL-JSON, arXiv Atom).
 * - `dist-new`: a survey started by `npm run new` from the files of tests/fixtures/new-survey, its themes proposed.
 * Each build's output is kept in `<name>.log`. Set SKIP_BUILD=1 to reuse the last builds while working on tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builtFixtureSite,
  builtLargeSite,
  builtLibrarySite,
  builtNewSite,
  LIBRARY_FILES,
  NEW_SURVEY_FILES,
  NEW_SURVEY_TITLE,
  newContent,
  libraryContent,
  builtSite,
  builtSiteUnderBase,
  fixtureContent,
  LARGE_SURVEY_INDEX_PART_PAGES,
  LARGE_SURVEY_PAPERS,
  largeContent,
  projectRoot,
  TEST_BASE,
  TEST_SITE,
  testBuildRoot,
  userEnvironment,
} from './paths.ts';
import { INDEX_PART_PAGES_VARIABLE } from '../../src/data/search-index-parts.ts';
import { syntheticListing } from '../../scripts/bench/synthetic-listing.ts';

export default function buildOnce() {
  const sites = [builtSite, builtSiteUnderBase, builtFixtureSite, builtLargeSite, builtLibrarySite, builtNewSite];
  if (process.env.SKIP_BUILD === '1' && sites.every(existsSync)) return;
  // The integration and browser projects both name this setup; Vitest runs both in its one main process, so the
  // builds are made once per run: the second finds the stamp of this process.
  const stamp = join(testBuildRoot, 'built-by-process');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(process.pid) && sites.every(existsSync)) return;
  rmSync(stamp, { force: true });
  mkdirSync(testBuildRoot, { recursive: true });
  const build = (out: string, env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', out], {
      cwd: projectRoot,
      env: userEnvironment(env),
      encoding: 'utf8',
    });
    writeFileSync(`${out}.log`, `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) throw new Error(`the test build of ${out} failed:\n${result.stderr}`);
  };
  build(builtSite);
  build(builtSiteUnderBase, { SURVEY_BASE: TEST_BASE, SURVEY_SITE: TEST_SITE });

  rmSync(fixtureContent, { recursive: true, force: true });
  for (const name of ['listings', 'survey.yaml', 'notes', 'themes', 'intro.mdx']) {
    cpSync(join(projectRoot, 'content', name), join(fixtureContent, name), { recursive: true });
  }
  cpSync(join(projectRoot, 'tests/fixtures/notes'), join(fixtureContent, 'notes'), { recursive: true });
  build(builtFixtureSite, { SURVEY_CONTENT_DIR: fixtureContent });

  rmSync(largeContent, { recursive: true, force: true });
  mkdirSync(join(largeContent, 'listings'), { recursive: true });
  for (const name of ['survey.yaml', 'facets']) cpSync(join(projectRoot, 'content', name), join(largeContent, name), { recursive: true });
  const listing = syntheticListing(readFileSync(join(projectRoot, 'content/listings/reflective-agents.txt')), LARGE_SURVEY_PAPERS);
  writeFileSync(join(largeContent, 'listings', 'synthetic.txt'), listing);
  build(builtLargeSite, { SURVEY_CONTENT_DIR: largeContent, [INDEX_PART_PAGES_VARIABLE]: String(LARGE_SURVEY_INDEX_PART_PAGES) });

  rmSync(libraryContent, { recursive: true, force: true });
  mkdirSync(join(libraryContent, 'listings'), { recursive: true });
  for (const name of ['survey.yaml', 'facets']) cpSync(join(projectRoot, 'content', name), join(libraryContent, name), { recursive: true });
  for (const name of LIBRARY_FILES) cpSync(join(projectRoot, 'tests/fixtures/library', name), join(libraryContent, 'listings', name));
  build(builtLibrarySite, { SURVEY_CONTENT_DIR: libraryContent });

  rmSync(newContent, { recursive: true, force: true });
  const from = NEW_SURVEY_FILES.flatMap((name) => ['--from', join(projectRoot, 'tests/fixtures/new-survey', name)]);
  const started = spawnSync(
    process.execPath,
    ['scripts/run.mjs', 'scripts/new-survey.ts', newContent, '--title', NEW_SURVEY_TITLE, ...from],
    { cwd: projectRoot, env: userEnvironment(), encoding: 'utf8' },
  );
  writeFileSync(`${newContent}.log`, `${started.stdout}\n${started.stderr}`);
  if (started.status !== 0) throw new Error(`npm run new failed:\n${started.stderr}`);
  build(builtNewSite, { SURVEY_CONTENT_DIR: newContent });
  writeFileSync(stamp, String(process.pid));
}
