/**
 * `npm run bench` (not a test): builds synthetic surveys of 1,000 and 10,000 papers (and the default one) through
 * the real pipeline — ingest, Astro, Pagefind — and a bare Astro site with the same number of plain pages as the
 * floor, and writes bench/results.md: wall time per stage, peak memory, pages per second, output and index sizes,
 * the ratio to the floor, and the default survey's page weights. Linux (reads /proc for memory).
 *
 * `npm run bench -- --sizes 1000` for a quicker run. The parts: surveys.ts (the surveys and how they are built),
 * measure.ts (time and memory), floor-site.ts (the bare Astro site), page-weights.ts, report.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { prepareFloor } from './floor-site.ts';
import { folderBytes, measure, root } from './measure.ts';
import { largestHtmlFile, pageWeight, tableRows, tableScriptWeight, themeNearHundredRows } from './page-weights.ts';
import { formatReport, seconds, type DefaultSurveyResult, type SizeResult } from './report.ts';
import { astro, buildAsNpmRunBuild, INGEST_RUNS, measureFirstIngest, pagesBuilt, prepareSurvey, tsx, work } from './surveys.ts';

const { values: options } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = String(options.sizes).split(',').map(Number).filter((n) => n > 0);

/** One synthetic survey: its first ingest, its build, and the floor of as many pages. */
async function benchSize(count: number): Promise<SizeResult> {
  console.log(`bench: ${count} papers`);
  const content = prepareSurvey(count);
  const out = join(work, `dist-${count}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(resolve(root, astroCacheDir(content)), { recursive: true, force: true });
  const env = { SURVEY_CONTENT_DIR: content };
  const ingest = await measureFirstIngest(content, env);
  console.log(`  ingest ${seconds(ingest.ms)} (median of ${INGEST_RUNS} first ingests)`);
  const { build, astroMs, pagefindMs } = await buildAsNpmRunBuild(out, env);
  const pages = pagesBuilt(build.output);
  console.log(`  astro + pagefind ${seconds(build.ms)} (${pages} pages)`);
  const floor = await measure([astro, 'build', '--root', prepareFloor(pages), '--outDir', join(work, `floor-${count}`)]);
  console.log(`  floor ${seconds(floor.ms)}`);
  return {
    papers: count,
    pages,
    ingest,
    build,
    astroMs,
    pagefindMs,
    floor,
    distBytes: folderBytes(out),
    pagefindBytes: folderBytes(join(out, 'pagefind')),
    theme100: themeNearHundredRows(out),
    allPapersPage: pageWeight(out, readFileSync(join(out, 'papers/index.html'), 'utf8')),
    largestHtml: largestHtmlFile(out),
  };
}

/** The default survey: its ingest and build, and the page weights the budgets are about. */
async function benchDefaultSurvey(): Promise<DefaultSurveyResult> {
  const out = join(work, 'dist-default');
  rmSync(out, { recursive: true, force: true });
  const ingest = await measure([tsx, 'scripts/ingest.ts']);
  const { build } = await buildAsNpmRunBuild(out);
  const pages = pagesBuilt(build.output);
  const floor = await measure([astro, 'build', '--root', prepareFloor(pages), '--outDir', join(work, 'floor-default')]);
  const page = (path: string) => readFileSync(join(out, path), 'utf8');
  const theme = page('themes/rl-reasoning/index.html');
  return {
    ingest,
    build,
    papers: readdirSync(join(out, 'papers')).filter((name) => name !== 'index.html').length,
    pages,
    floor,
    paperWeight: pageWeight(out, page('papers/pseudo-simulation-for-autonomous-driving/index.html')),
    annotatedPaperWeight: pageWeight(out, page('papers/thinkless-llm-learns-when-to-think/index.html')),
    themeWeight: pageWeight(out, theme),
    themeRows: tableRows(theme),
    tableScript: tableScriptWeight(out),
    pagefindBytes: folderBytes(join(out, 'pagefind')),
  };
}

mkdirSync(work, { recursive: true });
const base = await benchDefaultSurvey();
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
const environment = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${process.platform} ${process.arch}, Node ${process.version}, ${cpus().length} cores`;
const report = formatReport(base, results, environment);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.md'), report);
console.log(report);
