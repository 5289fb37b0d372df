/** Two builds of the same content give the same dist/, file for file and byte for byte. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtSite, projectRoot, testBuildRoot, userEnvironment } from '../helpers/paths.ts';
import { expectSameFiles } from '../helpers/tree.ts';

const second = join(testBuildRoot, 'dist-again');
afterAll(() => rmSync(second, { recursive: true, force: true }));

describe('deterministic output', () => {
  test('a second build of the default survey is identical to the first', () => {
    const build = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', second], {
      cwd: projectRoot,
      env: userEnvironment(),
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    expectSameFiles(second, builtSite);
  });
});
