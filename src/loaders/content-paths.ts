import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Where a survey's files live. `content/` of the project by default; `SURVEY_CONTENT_DIR` points the ingest and
 * the build at another folder (tests and benchmarks build surveys that way without touching `content/`).
 */
export function resolveContentPaths(contentDir = process.env.SURVEY_CONTENT_DIR ?? 'content') {
  const root = resolve(contentDir);
  return {
    root,
    listings: resolve(root, 'listings'),
    surveyConfig: resolve(root, 'survey.yaml'),
    /** Curated: one MDX note per paper, `<paper-id>.mdx`. */
    notes: resolve(root, 'notes'),
    /** Curated: one MDX intro per theme, `<theme-id>.mdx`. */
    themeIntros: resolve(root, 'themes'),
    /** Curated: the survey's introduction on the home page. */
    surveyIntro: resolve(root, 'intro.mdx'),
    /** Curated: facet vocabularies, `<kind>.yaml`. */
    facets: resolve(root, 'facets'),
    /** The pins file of earlier versions; pins now live in notes' frontmatter. */
    legacyOverrides: resolve(root, 'overrides.yaml'),
    /** Machine-owned: rewritten by every ingest. */
    generated: resolve(root, 'generated'),
    /** Machine-owned but committed: when each paper first appeared, kept across ingests and clones. */
    history: resolve(root, 'history.json'),
    lock: resolve(root, '.ingest.lock'),
  };
}

export type ContentPaths = ReturnType<typeof resolveContentPaths>;

/**
 * Astro's cache folder for a survey: the default one for `content/`, and one per other content folder
 * (`SURVEY_CONTENT_DIR`), so two surveys never share cached collections.
 */
export function astroCacheDir(contentDir = process.env.SURVEY_CONTENT_DIR): string {
  if (!contentDir) return './node_modules/.astro';
  return `./node_modules/.astro/survey-${createHash('sha1').update(resolve(contentDir)).digest('hex').slice(0, 12)}`;
}
