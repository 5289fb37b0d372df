/** Two builds of the same content give the same dist/, file for file and byte for byte. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtSite, projectRoot, testBuildRoot, userEnvironment } from '../helpers/paths.ts';
import { snapshotTree } from '../helpers/tree.ts';

const second = join(testBuildRoot, 'dist-again');
afterAll(() => rmSync(second, { recursive: true, force: true }));

describe('deterministic output', () => {
  test('a second build of the default survey is identical to the first', () => {
    const build = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--out', second], { cwd: projectRoot, env: userEnvironment(), encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const first = snapshotTree(builtSite);
    const again = snapshotTree(second);
    expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first.keys()].filter((path) => readFileSync(join(builtSite, path)).compare(readFileSync(join(second, path))) !== 0);
    expect(differing).toEqual([]);
  });
});
