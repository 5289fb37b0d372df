/**
 * The surveys the bench builds: synthetic ones of a given size in their own content folders, ingested and built
 * the way `npm run ingest` and `npm run build` do it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, root, type Run } from './measure.ts';
import { syntheticListing } from './synthetic-listing.ts';

/** Where the bench keeps its surveys and builds. */
export const work = join(root, 'node_modules', '.cache', 'survey-bench');
export const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
export const astro = join(root, 'node_modules/astro/astro.js');

/** A survey of `count` synthetic papers, with the default survey's themes and vocabularies, in its own folder. */
export function prepareSurvey(count: number): string {
  const content = join(work, `content-${count}`);
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'listings'), { recursive: true });
  for (const name of ['survey.yaml', 'facets']) cpSync(join(root, 'content', name), join(content, name), { recursive: true });
  const source = readFileSync(join(root, 'content/listings/reflective-agents.txt'));
  writeFileSync(join(content, 'listings', 'synthetic.txt'), syntheticListing(source, count));
  return content;
}

/** How many times the first ingest of a synthetic survey is run: its median is reported, as a VM's speed wanders. */
export const INGEST_RUNS = 3;

/** A survey's first ingest (nothing generated, no history yet), run {@link INGEST_RUNS} times: the median run. */
export async function measureFirstIngest(content: string, env: Record<string, string>): Promise<Run> {
  const runs: Run[] = [];
  for (let run = 0; run < INGEST_RUNS; run += 1) {
    rmSync(join(content, 'generated'), { recursive: true, force: true });
    rmSync(join(content, 'history.json'), { force: true });
    runs.push(await measure([tsx, 'scripts/ingest.ts'], env));
  }
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  return { ...median, peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/**
 * `astro build` as `npm run build` runs it (scripts/build.ts): the pages, and the search index made alongside them
 * (src/integrations/pagefind.ts), whose log line says how long Pagefind took and how long the build waited for it.
 */
export async function buildAsNpmRunBuild(out: string, env: Record<string, string> = {}) {
  const build = await measure([astro, 'build', '--outDir', out], env);
  const indexed = /indexed \d+ pages in (\d+) ms, alongside the pages; the build waited (\d+) ms/.exec(
    build.output.replace(/\x1b\[[0-9;]*m/g, ''),
  );
  return { build, astroMs: build.ms, pagefindMs: Number(indexed?.[1] ?? 0), pagefindWaitMs: Number(indexed?.[2] ?? 0) };
}

/** How many pages Astro says it built. */
export function pagesBuilt(output: string): number {
  return Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
}
