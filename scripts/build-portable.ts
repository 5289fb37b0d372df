/**
 * `npm run build:portable [-- --site dist] [-- --out dist-portable]`: builds the site into `--site` (as `npm run build
 * -- --out` does) and turns it into `--out`, a copy that works opened straight from disk (`file://`) — zip it, unzip it
 * anywhere, open `index.html`. With `--from <site>` it makes the copy of a site already built, and builds nothing.
 * - every internal link and asset becomes relative and names a real file (`papers/x/index.html`);
 * - module scripts (which browsers refuse from `file://`) are replaced by one classic script;
 * - `search-index.js`, an index of the same content Pagefind indexes, is written for the search page to load
 *   when it is opened from disk (served over HTTP, the copy still uses Pagefind).
 * Written beside `dist-portable/` and swapped in, like the build. The two folders are named apart, so a survey built from
 * another content folder (SURVEY_CONTENT_DIR) can have its own pair without touching another survey's `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'node-html-parser';
import type { SearchDocument } from '../src/lib/search/portable-search.ts';
import { readSearchDocument } from '../src/lib/search/search-documents.ts';
import { recoverInterruptedSwap, stagingFor, swapInDirectory } from './lib/swap-directory.ts';

const { values: options } = parseArgs({
  options: {
    from: { type: 'string' },
    site: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'dist-portable' },
  },
});
const from = resolve(String(options.from ?? options.site));
const out = resolve(String(options.out));
const staging = stagingFor(out);
const base = normaliseBase(process.env.SURVEY_BASE ?? '/');

if (out === from) {
  console.error(`build:portable: the copy (--out) and the site it is made from (--site) are both ${from}: name two folders`);
  process.exit(1);
}
if (options.from === undefined) {
  // The site first, as `npm run build -- --out <site>` builds it: a failed build stops here and changes no folder.
  const built = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('./run.mjs', import.meta.url)), fileURLToPath(new URL('./build.ts', import.meta.url)), '--out', from],
    {
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(join(from, 'index.html'))) {
  console.error(`build:portable: ${from} holds no built site; run npm run build first`);
  process.exit(1);
}

recoverInterruptedSwap(out);
cpSync(from, staging, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL('../src/client/portable.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  outfile: join(staging, '_portable', 'portable.js'),
  logLevel: 'error',
});

const documents: SearchDocument[] = [];
let pages = 0;
for (const file of htmlFiles(staging)) {
  const html = readFileSync(file, 'utf8');
  const sitePath = relative(staging, file).split(sep).join('/');
  const document = readSearchDocument(html, sitePath);
  if (document) documents.push(document);
  writeFileSync(file, makePortable(html, sitePath));
  pages += 1;
}

writeFileSync(join(staging, 'search-index.js'), `window.__surveySearchIndex = ${JSON.stringify(documents)};\n`);

swapInDirectory(out);
const indexSize = readFileSync(join(out, 'search-index.js')).length;
console.log(
  `build:portable: ${pages} pages in ${relative(process.cwd(), out) || out}; search-index.js ${(indexSize / 1024).toFixed(0)} KB for ${documents.length} pages`,
);

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function normaliseBase(value: string): string {
  const trimmed = value.replace(/^\/*|\/*$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Rewrites one page for `file://`: relative links to real files, one classic script instead of modules. */
function makePortable(html: string, sitePath: string): string {
  const root = parse(html, { comment: true });
  const directory = posix.dirname(sitePath);
  const toRoot = posix.relative(directory, '.') || '.';
  const rootPrefix = toRoot === '.' ? './' : `${toRoot}/`;
  for (const element of root.querySelectorAll('[href], [src], [action]')) {
    for (const attribute of ['href', 'src', 'action']) {
      const value = element.getAttribute(attribute);
      if (value && value.startsWith(base)) element.setAttribute(attribute, relativeUrl(value.slice(base.length), directory));
      else if (value === base.slice(0, -1)) element.setAttribute(attribute, relativeUrl('', directory));
    }
  }
  // Modules do not load from file://, and a copy on disk has no origin for the Content-Security-Policy's 'self'.
  for (const element of root.querySelectorAll(
    'script[type="module"], link[rel="modulepreload"], meta[http-equiv="Content-Security-Policy"]',
  ))
    element.remove();
  for (const search of root.querySelectorAll('survey-search')) search.setAttribute('data-root', rootPrefix);
  root.querySelector('body')?.insertAdjacentHTML('beforeend', `<script src="${rootPrefix}_portable/portable.js" defer></script>`);
  return root.toString();
}

/** `papers/x/?q=1#h` seen from `themes/y` → `../../papers/x/index.html?q=1#h`. */
function relativeUrl(target: string, fromDirectory: string): string {
  const match = /^([^?#]*)(.*)$/.exec(target)!;
  let path = match[1]!;
  if (path === '' || path.endsWith('/')) path = `${path}index.html`;
  else if (!posix.extname(path)) path = `${path}/index.html`;
  const relativePath = posix.relative(fromDirectory === '.' ? '' : fromDirectory, path);
  return `${relativePath || 'index.html'}${match[2]}`;
}
