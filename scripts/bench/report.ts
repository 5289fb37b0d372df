/** The bench's report, `bench/results.md`: the figures of one run, each budget against its measure, and the why. */
import { cpuMs, type Run } from './measure.ts';
import type { BuildStages } from './surveys.ts';

/** What the bench measured for one synthetic survey. */
export interface SizeResult {
  papers: number;
  pages: number;
  /** The first ingest, alone (median of three). */
  ingest: Run;
  /** A cold `npm run build`: nothing ingested, no content cache. */
  build: Run;
  stages: BuildStages;
  /** Astro's page rendering within the build, and the floor's (from their logs); null when not found. */
  renderingMs: number | null;
  floorRenderingMs: number | null;
  /** `npm run build` again after one new note. */
  rebuild: Run;
  rebuildStages: BuildStages;
  floor: Run;
  /**
   * Each cold build's time and the floor's measured right after it, in the order they ran, when there were several
   * (scripts/bench/surveys.ts, `coldRunsFor`): `build` and `floor` are the median runs. Absent from older figures.
   */
  coldRuns?: Array<{ buildMs: number; floorMs: number }>;
  distBytes: number;
  pagefindBytes: number;
  theme100: { rows: number; bytes: number } | null;
  /** The all-papers page (its first page, for a large survey), gzipped with what it loads. */
  allPapersPage: number;
  /** The largest HTML file of the site, uncompressed: what a big table would cost without pages. */
  largestHtml: { path: string; bytes: number };
  /** When these figures were measured (a run keeps the figures of sizes it did not measure). */
  measuredAt?: string;
}

