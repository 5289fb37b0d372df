/**
 * The GitHub Pages workflow builds with the README's build command, takes the base path and origin from Pages, and
 * publishes dist/. (That the built site works under such a sub-path is tested on the `dist-base` build.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/paths.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

describe('the GitHub Pages workflow', () => {
  const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/deploy-pages.yml'), 'utf8'));
  const steps = workflow.jobs.build.steps as Step[];

  test('builds on pushes to main with Node 20 and the commands a user runs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['npm ci', 'npm run build']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  test('sets the sub-path from the Pages configuration and the origin for feeds and the sitemap, and uploads dist', () => {
    const configure = steps.find((step) => step.uses?.startsWith('actions/configure-pages'))!;
    const build = steps.find((step) => step.run === 'npm run build')!;
    expect(build.env).toEqual({
      SURVEY_BASE: `\${{ steps.${configure.id}.outputs.base_path }}/`,
      SURVEY_SITE: `\${{ steps.${configure.id}.outputs.origin }}`,
    });
    expect(steps.findIndex((step) => step === configure)).toBeLessThan(steps.indexOf(build));
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });
});
