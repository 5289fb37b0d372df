import { describe, expect, test } from 'vitest';
import {
  outputDigest,
  paperDigest,
  paperPageInputs,
  shownRelatedPapers,
  siteDigest,
  type PaperPageNeighbours,
  type SiteInputs,
} from '../../src/lib/site/page-digests.ts';
import type { CuratedPaper } from '../../src/lib/curation/notes.ts';
import { curatedPaper } from '../helpers/curated-paper.ts';

const site: SiteInputs = {
  code: 'code',
  contentRoot: '/survey/content',
  base: '/',
  site: undefined,
  survey: { title: 'A survey' },
  themes: [{ id: 'rl', title: 'RL' }],
  authorsIndex: false,
  sourceFormats: ['BibTeX'],
};

/** A paper page's digest, as src/data/paper-pages.ts makes it. */
const paperPageDigest = (site: string, paper: CuratedPaper, neighbours: PaperPageNeighbours) =>
  outputDigest(site, paperPageInputs(paperDigest(paper), neighbours));

describe("a paper page's digest", () => {
  const paper = curatedPaper('p1', { related: [{ id: 'p2', score: 0.5 }] });
  const other = curatedPaper('p2');
  const neighbours = { related: [other], previous: null, next: other };
  const digest = paperPageDigest(siteDigest(site), paper, neighbours);

  test('the same inputs give the same digest', () => {
    expect(paperPageDigest(siteDigest({ ...site }), curatedPaper('p1', { related: [{ id: 'p2', score: 0.5 }] }), { ...neighbours })).toBe(
      digest,
    );
  });

  test('anything the page shows changes it: the site, the paper, a neighbour it names', () => {
    const changed = [
      paperPageDigest(siteDigest({ ...site, code: 'other code' }), paper, neighbours),
      paperPageDigest(siteDigest({ ...site, base: '/sub/' }), paper, neighbours),
      paperPageDigest(siteDigest({ ...site, site: 'https://example.org' }), paper, neighbours),
      paperPageDigest(siteDigest({ ...site, themes: [{ id: 'rl', title: 'Reinforcement learning' }] }), paper, neighbours),
      paperPageDigest(siteDigest({ ...site, authorsIndex: true }), paper, neighbours),
      paperPageDigest(siteDigest(site), { ...paper, tags: ['new'] }, neighbours),
      paperPageDigest(siteDigest(site), { ...paper, summary: 'In short.' }, neighbours),
      paperPageDigest(siteDigest(site), paper, { ...neighbours, related: [{ ...other, title: 'Renamed' }] }),
      paperPageDigest(siteDigest(site), paper, { ...neighbours, related: [{ ...other, themes: ['agents'] }] }),
      paperPageDigest(siteDigest(site), paper, { ...neighbours, related: [] }),
      paperPageDigest(siteDigest(site), paper, { ...neighbours, previous: other }),
      paperPageDigest(siteDigest(site), paper, { ...neighbours, next: null }),
    ];
    for (const changedDigest of changed) expect(changedDigest).not.toBe(digest);
    expect(new Set(changed).size).toBe(changed.length);
  });

  test("what a neighbour's page alone shows (its abstract, its own neighbours) leaves it as it is", () => {
    expect(paperPageDigest(siteDigest(site), paper, { ...neighbours, next: { ...other, abstract: 'Changed.' } })).toBe(digest);
  });

  test('the related papers shown are those the site shows', () => {
    const shown = new Map([['p2', other]]);
    expect(
      shownRelatedPapers(
        curatedPaper('p1', {
          related: [
            { id: 'hidden', score: 0.9 },
            { id: 'p2', score: 0.5 },
          ],
        }),
        shown,
      ),
    ).toEqual([other]);
  });
});

describe("a table page's or an export's digest: the site's, and its papers' digests", () => {
  const papers = [curatedPaper('p1'), curatedPaper('p2')];
  const tablePage = (site: SiteInputs, listed: readonly CuratedPaper[], pageCount = 3) =>
    outputDigest(siteDigest(site), ['theme table page', { id: 'rl', page: { number: 2, items: listed.map(paperDigest) }, pageCount }]);
  const digest = tablePage(site, papers);

  test('the same papers give the same digest, whichever objects hold them', () => {
    expect(tablePage({ ...site }, [curatedPaper('p1'), curatedPaper('p2')])).toBe(digest);
  });

  test('anything a row shows, the rows and their order, and the page around them change it', () => {
    const changed = [
      tablePage(site, [papers[0]!, { ...papers[1]!, annotated: true }]),
      tablePage(site, [papers[0]!, { ...papers[1]!, authors: { count: 1, names: [{ given: 'Ada', family: 'Author' }] } }]),
      tablePage(site, [papers[0]!, { ...papers[1]!, upvotes: 99 }]),
      tablePage(site, [papers[0]!, { ...papers[1]!, themes: ['agents'] }]),
      tablePage(site, [papers[1]!, papers[0]!]),
      tablePage(site, [papers[0]!]),
      tablePage(site, papers, 4),
      tablePage({ ...site, themes: [{ id: 'rl', title: 'Reinforcement learning' }] }, papers),
      tablePage({ ...site, base: '/sub/' }, papers),
    ];
    for (const changedDigest of changed) expect(changedDigest).not.toBe(digest);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
