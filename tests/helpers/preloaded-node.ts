import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/**
 * Runs `code` (an ES module) in a Node loaded as the build script loads Astro (`node --import` of `preload`, one of
 * scripts/lib's modules), with `env` added to the environment; what it printed on stdout, parsed as JSON. Anything
 * on stderr fails the test.
 */
export function runPreloaded(preload: string, code: string, env: Record<string, string> = {}): Record<string, unknown> {
  const result = spawnSync(process.execPath, ['--import', preload, '--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown>;
}
