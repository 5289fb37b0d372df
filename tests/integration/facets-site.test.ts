/** Facets and comparison tables in the built default survey. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtSite } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';

interface Exported {
  id: string;
  abstract: string;
  code: string | null;
  urls: { url: string; kind: string }[];
  facets: Record<string, string[]>;
}
const papers = (JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers;

describe('facets of the default survey', () => {
  test("every GitHub repository URL in an abstract becomes the paper's code link, in tables too", () => {
    const allPapers = readPage(builtSite, 'papers/index.html');
    let checked = 0;
    for (const paper of papers) {
      const repos = [...paper.abstract.matchAll(/https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?=[/.,)\s]|$)/g)];
      if (repos.length === 0) continue;
      checked += 1;
      expect(paper.code, paper.id).toMatch(/^https:\/\/github\.com\//);
      const row = allPapers.querySelector(`tr[data-id="${paper.id}"]`)!;
      expect(row.querySelector('a[aria-label^="Code for"]')?.getAttribute('href'), paper.id).toBe(paper.code);
    }
    expect(checked).toBe(28);
  });

  const named: Record<string, RegExp> = {
    AIME24: /\bAIME\s?(?:'|-)?(?:20)?24\b/,
    MATH500: /\bMATH[- ]?500\b/,
    'SWE-bench': /\bSWE-bench\b/i,
    HumanEval: /\bHumanEval\b/,
    NAVSIM: /\bNAVSIM\b/,
    OSWorld: /\bOSWorld\b/,
  };
  for (const [benchmark, pattern] of Object.entries(named)) {
    test(`${benchmark} is found wherever an abstract names it`, () => {
      const naming = papers.filter((paper) => pattern.test(paper.abstract));
      expect(naming.length, benchmark).toBeGreaterThan(0);
      for (const paper of naming) expect(paper.facets.benchmark, paper.id).toContain(benchmark);
      for (const paper of papers.filter((p) => !pattern.test(p.abstract)))
        expect(paper.facets.benchmark, paper.id).not.toContain(benchmark);
    });
  }

  test('the paper page shows the facets and highlights their evidence in the abstract', () => {
    const page = readPage(builtSite, 'papers/efficient-reasoning-for-large-reasoning-language-models-via-certainty-guided/index.html');
    const marks = page.querySelectorAll('.abstract mark.evidence');
    expect(marks.map((mark) => mark.text)).toEqual(expect.arrayContaining(['AIME24', 'AMC23', 'MATH500', 'GPQA-D', 'QwQ-32B']));
    expect(marks.find((mark) => mark.text === 'AIME24')?.getAttribute('title')).toContain('Benchmarks: AIME24');
    expect(marks.find((mark) => mark.text === 'GPQA-D')?.getAttribute('title')).toBe('Domain: Science; Benchmarks: GPQA');
    expect(page.querySelector('.facets .results li')?.text).toContain('18.5% to 41.9%');
  });

  test("theme tables show the theme's columns; the all-papers table shows every column", () => {
    const heads = (file: string) =>
      readPage(builtSite, file)
        .querySelectorAll('table.paper-table thead th')
        .map((th) => th.getAttribute('data-col'));
    expect(heads('themes/efficient-reasoning/index.html')).toEqual([
      'title',
      'date',
      'authors',
      'approach',
      'benchmark',
      'model',
      'results',
      'code',
      'upvotes',
      'themes',
    ]);
    expect(heads('papers/index.html')).toEqual([
      'title',
      'date',
      'authors',
      'upvotes',
      'code',
      'links',
      'themes',
      'approach',
      'modality',
      'domain',
      'benchmark',
      'model',
      'results',
    ]);
  });

  test('/compare/ counts themes × approaches and × years, linking to filtered theme tables', () => {
    const page = readPage(builtSite, 'compare/index.html');
    const row = page.querySelectorAll('#themes-by-approach tbody tr').find((tr) => tr.querySelector('th')?.text.includes('Overthinking'))!;
    const rl = row.querySelector('a[href*="approach=Reinforcement+learning"]')!;
    const expected = papers.filter(
      (p) =>
        (p as unknown as { themes: string[] }).themes.includes('efficient-reasoning') &&
        (p.facets.approach ?? []).includes('Reinforcement learning'),
    );
    expect(rl.getAttribute('href')).toBe('/themes/efficient-reasoning/?approach=Reinforcement+learning');
    expect(Number(rl.text)).toBe(expected.length);
    expect(page.querySelectorAll('#themes-by-year tbody a[href*="year="]').length).toBeGreaterThan(12);
    // Plain HTML: only the header search box's small script, no table script.
    expect(readFileSync(join(builtSite, 'compare/index.html'), 'utf8')).not.toMatch(/_astro\/(?:paper-table|TableEnhancer)[^"]*\.js/);
  });
});

describe('table script weight', () => {
  const assets = join(builtSite, '_astro');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const gzipped = (name: string) => gzipSync(readFileSync(join(assets, name))).length;

  test('the table script is at most 8 KB gzipped', () => {
    const table = scripts.filter((name) => name.startsWith('paper-table'));
    expect(table).toHaveLength(1);
    const size = gzipped(table[0]!);
    console.log(`table script: ${table[0]} ${statSync(join(assets, table[0]!)).size} B, ${size} B gzipped`);
    expect(size).toBeLessThanOrEqual(8 * 1024);
  });

  test('pages without an interactive table load no table script', () => {
    for (const page of ['index.html', 'compare/index.html', 'papers/thinkless-llm-learns-when-to-think/index.html', 'search/index.html']) {
      const html = readFileSync(join(builtSite, page), 'utf8');
      expect(html, page).not.toMatch(/_astro\/(?:paper-table|TableEnhancer)[^"]*\.js/);
    }
    expect(readFileSync(join(builtSite, 'themes/efficient-reasoning/index.html'), 'utf8')).toMatch(/TableEnhancer[^"]*\.js/);
  });
});