/** What the bench measured for the default survey. */
export interface DefaultSurveyResult {
  ingest: Run;
  build: Run;
  papers: number;
  pages: number;
  floor: Run;
  paperWeight: number;
  annotatedPaperWeight: number;
  themeWeight: number;
  themeRows: number;
  tableScript: number;
  pagefindBytes: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/**
 * How long Astro spent rendering pages, from its log: the "Completed in …" that ends page generation, just before
 * "N page(s) built". The rest of an Astro build is content sync and bundling.
 */
export function renderingMs(output: string): number | null {
  const log = output.replace(/\x1b\[[0-9;]*m/g, '');
  const built = log.search(/page\(s\) built/);
  const completions = [...log.slice(0, built < 0 ? undefined : built).matchAll(/Completed in ([\d.]+)(ms|s)\b/g)];
  const last = completions.at(-1);
  return last ? Number(last[1]) * (last[2] === 's' ? 1000 : 1) : null;
}

/** Where a survey's cold build spends its time, against the floor. */
function buildTimeBreakdown(r: SizeResult): string {
  const perPage = (ms: number) => `${(ms / r.pages).toFixed(2)} ms`;
  const { ingestMs, pagesMs, afterPagesMs, indexWriteMs, indexBesidePages } = r.stages;
  const rendering =
    r.renderingMs === null
      ? ''
      : `, of which ${seconds(r.renderingMs)} renders the pages (${perPage(r.renderingMs)} a page, from the first to Astro's exit) and ${seconds(Math.max(0, pagesMs - r.renderingMs))} is the rest of Astro's start, sync and bundling not done during the ingest`;
  const floorRendering =
    r.floorRenderingMs === null
      ? ''
      : ` (its plain pages ${perPage(r.floorRenderingMs)} a page, the rest ${seconds(r.floor.ms - r.floorRenderingMs)})`;
  return (
    `- ${r.papers} papers, ${seconds(r.build.ms)} against a floor of ${seconds(r.floor.ms)}${floorRendering}: ingest ${seconds(ingestMs)}, Astro starting alongside; ` +
    `Astro after the ingest ${seconds(pagesMs)}${rendering}, with Pagefind reading the search records alongside; after the pages ${seconds(afterPagesMs)}` +
    (indexBesidePages
      ? ` (Pagefind wrote the index beside the pages, in ${seconds(indexWriteMs)}).`
      : `, of which Pagefind writes the index in ${seconds(indexWriteMs)}.`) +
    cpuOfBuild(r)
  );
}

/** The cold build's CPU time against the floor's, when both were measured. */
function cpuOfBuild(r: SizeResult): string {
  const [cpu, floorCpu] = [cpuMs(r.build), cpuMs(r.floor)];
  if (cpu === undefined || floorCpu === undefined) return '';
  return ` In all it used ${seconds(cpu)} of CPU, ${coresBusy(r.build)} cores busy on average, against the floor's ${seconds(floorCpu)} (${coresBusy(r.floor)} cores busy).`;
}

const ratioToFloor = (r: SizeResult) => r.build.ms / r.floor.ms;

/** Whether a survey's cold build and floor were each measured more than once. */
const repeated = (r: SizeResult): r is SizeResult & { coldRuns: Array<{ buildMs: number; floorMs: number }> } =>
  (r.coldRuns?.length ?? 0) > 1;

/** The lowest and highest of figures, as `a–b` with the unit after: `10.9–12.1 s`. */
const spread = (values: readonly number[], format: (value: number) => string, unit: string) =>
  `${format(Math.min(...values))}–${format(Math.max(...values))}${unit}`;
const secondsFigure = (ms: number) => (ms / 1000).toFixed(1);

/** A median time with the spread of its runs: `11.6 s (10.9–12.1 s)`, or the time alone when it was measured once. */
const withSpread = (r: SizeResult, medianMs: number, pick: (run: { buildMs: number; floorMs: number }) => number) =>
  repeated(r) ? `${seconds(medianMs)} (${spread(r.coldRuns.map(pick), secondsFigure, ' s')})` : seconds(medianMs);

/** The lowest and highest ratio of a build to the floor made right after it: `2.61–3.02×`. */
const pairRatios = (coldRuns: ReadonlyArray<{ buildMs: number; floorMs: number }>) =>
  spread(
    coldRuns.map((run) => run.buildMs / run.floorMs),
    (ratio) => ratio.toFixed(2),
    '×',
  );

/** The ratio of the median build to the median floor, with the ratios of the build–floor pairs as they ran. */
const ratioWithSpread = (r: SizeResult) =>
  repeated(r) ? `${ratioToFloor(r).toFixed(2)}× (${pairRatios(r.coldRuns)} run by run)` : `${ratioToFloor(r).toFixed(2)}×`;

/** A run's CPU time, or a dash for figures kept from a run that did not measure it. */
const cpuSeconds = (run: Run) => {
  const cpu = cpuMs(run);
  return cpu === undefined ? '—' : seconds(cpu);
};
/** How many cores a run kept busy on average: its CPU time over its wall time. */
const coresBusy = (run: Run) => {
  const cpu = cpuMs(run);
  return cpu === undefined ? '—' : (cpu / run.ms).toFixed(2);
};
const cpuRatio = (run: Run, floor: Run) => {
  const [cpu, floorCpu] = [cpuMs(run), cpuMs(floor)];
  return cpu === undefined || floorCpu === undefined ? '—' : `${(cpu / floorCpu).toFixed(2)}×`;
};

/**
 * The CPU time of each build beside the floor's: a build that keeps every core busy can only get faster by doing less
 * work, and CPU time wanders less than wall time on a shared machine.
 */
function cpuSection(base: DefaultSurveyResult, results: readonly SizeResult[]): string[] {
  const withSystem = (run: Run) => (run.systemMs === undefined ? '' : ` (${seconds(run.systemMs)} system)`);
  /** A survey's CPU figures, from its first ingest to its rebuild (the default survey has none). */
  const cpuCells = ({ ingest, build, floor, rebuild }: { ingest: Run; build: Run; floor: Run; rebuild?: Run }) => [
    cpuSeconds(ingest),
    `${cpuSeconds(build)}${withSystem(build)}`,
    coresBusy(build),
    cpuSeconds(floor),
    coresBusy(floor),
    cpuRatio(build, floor),
    rebuild ? cpuSeconds(rebuild) : '',
  ];
  return [
    '## CPU time',
    '',
    'User and system time of each command and every process it started and waited for (the ingest, Astro, Pagefind), and the cores it kept busy on average (CPU time over wall time).',
    '',
    row([
      'papers',
      'first ingest',
      '`npm run build`, cold',
      'cores busy',
      'floor',
      'cores busy',
      'CPU ratio to floor',
      'after one new note',
      'measured',
    ]),
    row(Array(9).fill('---')),
    row([`${base.papers} (default)`, ...cpuCells(base), '']),
    ...results.map((r) => row([r.papers, ...cpuCells(r), r.measuredAt ?? ''])),
  ];
}

/** Each budget of the performance issue against this run's figures. */
function budgetSection(base: DefaultSurveyResult, results: readonly SizeResult[]): string[] {
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const lines = ['## Budgets', '', row(['budget', 'measured', '']), row(['---', '---', '---'])];
  const bySize = (papers: number) => results.find((r) => r.papers === papers);
  for (const r of results.filter((result) => result.papers <= 10_000)) {
    lines.push(
      row([
        `${r.papers} papers: \`npm run build\` within 2× the bare-Astro floor`,
        repeated(r)
          ? `${ratioToFloor(r).toFixed(2)}× (medians of ${r.coldRuns.length} runs each: ${seconds(r.build.ms)} vs ${seconds(r.floor.ms)}; ${pairRatios(r.coldRuns)} run by run)`
          : `${ratioToFloor(r).toFixed(2)}× (${seconds(r.build.ms)} vs ${seconds(r.floor.ms)})`,
        verdict(ratioToFloor(r) <= 2),
      ]),
    );
    lines.push(
      row([
        `${r.papers} papers: rebuild after one new note under half the cold build`,
        `${seconds(r.rebuild.ms)} vs ${seconds(r.build.ms)} (${(r.rebuild.ms / r.build.ms).toFixed(2)}×)`,
        verdict(r.rebuild.ms < r.build.ms / 2),
      ]),
    );
  }
  const tenThousand = bySize(10_000);
  if (tenThousand) {
    const peak = Math.max(tenThousand.ingest.peakMb, tenThousand.build.peakMb);
    lines.push(
      row(['10000 papers: peak memory under 2 GB', `${peak.toFixed(0)} MB`, verdict(peak < 2048)]),
      row(['10000 papers: ingest under 5 s', seconds(tenThousand.ingest.ms), verdict(tenThousand.ingest.ms < 5000)]),
    );
  }
  const hundredThousand = bySize(100_000);
  if (hundredThousand) {
    const peak = Math.max(hundredThousand.ingest.peakMb, hundredThousand.build.peakMb);
    lines.push(row(['100000 papers: peak memory under 8 GB', `${peak.toFixed(0)} MB`, verdict(peak < 8192)]));
    if (tenThousand && tenThousand.measuredAt !== hundredThousand.measuredAt) {
      // A shared machine's speed drifts from run to run (2× between two days here): a ratio across runs says little.
      lines.push(
        row([
          '100000 papers: build at most 11× the 10000-paper build',
          `${seconds(hundredThousand.build.ms)} (${hundredThousand.measuredAt}) and ${seconds(tenThousand.build.ms)} (${tenThousand.measuredAt}) were measured in different runs: not compared (\`npm run bench -- --sizes 10000,100000\` measures both in one)`,
          '—',
        ]),
      );
    } else if (tenThousand) {
      const growth = hundredThousand.build.ms / tenThousand.build.ms;
      lines.push(
        row([
          '100000 papers: build at most 11× the 10000-paper build',
          `${growth.toFixed(1)}× (${seconds(hundredThousand.build.ms)} vs ${seconds(tenThousand.build.ms)})`,
          verdict(growth <= 11),
        ]),
      );
    }
  }
  lines.push(
    row(['paper page under 20 KB gzipped before interaction', kb(base.paperWeight), verdict(base.paperWeight < 20 * 1024)]),
    // The budget is for a page of about a hundred rows; a larger survey's closest theme is reported above, not judged.
    ...results
      .filter((r) => r.theme100 && r.theme100.rows <= 150)
      .map((r) =>
        row([
          `theme page with ~100 rows under 60 KB`,
          `${kb(r.theme100!.bytes)} at ${r.theme100!.rows} rows`,
          verdict(r.theme100!.bytes < 60 * 1024),
        ]),
      ),
  );
  lines.push('', 'Where the time goes (cold `npm run build`):', '', ...results.map(buildTimeBreakdown));
  return lines;
}

/** The report's Markdown. */
export function formatReport(base: DefaultSurveyResult, results: readonly SizeResult[], environment: string): string {
  const stages = (s: BuildStages) => `${seconds(s.ingestMs)} / ${seconds(s.pagesMs)} / ${seconds(s.afterPagesMs)}`;
  return [
    '# Benchmark',
    '',
    `Run ${environment}. Produced by \`npm run bench\`; sizes not measured in this run keep the figures of their last run (the date is in the table).`,
    '',
    '## Build at scale',
    '',
    'Every build is `npm run build` as a curator runs it: cold (nothing ingested, no content cache), then again after one new note. Up to 10,000 papers the cold build and the floor are each made three times, in turns (build, floor, build, …): the table gives the medians, the lowest and highest run in brackets, and the ratio of the medians with the ratios of each build to the floor made right after it; the stages, CPU time and the breakdown below are those of the median build, the peak memory the highest of the three. Its stages: ingest (Astro starts alongside and waits for it before it reads the papers), the pages (the rest of Astro, with Pagefind reading the search records alongside), and after the pages (Pagefind writing the index, the new site moved into place).',
    '',
    row([
      'papers',
      'pages',
      'first ingest',
      '`npm run build`, cold',
      'ingest / pages / after',
      'floor (bare Astro, same pages)',
      'ratio to floor',
      'after one new note',
      'peak memory (ingest / build)',
      'dist',
      'Pagefind index',
      'measured',
    ]),
    row(Array(12).fill('---')),
    row([
      `${base.papers} (default)`,
      base.pages,
      seconds(base.ingest.ms),
      seconds(base.build.ms),
      '',
      seconds(base.floor.ms),
      `${(base.build.ms / base.floor.ms).toFixed(2)}×`,
      '',
      `${base.ingest.peakMb.toFixed(0)} / ${base.build.peakMb.toFixed(0)} MB`,
      '',
      kb(base.pagefindBytes),
      '',
    ]),
    ...results.map((r) =>
      row([
        r.papers,
        r.pages,
        seconds(r.ingest.ms),
        withSpread(r, r.build.ms, (run) => run.buildMs),
        stages(r.stages),
        withSpread(r, r.floor.ms, (run) => run.floorMs),
        ratioWithSpread(r),
        `${seconds(r.rebuild.ms)} (${stages(r.rebuildStages)})`,
        `${r.ingest.peakMb.toFixed(0)} / ${r.build.peakMb.toFixed(0)} MB`,
        mb(r.distBytes),
        mb(r.pagefindBytes),
        r.measuredAt ?? '',
      ]),
    ),
    '',
    ...cpuSection(base, results),
    '',
    '## Page weight (HTML + CSS + JS loaded before interaction, gzipped)',
    '',
    row(['page', 'weight', 'budget']),
    row(['---', '---', '---']),
    row(['paper page (no note)', kb(base.paperWeight), '20 KB']),
    row(['paper page with a note and a table', kb(base.annotatedPaperWeight), '20 KB']),
    row([`theme page, ${base.themeRows} rows (default survey)`, kb(base.themeWeight), '60 KB at 100 rows']),
    ...results
      .filter((r) => r.theme100)
      .map((r) => row([`theme page, ${r.theme100!.rows} rows (${r.papers}-paper survey)`, kb(r.theme100!.bytes), '60 KB at 100 rows'])),
    ...results.map((r) =>
      row([`all-papers page (${r.papers}-paper survey; its first page of ${Math.ceil(r.papers / 200)})`, kb(r.allPapersPage), '—']),
    ),
    ...results.map((r) =>
      row([`largest HTML file (${r.papers}-paper survey), uncompressed: \`${r.largestHtml.path}\``, kb(r.largestHtml.bytes), '—']),
    ),
    row(['table script (loaded when a table scrolls into view)', kb(base.tableScript), '8 KB']),
    '',
    ...budgetSection(base, results),
    '',
    'Search figures (first-query transfer, keystroke to results) are measured in the browser tests (`tests/browser/search.test.ts`), which print them.',
    '',
  ].join('\n');
}
