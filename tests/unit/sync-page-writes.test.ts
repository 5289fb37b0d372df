import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runPreloaded } from '../helpers/preloaded-node.ts';

const root = mkdtempSync(join(tmpdir(), 'sync-page-writes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const preload = new URL('../../scripts/lib/sync-page-writes.mjs', import.meta.url).href;

/** Runs `code` in a Node loaded as the build script loads Astro (`--import` of the module), `out` as the site's folder. */
const runLoaded = (code: string, out: string) => runPreloaded(preload, code, { SURVEY_PAGES_OUT: out });

describe("Astro's page files written synchronously under npm run build (scripts/lib/sync-page-writes.mjs)", () => {
  test('a page inside the site folder is on disk when the call returns, as a URL or a path; the promise still resolves', () => {
    const out = join(root, 'site');
    const answer = runLoaded(
      `import fs from 'node:fs';
       import { pathToFileURL } from 'node:url';
       const folder = new URL('papers/a/', pathToFileURL(${JSON.stringify(`${out}/`)}));
       const made = fs.promises.mkdir(folder, { recursive: true });
       const madeAtOnce = fs.existsSync(folder);
       await made;
       const written = fs.promises.writeFile(new URL('index.html', folder), '<p>a</p>');
       const writtenAtOnce = fs.existsSync(new URL('index.html', folder));
       const byPath = fs.promises.writeFile(${JSON.stringify(join(out, 'b.txt'))}, 'b');
       const byPathAtOnce = fs.existsSync(${JSON.stringify(join(out, 'b.txt'))});
       console.log(JSON.stringify({ madeAtOnce, writtenAtOnce, byPathAtOnce, resolved: (await Promise.all([written, byPath])).length }));`,
      out,
    );
    expect(answer).toEqual({ madeAtOnce: true, writtenAtOnce: true, byPathAtOnce: true, resolved: 2 });
    expect(readFileSync(join(out, 'papers/a/index.html'), 'utf8')).toBe('<p>a</p>');
  });

  test('a file outside the site folder is written as before: not before the event loop turns', () => {
    const out = join(root, 'other-site');
    const inside = join(out, 'inside.txt');
    const elsewhere = join(root, 'site-elsewhere.txt');
    // Stopped before the loop turns: an asynchronous write has at most opened its file; a synchronous one is done.
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        preload,
        '--input-type=module',
        '-e',
        `import fs from 'node:fs';
       fs.mkdirSync(${JSON.stringify(out)}, { recursive: true });
       fs.promises.writeFile(${JSON.stringify(inside)}, 'x');
       fs.promises.writeFile(${JSON.stringify(elsewhere)}, 'x');
       process.exit(0);`,
      ],
      { env: { ...process.env, SURVEY_PAGES_OUT: out }, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const text = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    expect(text(inside)).toBe('x');
    expect(text(elsewhere)).toBe('');
  });

  test('a failed write rejects, as the awaited call did', () => {
    const out = join(root, 'missing-folder-site');
    const answer = runLoaded(
      `import fs from 'node:fs';
       const error = await fs.promises.writeFile(${JSON.stringify(join(out, 'no/such/folder/index.html'))}, 'x').catch((e) => e.code);
       console.log(JSON.stringify({ error }));`,
      out,
    );
    expect(answer).toEqual({ error: 'ENOENT' });
  });
});
