import { describe, expect, test } from 'vitest';
import { paperPageDigest, shownRelatedPapers, siteDigest, type SiteInputs } from '../../src/lib/site/page-digests.ts';
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

describe("a paper page's digest", () => {
  const paper = curatedPaper('p1', { related: [{ id: 'p2', score: 0.5 }] });
  const other = curatedPaper('p2');
  const neighbours = { related: [other], previous: null, next: other };
  const digest = paperPageDigest(siteDigest(site), paper, neighbours);

  test('the same inputs give the same digest', () => {
    expect(paperPageDigest(siteDigest({ ...site }), curatedPaper('p1', { related: [{ id: 'p2', score: 0.5 }] }), { ...neighbours })).toBe(digest);
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
    expect(shownRelatedPapers(curatedPaper('p1', { related: [{ id: 'hidden', score: 0.9 }, { id: 'p2', score: 0.5 }] }), shown)).toEqual([other]);
  });
});
