import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { BundleError, bundleScript } from '../../scripts/lib/bundle-script.mjs';

const root = mkdtempSync(join(tmpdir(), 'bundle-script-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
  return join(root, path);
};

describe('the scripts run bundled (scripts/run.mjs)', () => {
  test('a script and the modules it imports run as one module, each keeping its own import.meta.url', async () => {
    write('lib/where.ts', 'export const where = (): string => import.meta.url;\nexport const twice = (n: number): number => n * 2;\n');
    const entry = write(
      'main.ts',
      "import { twice, where } from './lib/where.ts';\nexport const answer = { own: import.meta.url, lib: where(), doubled: twice(21) };\n",
    );
    const bundle: URL = await bundleScript(entry);
    expect(bundle.pathname).toMatch(/node_modules\/\.cache\/survey-scripts\/main-[0-9A-Z]{8}\.mjs$/);
    const { answer } = (await import(bundle.href)) as { answer: { own: string; lib: string; doubled: number } };
    expect(answer).toEqual({ own: pathToFileURL(entry).href, lib: pathToFileURL(join(root, 'lib/where.ts')).href, doubled: 42 });
  });

  test('the same code gives the same bundle file, other code another', async () => {
    const entry = write('same.ts', 'export const value: number = 1;\n');
    const first: URL = await bundleScript(entry);
    expect((await bundleScript(entry)).href).toBe(first.href);
    write('same.ts', 'export const value: number = 2;\n');
    expect((await bundleScript(entry)).href).not.toBe(first.href);
  });

  test('a bundle is made again when a module it imports changes, even by one character of the same length', async () => {
    write('dep/value.ts', 'export const value: number = 1;\n');
    const entry = write('uses-dep.ts', "import { value } from './dep/value.ts';\nexport const answer = value;\n");
    const first: URL = await bundleScript(entry);
    expect(((await import(first.href)) as { answer: number }).answer).toBe(1);
    write('dep/value.ts', 'export const value: number = 7;\n');
    const second: URL = await bundleScript(entry);
    expect(second.href).not.toBe(first.href);
    expect(((await import(second.href)) as { answer: number }).answer).toBe(7);
    // Unchanged since: the last bundle is used again; when its file has gone, it is made again, the same.
    expect((await bundleScript(entry)).href).toBe(second.href);
    rmSync(second);
    expect((await bundleScript(entry)).href).toBe(second.href);
  });

  test('a module imported with `await import(…)` is a chunk of its own, loaded when that line runs', async () => {
    // Each run of the tests writes new files: the marker is this run's own.
    const marker = `loaded-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    write(
      'lazy/later.ts',
      `(globalThis as Record<string, unknown>)[${JSON.stringify(marker)}] = true;\nexport const later = (): string => 'later';\n`,
    );
    const entry = write('lazy/main.ts', "export const loadLater = async (): Promise<string> => (await import('./later.ts')).later();\n");
    const { loadLater } = (await import((await bundleScript(entry)).href)) as { loadLater: () => Promise<string> };
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(await loadLater()).toBe('later');
    expect((globalThis as Record<string, unknown>)[marker]).toBe(true);
    // Its chunk gone: the bundle is made again, whole.
    const folder = new URL('.', await bundleScript(entry));
    const chunk = readdirSync(folder).find(
      (name) => name.startsWith('chunk-') && readFileSync(new URL(name, folder), 'utf8').includes(marker),
    )!;
    rmSync(new URL(chunk, folder));
    await bundleScript(entry);
    expect(existsSync(new URL(chunk, folder))).toBe(true);
  });

  test('code that does not compile is an error naming the file, line and column', async () => {
    const entry = write('broken.ts', 'export const fine = 1;\nexport const broken = (;\n');
    const error = await bundleScript(entry).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toMatch(new RegExp(`broken\\.ts:2:\\d+: `));
  });
});

describe('the build hands Astro its config bundled (scripts/build.ts)', () => {
  test('the bundled astro.config.mjs imports in plain Node, as Astro first tries, with every integration', async () => {
    const bundle: URL = await bundleScript(new URL('../../astro.config.mjs', import.meta.url));
    // In a Node of its own, as Astro imports a config before it falls back to Vite: a `.ts` import left in the bundle,
    // or anything only Vite provides, fails here.
    const script = `const { default: config } = await import(${JSON.stringify(bundle.href)});
console.log(JSON.stringify(config.integrations.map((integration) => integration.name)));`;
    const env = { ...process.env, SURVEY_SITE: '' };
    const names = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as string[];
    expect(names).toEqual([
      'survey-build-output',
      '@astrojs/mdx',
      'survey-data-store-as-json',
      'survey-pagefind',
      'survey-ingest-on-change',
    ]);
  });
});
