/** The charts of the built default survey draw exactly the numbers in papers.json, in the SVG and in its table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtSite } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';

interface Exported {
  id: string;
  date: string | null;
  themes: string[];
  organization: { name: string } | null;
  facets: { approach: string[]; benchmark: string[] };
  hidden: boolean;
}
const shown = (JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers.filter(
  (paper) => !paper.hidden,
);

/** Sums a chart's drawn counts by a key of each mark. */
function drawn(chart: HTMLElement, selector: string, keyOf: (mark: HTMLElement) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const mark of chart.querySelectorAll(selector))
    sums.set(keyOf(mark), (sums.get(keyOf(mark)) ?? 0) + Number(mark.getAttribute('data-count')));
  return sums;
}

function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The table alternative of a chart: first-column text → the other cells' numbers. */
function tableRows(chart: HTMLElement): Map<string, number[]> {
  return new Map(
    chart
      .querySelectorAll('tbody tr')
      .map((row) => [row.querySelector('th')!.text.trim(), row.querySelectorAll('td').map((cell) => Number(cell.text))]),
  );
}

describe('charts', () => {
  test('home: papers per month stacked by main theme, every dated paper once, undated ones counted apart', () => {
    const chart = readPage(builtSite, 'index.html').querySelector('[data-chart="papers-per-month"]')!;
    const svg = chart.querySelector('svg[role="img"]')!;
    expect(svg.querySelector('title')!.text).toBe('Papers per month, by main theme');
    expect(svg.getAttribute('aria-labelledby')).toBe('papers-per-month-title papers-per-month-desc');
    const expected = tally(
      shown.filter((paper) => paper.date).map((paper) => `${paper.date!.slice(0, 7)} ${paper.themes[0] ?? 'unsorted'}`),
    );
    expect(drawn(chart, 'rect[data-count]', (rect) => `${rect.getAttribute('data-bucket')} ${rect.getAttribute('data-series')}`)).toEqual(
      expected,
    );
    const undated = shown.filter((paper) => !paper.date).length;
    expect(svg.getAttribute('data-undated')).toBe(String(undated));
    expect(chart.text.replace(/\s+/g, ' ')).toContain(`${undated} papers have no date in the listing and are not shown.`);

    // The table: one row per month with papers, a column per theme and the total.
    const rows = tableRows(chart);
    const byMonth = tally(shown.filter((paper) => paper.date).map((paper) => paper.date!.slice(0, 7)));
    expect(rows.size).toBe(byMonth.size);
    const totals = [...rows.values()].map((cells) => cells.at(-1)!);
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(shown.length - undated);
    for (const cells of rows.values()) expect(cells.slice(0, -1).reduce((sum, count) => sum + count, 0)).toBe(cells.at(-1));
    expect(rows.get('Aug 2025')!.at(-1)).toBe(byMonth.get('2025-08'));
  });

  test('each theme page: its papers over time, top organisations and top benchmarks, matching the data', () => {
    for (const themeId of ['rl-reasoning', 'code-agents', 'autonomous-driving']) {
      const page = readPage(builtSite, `themes/${themeId}/index.html`);
      const papers = shown.filter((paper) => paper.themes.includes(themeId));
      const timeline = page.querySelector('[data-chart="theme-over-time"]')!;
      expect(drawn(timeline, 'rect[data-count]', (rect) => rect.getAttribute('data-bucket')!)).toEqual(
        tally(papers.filter((paper) => paper.date).map((paper) => paper.date!.slice(0, 7))),
      );

      const benchmarks = tally(papers.flatMap((paper) => [...new Set(paper.facets.benchmark)]));
      const bars = page.querySelectorAll('[data-chart="top-benchmarks"] g[data-label]');
      expect(bars.length).toBe(Math.min(8, benchmarks.size));
      for (const bar of bars) expect(Number(bar.getAttribute('data-count'))).toBe(benchmarks.get(bar.getAttribute('data-label')!));
      const counts = bars.map((bar) => Number(bar.getAttribute('data-count')));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(Math.max(0, ...benchmarks.values())).toBe(counts[0] ?? 0);

      const organisations = tally(papers.flatMap((paper) => (paper.organization ? [paper.organization.name] : [])));
      const organisationChart = page.querySelector('[data-chart="top-organisations"]')!;
      if (organisations.size === 0) expect(organisationChart.text).toContain('The listing names no organisation for these papers.');
      for (const bar of organisationChart.querySelectorAll('g[data-label]'))
        expect(Number(bar.getAttribute('data-count'))).toBe(organisations.get(bar.getAttribute('data-label')!));
    }
  });

  test('compare: the heat map of themes × approaches holds the same counts as the table and the data', () => {
    const page = readPage(builtSite, 'compare/index.html');
    const heatmap = page.querySelector('[data-chart="approach-heatmap"]')!;
    expect(heatmap.querySelector('svg title')!.text).toBe('Themes × approaches: papers in each pair');
    for (const row of heatmap.querySelectorAll('g[data-row]')) {
      const themeId = row.getAttribute('data-row')!;
      for (const cell of row.querySelectorAll('g[data-column]')) {
        const approach = cell.getAttribute('data-column')!;
        const expected = shown.filter(
          (paper) => (paper.themes.length ? paper.themes : ['unsorted']).includes(themeId) && paper.facets.approach.includes(approach),
        ).length;
        expect(Number(cell.getAttribute('data-count')), `${themeId} × ${approach}`).toBe(expected);
        expect(cell.querySelector('text')?.text.trim() ?? '0').toBe(String(expected));
      }
    }
    // The table that follows has the same cells, plus a total per row.
    const countRows = page.querySelectorAll('#themes-by-approach tbody tr');
    const tableCells = countRows.flatMap((row) =>
      row
        .querySelectorAll('td')
        .slice(0, -1)
        .map((cell) => Number(cell.text.trim())),
    );
    expect(heatmap.querySelectorAll('g[data-column]').map((cell) => Number(cell.getAttribute('data-count')))).toEqual(tableCells);
  });
});
