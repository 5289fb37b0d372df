/**
 * Vitest global setup: ingests the default survey and builds it twice with the real `astro build` — at the root
 * and under a sub-path — into node_modules/.cache/survey-tests, for the build, link and browser tests.
 * Set SKIP_BUILD=1 to reuse the last build while working on unit tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { builtSite, builtSiteUnderBase, projectRoot, TEST_BASE, userEnvironment } from './paths.ts';

export default function buildOnce() {
  if (process.env.SKIP_BUILD === '1' && existsSync(builtSite) && existsSync(builtSiteUnderBase)) return;
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync(process.execPath, args, { cwd: projectRoot, env: userEnvironment(env), stdio: ['ignore', 'ignore', 'inherit'] });
  run(['node_modules/tsx/dist/cli.mjs', 'scripts/ingest.ts']);
  for (const dir of [builtSite, builtSiteUnderBase]) rmSync(dir, { recursive: true, force: true });
  run(['node_modules/astro/astro.js', 'build', '--outDir', builtSite]);
  run(['node_modules/astro/astro.js', 'build', '--outDir', builtSiteUnderBase], { SURVEY_BASE: TEST_BASE });
}
