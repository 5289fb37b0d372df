/**
 * `npm run build`: ingest, then `astro build` into a staging folder beside `dist/`, swapped in only when the whole
 * build (pages and search index) succeeded. A failed build — broken MDX, a bad frontmatter field, a `<PaperLink>`
 * to an unknown paper — leaves the previous `dist/` exactly as it was: nothing is half-written.
 *
 * Options: `--out <dir>` (default `dist`); other arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: true, strict: false });
const out = resolve(String(options.out));
const staging = `${out}.staging`;
const previous = `${out}.previous`;
const node = process.execPath;
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const astro = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const ingest = fileURLToPath(new URL('./ingest.ts', import.meta.url));

const run = (args: string[]) => spawnSync(node, args, { stdio: 'inherit' }).status ?? 1;

if (run([tsx, ingest]) !== 0) {
  process.exitCode = 1;
} else {
  rmSync(staging, { recursive: true, force: true });
  const status = run([astro, 'build', '--outDir', staging, ...positionals.map(String)]);
  if (status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`build: failed — ${existsSync(out) ? `${out} still holds the previous build` : 'nothing was written'}.`);
    process.exitCode = status;
  } else {
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(out)) renameSync(out, previous);
    renameSync(staging, out);
    rmSync(previous, { recursive: true, force: true });
    console.log(`build: the site is in ${relative(process.cwd(), out) || out}`);
  }
}
