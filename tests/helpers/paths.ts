import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where the test run's global setup builds the default survey (and the same under a sub-path). */
export const testBuildRoot = join(projectRoot, 'node_modules', '.cache', 'survey-tests');
export const builtSite = join(testBuildRoot, 'dist');
export const builtSiteUnderBase = join(testBuildRoot, 'dist-base');
/** The sub-path the second build is published under. */
export const TEST_BASE = '/survey-sub-path/';
