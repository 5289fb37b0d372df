/**
 * `npm run bench` (not a test): builds synthetic surveys of 1,000 and 10,000 papers (and the default one) with
 * `npm run build` — cold (three times up to 10,000 papers, each followed by the floor), then again after one new
 * note — and a bare Astro site with the same number of plain pages as the floor, and writes bench/results.md: wall
 * time per stage, CPU time, peak memory, pages per second, output and index sizes, the ratio to the floor, and the
 * default survey's page weights. Linux (reads /proc for memory and CPU).
 *
 * `npm run bench -- --sizes 1000` for a quicker run, `-- --sizes 100000` for the large one (its figures are kept in
 * bench/results.md beside the others: a run writes the sizes it measured and keeps the rows of the others). The
 * parts: surveys.ts (the surveys and how they are built), measure.ts (time, CPU and memory), floor-site.ts (the bare
 * Astro site), page-weights.ts, report.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { prepareFloor } from './floor-site.ts';
import { cpuMs, folderBytes, measure, root } from './measure.ts';
import { largestHtmlFile, pageWeight, tableRows, tableScriptWeight, themeNearHundredRows } from './page-weights.ts';
import { formatReport, renderingMs, seconds, type DefaultSurveyResult, type SizeResult } from './report.ts';
import type { Run } from './measure.ts';

/**
 * The floor: a bare Astro site of `pages` plain pages, built cold into an empty folder as `npm run build` builds into
 * a fresh one (Astro would otherwise first delete the last run's ten thousand folders, and time it as the floor's).
 */
function measureFloor(pages: number, out: string): Promise<Run> {
  rmSync(out, { recursive: true, force: true });
  return measure([astro, 'build', '--root', prepareFloor(pages), '--outDir', out]);
}

/** How many paper pages a built site has (`papers/<id>/`). */
const paperPages = (site: string) =>
  readdirSync(join(site, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page').length;

/** A run's figures without its log, as kept in bench/results.json. */
const withoutOutput = (run: Run): Run => ({ ...run, output: '' });
import {
  addOneNote,
  astro,
  coldRunsFor,
  forgetBuilds,
  INGEST_RUNS,
  measureFirstIngest,
  measureNpmRunBuild,
  medianRun,
  pagesBuilt,
  prepareSurvey,
  script,
  work,
  type BuildStages,
} from './surveys.ts';

const { values: options } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = String(options.sizes)
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/**
 * One synthetic survey: its first ingest (median of three), cold `npm run build`s (nothing ingested or cached yet)
 * each beside a floor of as many pages ({@link coldRunsFor}), then a rebuild after a curator adds one note.
 */
async function benchSize(count: number): Promise<SizeResult> {
  console.log(`bench: ${count} papers`);
  const content = prepareSurvey(count);
  const out = join(work, `dist-${count}`);
  const cacheDir = resolve(root, astroCacheDir(content));
  const env = { SURVEY_CONTENT_DIR: content };
  const ingest = await measureFirstIngest(content, env);
  console.log(`  ingest ${seconds(ingest.ms)} (median of ${INGEST_RUNS} first ingests)`);
  const builds: Array<Run & { stages: BuildStages }> = [];
  const floors: Run[] = [];
  let pages = 0;
  for (let run = 0; run < coldRunsFor(count); run += 1) {
    rmSync(out, { recursive: true, force: true });
    forgetBuilds(content, cacheDir);
    const { build, stages } = await measureNpmRunBuild(out, env);
    pages = pagesBuilt(build.output);
    console.log(`  npm run build, cold: ${seconds(build.ms)} (${pages} pages; ${seconds(cpuMs(build) ?? NaN)} of CPU)`);
    builds.push({ ...build, stages });
    const floor = await measureFloor(pages, join(work, `floor-${count}`));
    console.log(`  floor ${seconds(floor.ms)} (${seconds(cpuMs(floor) ?? NaN)} of CPU)`);
    floors.push(floor);
  }
  const { stages, ...build } = medianRun(builds);
  const floor = medianRun(floors);
  const papersCold = paperPages(out);
  addOneNote(content);
  const rebuild = await measureNpmRunBuild(out, env);
  console.log(`  npm run build after one new note: ${seconds(rebuild.build.ms)}`);
  // The pages a rebuild takes from the last build must all be there: a fast rebuild of an incomplete site is no figure.
  const papersRebuilt = paperPages(out);
  if (papersRebuilt !== papersCold) throw new Error(`bench: the rebuild left ${papersRebuilt} paper pages in ${out}, not ${papersCold}`);
  return {
    papers: count,
    pages,
    ingest: withoutOutput(ingest),
    build: withoutOutput(build),
    // From the build script's count of pages: Astro's own figure counts the wait for the ingest as rendering.
    renderingMs: Number.isFinite(stages.renderingMs) ? stages.renderingMs : renderingMs(build.output),
    floorRenderingMs: renderingMs(floor.output),
    stages,
    rebuild: withoutOutput(rebuild.build),
    rebuildStages: rebuild.stages,
    floor: withoutOutput(floor),
    coldRuns: builds.map((run, index) => ({ buildMs: run.ms, floorMs: floors[index]!.ms })),
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
  const ingest = await measure(script('scripts/ingest.ts'));
  const { build } = await measureNpmRunBuild(out);
  const pages = pagesBuilt(build.output);
  const floor = await measureFloor(pages, join(work, 'floor-default'));
  const page = (path: string) => readFileSync(join(out, path), 'utf8');
  const theme = page('themes/rl-reasoning/index.html');
  return {
    ingest,
    build,
    papers: paperPages(out),
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
const measured: SizeResult[] = [];
for (const size of sizes) measured.push(await benchSize(size));
// The figures of sizes not measured this time (the 100,000-paper run takes half an hour) are kept from the last run.
const kept = join(root, 'bench', 'results.json');
const previous = existsSync(kept)
  ? (JSON.parse(readFileSync(kept, 'utf8')) as { sizes: Array<SizeResult & { measuredAt: string }> }).sizes
  : [];
const now = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const results = [
  ...previous.filter((old) => !sizes.includes(old.papers)),
  ...measured.map((result) => ({ ...result, measuredAt: now })),
].sort((a, b) => a.papers - b.papers);
const environment = `${now} on ${process.platform} ${process.arch}, Node ${process.version}, ${cpus().length} cores`;
const report = formatReport(base, results, environment);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.md'), report);
writeFileSync(kept, `${JSON.stringify({ sizes: results }, null, 2)}\n`);
console.log(report);
