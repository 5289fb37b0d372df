import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endedChildrenCpuMs, measure, type Run } from '../../scripts/bench/measure.ts';
import { formatReport, type DefaultSurveyResult, type SizeResult } from '../../scripts/bench/report.ts';
import { medianRun } from '../../scripts/bench/surveys.ts';

describe('the bench’s CPU time of a command', () => {
  it('reads the ended children’s user and system ticks from a /proc stat line, whatever the process is called', () => {
    // Fields 14–17 are utime, stime, cutime, cstime; the name holds a space and a parenthesis, as a name may.
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 9 0 0 0 111 22 345 67 20 0 11 0 100 0 0';
    expect(endedChildrenCpuMs(stat, 100)).toEqual({ userMs: 3450, systemMs: 670 });
    expect(endedChildrenCpuMs(stat, 250)).toEqual({ userMs: 1380, systemMs: 268 });
  });

  it('refuses a line that is not a stat line rather than report a zero', () => {
    expect(() => endedChildrenCpuMs('not a stat line', 100)).toThrow(/stat line/);
  });

  it('this process’s own line reads, with the times of children it has waited for', () => {
    spawnSync(process.execPath, ['-e', 'let x = 0; const end = Date.now() + 150; while (Date.now() < end) x += 1;']);
    const cpu = endedChildrenCpuMs(readFileSync('/proc/self/stat', 'utf8'), 100);
    expect(cpu.userMs + cpu.systemMs).toBeGreaterThan(0);
  });

  it('a measured command that keeps a core busy for a while reports about that much CPU time', async () => {
    const run = await measure(['-e', 'let x = 0; const end = Date.now() + 600; while (Date.now() < end) x += 1;']);
    const cpu = run.userMs! + run.systemMs!;
    expect(cpu).toBeGreaterThan(400);
    expect(cpu).toBeLessThan(run.ms + 200);
  });
});

// A report’s figures: the default survey’s and a synthetic survey’s, with or without CPU times and repeated runs.
const reportRun = (ms: number, cpu?: { userMs: number; systemMs: number }): Run => ({ ms, peakMb: 100, output: '', ...cpu });
const stages = { ingestMs: 1000, pagesMs: 2000, afterPagesMs: 0, indexWriteMs: 500, indexBesidePages: true, renderingMs: 1500 };
const base: DefaultSurveyResult = {
  ingest: reportRun(900, { userMs: 1000, systemMs: 100 }),
  build: reportRun(10_000, { userMs: 15_000, systemMs: 3000 }),
  papers: 121,
  pages: 140,
  floor: reportRun(3000, { userMs: 3500, systemMs: 500 }),
  paperWeight: 8000,
  annotatedPaperWeight: 9000,
  themeWeight: 17_000,
  themeRows: 32,
  tableScript: 3500,
  pagefindBytes: 900_000,
};
const size = (papers: number, measuredAt: string, cpu: boolean, coldRuns?: SizeResult['coldRuns']): SizeResult => ({
  papers,
  pages: papers + 28,
  ingest: reportRun(2000, cpu ? { userMs: 2500, systemMs: 500 } : undefined),
  build: reportRun(12_000, cpu ? { userMs: 18_000, systemMs: 4000 } : undefined),
  stages,
  renderingMs: 3000,
  floorRenderingMs: 1000,
  rebuild: reportRun(10_000, cpu ? { userMs: 14_000, systemMs: 2000 } : undefined),
  rebuildStages: stages,
  floor: reportRun(5000, cpu ? { userMs: 6000, systemMs: 2000 } : undefined),
  coldRuns,
  distBytes: 1,
  pagefindBytes: 1,
  theme100: null,
  allPapersPage: 1,
  largestHtml: { path: 'index.html', bytes: 1 },
  measuredAt,
});

describe('the bench report’s CPU section', () => {
  it('gives each build’s CPU time, the cores it kept busy and its ratio to the floor’s; a dash for figures kept from older runs', () => {
    const report = formatReport(base, [size(1000, 'today', true), size(100_000, 'last week', false)], 'now');
    const section = report.slice(report.indexOf('## CPU time'), report.indexOf('## Page weight'));
    expect(section).toContain('| 121 (default) | 1.1 s | 18.0 s (3.0 s system) | 1.80 | 4.0 s | 1.33 | 4.50× |  |  |');
    expect(section).toContain('| 1000 | 3.0 s | 22.0 s (4.0 s system) | 1.83 | 8.0 s | 1.60 | 2.75× | 16.0 s | today |');
    expect(section).toContain('| 100000 | — | — | — | — | — | — | — | last week |');
    expect(report).toContain("In all it used 22.0 s of CPU, 1.83 cores busy on average, against the floor's 8.0 s (1.60 cores busy).");
    expect(report).not.toContain('In all it used —');
  });
});

describe('the bench’s repeated runs', () => {
  const run = (ms: number, peakMb: number): Run => ({ ms, peakMb, output: `${ms}` });

  it('reports the middle run by time with the highest peak memory of them all', () => {
    const median = medianRun([run(12_000, 300), run(9000, 700), run(10_000, 400)]);
    expect(median).toMatchObject({ ms: 10_000, output: '10000', peakMb: 700 });
  });

  it('takes the faster middle run of an even number, the run itself of one, and refuses none', () => {
    expect(medianRun([run(4000, 1), run(1000, 1), run(3000, 1), run(2000, 1)]).ms).toBe(2000);
    expect(medianRun([run(5000, 9)])).toMatchObject({ ms: 5000, peakMb: 9 });
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});

describe('the bench report’s repeated cold builds', () => {
  const coldRuns = [
    { buildMs: 12_000, floorMs: 4000 },
    { buildMs: 14_500, floorMs: 5000 },
    { buildMs: 11_000, floorMs: 5500 },
  ];

  it('gives the medians with the lowest and highest run, and the ratio of each build to the floor made after it', () => {
    const report = formatReport(base, [size(1000, 'today', false, coldRuns)], 'now');
    expect(report).toContain(
      '| 1000 | 1028 | 2.0 s | 12.0 s (11.0–14.5 s) | 1.0 s / 2.0 s / 0.0 s | 5.0 s (4.0–5.5 s) | 2.40× (2.00–3.00× run by run) |',
    );
    expect(report).toContain(
      '| 1000 papers: `npm run build` within 2× the bare-Astro floor | 2.40× (medians of 3 runs each: 12.0 s vs 5.0 s; 2.00–3.00× run by run) | **not met** |',
    );
  });

  it('gives a size measured once, or kept from a run before repeated builds, as it was', () => {
    const report = formatReport(base, [size(100_000, 'today', false)], 'now');
    expect(report).toContain('| 100000 | 100028 | 2.0 s | 12.0 s | 1.0 s / 2.0 s / 0.0 s | 5.0 s | 2.40× |');
    expect(report).not.toContain('run by run');
  });
});
