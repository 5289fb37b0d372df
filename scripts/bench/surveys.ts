/**
 * The surveys the bench builds: synthetic ones of a given size in their own content folders, ingested and built
 * the way `npm run ingest` and `npm run build` do it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discardedTrees } from '../lib/swap-directory.ts';
import { measure, root, type Run } from './measure.ts';
import { syntheticListings } from './synthetic-listing.ts';

/** Where the bench keeps its surveys and builds. */
export const work = join(root, 'node_modules', '.cache', 'survey-bench');
/** Node's arguments to run one of our TypeScript scripts as its `npm run` command does (package.json). */
export const script = (file: string, ...args: string[]) => [join(root, 'scripts/run.mjs'), file, ...args];
export const astro = join(root, 'node_modules/astro/astro.js');

/** A survey of `count` synthetic papers, with the default survey's themes and vocabularies, in its own folder. */
export function prepareSurvey(count: number): string {
  const content = join(work, `content-${count}`);
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'listings'), { recursive: true });
  for (const name of ['survey.yaml', 'facets']) cpSync(join(root, 'content', name), join(content, name), { recursive: true });
  const source = readFileSync(join(root, 'content/listings/reflective-agents.txt'));
  const listings = syntheticListings(source, count);
  listings.forEach((listing, index) => {
    const name = listings.length === 1 ? 'synthetic.txt' : `synthetic-${String(index + 1).padStart(2, '0')}.txt`;
    writeFileSync(join(content, 'listings', name), listing);
  });
  return content;
}

/** How many times the first ingest of a synthetic survey is run: its median is reported, as a VM's speed wanders. */
export const INGEST_RUNS = 3;

/**
 * How many cold builds, each followed by a floor build, the bench makes of a survey of `papers`: the medians are
 * reported. A VM's speed wanders by a quarter from one minute to the next, enough to carry one build's ratio to the
 * floor across a budget's line; three in turns settle it. Above 10,000 papers a build takes minutes: one.
 */
export const coldRunsFor = (papers: number) => (papers <= 10_000 ? 3 : 1);

/** A survey's first ingest (nothing generated, no history yet), run {@link INGEST_RUNS} times: the median run. */
export async function measureFirstIngest(content: string, env: Record<string, string>): Promise<Run> {
  const runs: Run[] = [];
  for (let run = 0; run < INGEST_RUNS; run += 1) {
    rmSync(join(content, 'generated'), { recursive: true, force: true });
    rmSync(join(content, 'history.json'), { force: true });
    runs.push(await measure(script('scripts/ingest.ts'), env));
  }
  return medianRun(runs);
}

/**
 * The median of runs of one command by wall time (the middle one; of an even number, the faster of the two middle
 * ones), with the highest peak memory of them all: a budget on memory holds for every run, not for a typical one.
 */
export function medianRun<T extends Run>(runs: readonly T[]): T {
  if (runs.length === 0) throw new RangeError('bench: no runs to take the median of');
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
  return { ...median, peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/** The stages of one `npm run build`, from its last line (scripts/build.ts). */
export interface BuildStages {
  ingestMs: number;
  pagesMs: number;
  /** The search index written once Astro has exited, and the new site moved into place. */
  afterPagesMs: number;
  /** How long Pagefind took to write the index: part of `afterPagesMs`, or not on the build's path when beside the pages. */
  indexWriteMs: number;
  /** Whether the index was written beside the pages (a small survey's) rather than after them. */
  indexBesidePages: boolean;
  /**
   * From Astro's first page to its exit (the build script's count line), or NaN. Astro's own "Completed in" for its
   * pages counts from its first route, which may start before the ingest ends: that route waits for the papers.
   */
  renderingMs: number;
}

/**
 * Waits, untimed, for the build's removal of the site it replaced (in the background, scripts/lib/swap-directory.ts),
 * so that disk work is not timed as the next command's.
 */
async function oldSiteRemoved(out: string): Promise<void> {
  while (discardedTrees(out).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** `npm run build` itself (scripts/build.ts: ingest, the pages with the search records alongside, the index). */
export async function measureNpmRunBuild(out: string, env: Record<string, string> = {}): Promise<{ build: Run; stages: BuildStages }> {
  const build = await measure(script('scripts/build.ts', '--out', out), env);
  await oldSiteRemoved(out);
  return { build, stages: buildStagesFromLog(build.output) };
}

/** The stages of a build from what scripts/build.ts prints: its last line, the index's line and the pages' count. */
export function buildStagesFromLog(output: string): BuildStages {
  const log = output.replace(/\x1b\[[0-9;]*m/g, '');
  const stage = (pattern: RegExp) => Number(pattern.exec(log)?.[1] ?? NaN) * 1000;
  return {
    ingestMs: stage(/: ingest ([\d.]+) s, pages/),
    pagesMs: stage(/, pages ([\d.]+) s, search index/),
    afterPagesMs: stage(/search index after the pages ([\d.]+) s/),
    indexWriteMs: stage(/the index written in ([\d.]+) s/),
    indexBesidePages: /the index written in [\d.]+ s(?:, in \d+ parts)?, beside the pages/.test(log),
    renderingMs: stage(/build: [\d,]+ pages and files written in ([\d.]+) s/),
  };
}

/** Forgets a survey's ingest and Astro's content cache, so the next build is a first (cold) one. */
export function forgetBuilds(content: string, cacheDir: string): void {
  rmSync(join(content, 'generated'), { recursive: true, force: true });
  rmSync(join(content, 'history.json'), { force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

/** A curator's edit: a new note on one paper of the survey (the first generated entry), as `npm run note` writes one. */
export function addOneNote(content: string): string {
  const folder = join(content, 'generated', 'papers');
  const first = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()[0]!;
  const entries = JSON.parse(readFileSync(join(folder, first), 'utf8')) as Array<{ id: string }> | { papers: Array<{ id: string }> };
  const id = (Array.isArray(entries) ? entries : entries.papers)[0]!.id;
  mkdirSync(join(content, 'notes'), { recursive: true });
  writeFileSync(
    join(content, 'notes', `${id}.mdx`),
    "---\ntags: [bench]\n---\n\n## Curator's note\n\nOne edit, then `npm run build` again.\n",
  );
  return id;
}

/** How many pages Astro says it built. */
export function pagesBuilt(output: string): number {
  return Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
}
