/** The data exports of the built default survey, read with a CSV parser and a BibTeX parser, agree with papers.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, test } from 'vitest';
import { builtSite } from '../helpers/paths.ts';

interface Exported {
  id: string;
  title: string;
  date: string | null;
  upvotes: number | null;
  themes: string[];
  hidden: boolean;
  path: string;
}
const papers = (JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers;
const read = (path: string) => readFileSync(join(builtSite, path), 'utf8');

describe('data exports', () => {
  test('papers.csv parses and matches papers.json row for row', () => {
    const rows = parseCsv(read('data/papers.csv'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(papers.length);
    rows.forEach((row, index) => {
      const paper = papers[index]!;
      expect([row.id, row.title, row.date, row.upvotes, row.themes, row.page, row.hidden]).toEqual([
        paper.id,
        paper.title,
        paper.date ?? '',
        paper.upvotes === null ? '' : String(paper.upvotes),
        paper.themes.join('; '),
        paper.path,
        String(paper.hidden),
      ]);
    });
  });

  test('papers.bib parses without errors: one @misc per paper with title, year, note and URL', () => {
    const bibliography = parseBibtex(read('data/papers.bib'), { sentenceCase: false });
    expect(bibliography.errors).toEqual([]);
    const visible = papers.filter((paper) => !paper.hidden);
    expect(bibliography.entries).toHaveLength(visible.length);
    for (const [index, entry] of bibliography.entries.entries()) {
      const paper = visible[index]!;
      expect(entry.type).toBe('misc');
      expect(entry.key).toBe(paper.id);
      expect(entry.fields.title).toBe(paper.title);
      expect(entry.fields.url).toBe(paper.path);
      expect(entry.fields.note).toMatch(/listed in the Hugging Face Daily Papers$/);
      if (paper.date) expect(String(entry.fields.year)).toBe(paper.date.slice(0, 4));
      else expect(entry.fields.year).toBeUndefined();
    }
  });

  test('each theme page offers its papers as CSV and BibTeX, matching the theme', () => {
    for (const theme of readdirSync(join(builtSite, 'themes'))) {
      const members = papers
        .filter((paper) => paper.themes.includes(theme))
        .map((paper) => paper.id)
        .sort();
      const csv = parseCsv(read(`themes/${theme}/papers.csv`), { columns: true }) as Record<string, string>[];
      expect(csv.map((row) => row.id).sort(), theme).toEqual(members);
      const bib = parseBibtex(read(`themes/${theme}/papers.bib`), { sentenceCase: false });
      expect(bib.errors, theme).toEqual([]);
      expect(bib.entries.map((entry) => entry.key).sort(), theme).toEqual(members);
      const page = read(`themes/${theme}/index.html`);
      expect(page, theme).toContain(`href="/themes/${theme}/papers.csv"`);
      expect(page, theme).toContain(`href="/themes/${theme}/papers.bib"`);
    }
  });
});
