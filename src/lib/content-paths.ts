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
    overrides: resolve(root, 'overrides.yaml'),
    /** Machine-owned: rewritten by every ingest. */
    generated: resolve(root, 'generated'),
    lock: resolve(root, '.ingest.lock'),
  };
}

export type ContentPaths = ReturnType<typeof resolveContentPaths>;
