/**
 * A survey of a reference library: the BibTeX, RIS, CSL-JSON and arXiv Atom files of tests/fixtures/library, with
 * papers in several of them, build into one survey whose data export is field-exact (names in order, dates at their
 * precision, DOI, arXiv id, venue, citation keys, every merge), with authors on the pages, in tables, the authors
 * index, the exports and the portable search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, test } from 'vitest';
import { prepareIndex, searchLocal } from '../../src/lib/search/portable-search.ts';
import { readSearchDocument } from '../../src/lib/search/search-documents.ts';
import { readSearchState } from '../../src/lib/search/search-state.ts';
import { builtLibrarySite, projectRoot } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';
import { pageWeight } from '../../scripts/bench/page-weights.ts';

interface Exported {
  id: string;
  title: string;
  authors: { count: number | null; names: string[] };
  date: string | null;
  doi: string | null;
  arxiv: string | null;
  venue: string | null;
  citationKey: string | null;
  sources: string[];
}
const papers = (JSON.parse(readFileSync(join(builtLibrarySite, 'data/papers.json'), 'utf8')) as { papers: Exported[] }).papers;
const expected = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/library/expected-papers.json'), 'utf8')) as Array<
  Omit<Exported, 'id'>
>;
const byTitle = new Map(papers.map((paper) => [paper.title, paper]));

describe('a survey of a reference library', () => {
  test('one paper per paper, field-exact: names in order, dates at their precision, DOI, arXiv id, venue, key, sources', () => {
    expect(papers).toHaveLength(expected.length);
    for (const paper of expected) {
      const built = byTitle.get(paper.title);
      expect(built, paper.title).toBeDefined();
      const { sources, ...fields } = paper;
      expect({ ...built!, sources: built!.sources.map((place) => basename(place)).sort() }).toMatchObject({
        ...fields,
        sources: [...sources].sort(),
      });
    }
  });

  test("a paper's page names every author, linked to their papers, with its venue, DOI and arXiv links and its BibTeX", () => {
    const paper = byTitle.get('Curriculum Distillation of Long Reasoning Traces')!;
    const page = readPage(builtLibrarySite, `papers/${paper.id}/index.html`);
    const names = page.querySelectorAll('.authors a');
    expect(names.map((link) => link.text)).toEqual(paper.authors.names);
    expect(names[1]!.getAttribute('href')).toBe(`/papers/?q=${encodeURIComponent(paper.authors.names[1]!)}`);
    expect(page.querySelector('a[href="https://doi.org/10.48221/jmlr.v25.0219"]')).not.toBeNull();
    expect(page.querySelector('a[href="https://arxiv.org/abs/2311.08345"]')).not.toBeNull();
    expect(page.querySelector('.facts')!.text).toContain('Journal of Machine Learning Research');
    const bibtex = parseBibtex(page.querySelector('.cite pre')!.text, { sentenceCase: false });
    expect(bibtex.errors).toEqual([]);
    expect(bibtex.entries[0]).toMatchObject({
      key: 'mensahCurriculumDistillationLong2024',
      fields: { title: paper.title, doi: '10.48221/jmlr.v25.0219', eprint: '2311.08345' },
    });
    expect(bibtex.entries[0]!.fields.author?.map((name) => name.lastName)).toEqual(['Mensah', 'Iyer', "O'Connell", 'Kowalczyk', 'Haddad']);
  });

  test('a paper page with named authors and its Cite block stays within 20 KB gzipped before interaction', () => {
    for (const paper of papers) {
      const bytes = pageWeight(builtLibrarySite, readFileSync(join(builtLibrarySite, `papers/${paper.id}/index.html`), 'utf8'));
      expect(bytes, paper.id).toBeLessThan(20 * 1024);
    }
  });

  test('tables read "Family, Family, Family et al." and sort by the first author', () => {
    const table = readPage(builtLibrarySite, 'papers/index.html');
    const cells = table.querySelectorAll('td[data-col="authors"]');
    const cellOf = (title: string) =>
      cells[table.querySelectorAll('tbody tr').findIndex((row) => row.querySelector('th a')!.text === title)]!;
    expect(cellOf('Curriculum Distillation of Long Reasoning Traces').text.trim()).toBe("Mensah, Iyer, O'Connell et al.");
    expect(cellOf('Curriculum Distillation of Long Reasoning Traces').getAttribute('data-sort')).toBe('mensah');
    expect(cellOf('Safety Cards for Embodied AI Agents').text.trim()).toBe('Northwind Robotics Lab');
    // The upvotes column is left out: no source of this survey gives upvotes.
    expect(table.querySelector('th[data-col="upvotes"]')).toBeNull();
  });

  test('/authors/ lists every named author with their number of papers, most first, each linked to their papers', () => {
    const page = readPage(builtLibrarySite, 'authors/index.html');
    const rows = page
      .querySelectorAll('.author-index tbody tr')
      .map((row) => ({ name: row.querySelector('a')!.text, papers: Number(row.querySelector('td')!.text) }));
    const counted = new Map<string, number>();
    for (const paper of papers) for (const name of new Set(paper.authors.names)) counted.set(name, (counted.get(name) ?? 0) + 1);
    expect(new Map(rows.map((row) => [row.name, row.papers]))).toEqual(counted);
    expect(rows.map((row) => row.papers)).toEqual([...rows.map((row) => row.papers)].sort((a, b) => b - a));
    expect(page.querySelector('.author-index a')!.getAttribute('href')).toBe(`/papers/?q=${encodeURIComponent(rows[0]!.name)}`);
  });

  test('the exports carry the names, DOI, arXiv id, venue and the citation keys of the .bib', () => {
    const csv = parseCsv(readFileSync(join(builtLibrarySite, 'data/papers.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const curriculum = csv.find((row) => row.title === 'Curriculum Distillation of Long Reasoning Traces')!;
    expect(curriculum).toMatchObject({
      authors: "Mensah, Kwame; Iyer, Chloé; O'Connell, Tomás; Kowalczyk, Paweł; Haddad, Yasmin",
      doi: '10.48221/jmlr.v25.0219',
      arxiv: '2311.08345',
      venue: 'Journal of Machine Learning Research',
    });
    const bibtex = parseBibtex(readFileSync(join(builtLibrarySite, 'data/papers.bib'), 'utf8'), { sentenceCase: false });
    expect(bibtex.errors).toEqual([]);
    const keys = bibtex.entries.map((entry) => entry.key);
    for (const paper of papers) expect(keys).toContain(paper.citationKey ?? paper.id);
  });

  test("the portable search finds a paper by an author's family name and by a name with its accents left out", () => {
    const documents = readdirSync(builtLibrarySite, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .flatMap(
        (entry) =>
          readSearchDocument(
            readFileSync(join(entry.parentPath, entry.name), 'utf8'),
            relative(builtLibrarySite, join(entry.parentPath, entry.name)).split(sep).join('/'),
          ) ?? [],
      );
    const index = prepareIndex(documents);
    const library = (
      JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/relevance.json'), 'utf8')) as {
        library: Array<{ query: string; top5: string[] }>;
      }
    ).library;
    expect(library.length).toBeGreaterThanOrEqual(3);
    const failures = library.flatMap(({ query, top5 }) => {
      const titles = searchLocal(index, readSearchState(new URLSearchParams({ q: query })))
        .hits.slice(0, 5)
        .map((hit) => hit.document.title);
      const missing = top5.filter((wanted) => !titles.some((title) => title.startsWith(wanted)));
      return missing.length > 0 ? [`${query}: missing ${missing.join(', ')} in ${titles.join(' | ')}`] : [];
    });
    expect(failures).toEqual([]);
  });
});
