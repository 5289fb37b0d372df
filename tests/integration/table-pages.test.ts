/**
 * Big tables in pages: a 500-paper survey's all-papers table and its largest theme span several static pages,
 * each complete without JavaScript, together holding every paper once in table order. A small survey is one page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtLargeSite, builtSite, LARGE_SURVEY_PAPERS } from '../helpers/paths.ts';
import { readPage, resolveSitePath } from '../helpers/site.ts';
import { TABLE_PAGE_ROWS } from '../../src/lib/site/table-pages.ts';

interface Exported {
  id: string;
  themes: string[];
  hidden: boolean;
}
const papers = (JSON.parse(readFileSync(join(builtLargeSite, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers.filter(
  (paper) => !paper.hidden,
);

/** The row ids of every page of a table, following its pager from the first page. */
function rowsOfEveryPage(firstPage: string, tableId: string): { pages: string[]; ids: string[] } {
  const pages: string[] = [];
  const ids: string[] = [];
  let next: string | null = firstPage;
  while (next) {
    const file = resolveSitePath(builtLargeSite, next);
    expect(file, next).not.toBeNull();
    const page = readPage(builtLargeSite, file!.slice(builtLargeSite.length + 1));
    const rows = page.querySelectorAll(`#${tableId} > tbody > tr`);
    expect(rows.length, next).toBeLessThanOrEqual(TABLE_PAGE_ROWS);
    for (const row of rows) expect(row.getAttribute('data-filters'), next).toBeTruthy();
    ids.push(...rows.map((row) => row.getAttribute('data-id')!));
    pages.push(next);
    next = page.querySelector('[data-table-pager] a[rel="next"]')?.getAttribute('href') ?? null;
  }
  return { pages, ids };
}

describe('tables in pages', () => {
  test('the all-papers table of a large survey: pages of 200 rows holding every paper once, in order', () => {
    expect(papers).toHaveLength(LARGE_SURVEY_PAPERS);
    const { pages, ids } = rowsOfEveryPage('/papers/', 'all-papers');
    expect(pages).toEqual(['/papers/', '/papers/page/2/', '/papers/page/3/']);
    expect(ids).toEqual(papers.map((paper) => paper.id));
    const first = readPage(builtLargeSite, 'papers/index.html');
    expect(JSON.parse(first.querySelector('paper-table')!.getAttribute('data-other-pages')!)).toEqual([
      '/papers/page/2/',
      '/papers/page/3/',
    ]);
    expect(first.querySelector('paper-table')!.getAttribute('data-total')).toBe(String(LARGE_SURVEY_PAPERS));
    const pager = first.querySelector('nav[data-table-pager]')!;
    expect(pager.getAttribute('aria-label')).toBe('Pages of all papers');
    expect(pager.querySelector('a[aria-current="page"]')!.text.trim()).toBe('1');
    // Later pages are plain tables that point back to the first page for sorting and filters.
    const third = readPage(builtLargeSite, 'papers/page/3/index.html');
    expect(third.querySelector('paper-table')).toBeNull();
    expect(third.querySelector('h1')!.text).toContain('page 3 of 3');
    expect(third.querySelector('a[rel="prev"]')!.getAttribute('href')).toBe('/papers/page/2/');
    expect(existsSync(join(builtLargeSite, 'papers/page/4'))).toBe(false);
  });

  test("a theme with more papers than a page: its pages hold every one of the theme's papers once", () => {
    const counts = new Map<string, number>();
    for (const paper of papers) for (const theme of paper.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    const big = [...counts].filter(([, count]) => count > TABLE_PAGE_ROWS).map(([theme]) => theme);
    expect(big.length).toBeGreaterThan(0);
    for (const theme of big) {
      const { pages, ids } = rowsOfEveryPage(`/themes/${theme}/`, 'theme-papers');
      expect(pages.length).toBe(Math.ceil(counts.get(theme)! / TABLE_PAGE_ROWS));
      expect(new Set(ids)).toEqual(new Set(papers.filter((paper) => paper.themes.includes(theme)).map((paper) => paper.id)));
      expect(ids).toHaveLength(counts.get(theme)!);
    }
    const small = [...counts].find(([, count]) => count <= TABLE_PAGE_ROWS)![0];
    expect(readPage(builtLargeSite, `themes/${small}/index.html`).querySelector('[data-table-pager]')).toBeNull();
  });

  test('the default survey fits one page: no pager and no page routes', () => {
    expect(readPage(builtSite, 'papers/index.html').querySelector('[data-table-pager]')).toBeNull();
    expect(existsSync(join(builtSite, 'papers/page'))).toBe(false);
  });
});
