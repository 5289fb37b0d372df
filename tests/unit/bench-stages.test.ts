import { describe, expect, it } from 'vitest';
import { buildStagesFromLog } from '../../scripts/bench/surveys.ts';

// What scripts/build.ts prints, as it printed it for the default survey and for 100,000 papers (colours included,
// as a terminal would get them).
const smallBuild = [
  '\x1b[2m10:00:01\x1b[22m \x1b[34m[build]\x1b[39m ✓ Completed in 3.97s.',
  'build: 181 pages and files written in 1.0 s',
  'search: indexed 133 pages (the index written in 0.3 s, beside the pages)',
  'build: the site is in dist — 8.8 s: ingest 1.5 s, pages 7.2 s, search index after the pages 0.0 s (Astro started during the ingest)',
].join('\n');

const largeRebuild = [
  'build: 1,512 pages and files written in 140.2 s; as the last build wrote them: 99,999 paper pages, 1,450 other pages and files',
  'search: indexed 101,512 pages (the index written in 161.5 s, in 6 parts)',
  'build: the site is in dist — 337.8 s: ingest 13.3 s, pages 161.5 s, search index after the pages 161.9 s (Astro started during the ingest)',
].join('\n');

describe('the bench reads a build’s stages from its output', () => {
  it('a small survey: its index written beside the pages, its pages counted from the first', () => {
    expect(buildStagesFromLog(smallBuild)).toEqual({
      ingestMs: 1500,
      pagesMs: 7200,
      afterPagesMs: 0,
      indexWriteMs: 300,
      indexBesidePages: true,
      renderingMs: 1000,
    });
  });

  it('a large rebuild: an index in parts written after the pages, thousands separators in the counts', () => {
    expect(buildStagesFromLog(largeRebuild)).toEqual({
      ingestMs: 13_300,
      pagesMs: 161_500,
      afterPagesMs: 161_900,
      indexWriteMs: 161_500,
      indexBesidePages: false,
      renderingMs: 140_200,
    });
  });

  it('a figure the output does not give is NaN, not a zero that would read as measured', () => {
    const stages = buildStagesFromLog('build: the site is in dist — 8.8 s: ingest 1.5 s, pages 7.2 s, search index after the pages 0.0 s');
    expect(stages.renderingMs).toBeNaN();
    expect(stages.indexWriteMs).toBeNaN();
    expect(stages.indexBesidePages).toBe(false);
  });
});
