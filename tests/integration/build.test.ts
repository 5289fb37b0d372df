/** The real `astro build` of the default survey (built once by tests/helpers/build-once.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSite, builtSiteUnderBase, TEST_BASE } from '../helpers/paths.ts';
import { htmlPages, internalReferences, readPage, resolveSitePath } from '../helpers/site.ts';

const json = JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as { papers: Record<string, unknown>[] };
const paperPage = (id: string) => readPage(builtSite, `papers/${id}/index.html`);

describe('the built default survey', () => {
  test('has the home page, 12 theme pages, 121 paper pages, all papers, search, 404 and a search index', () => {
    for (const page of ['index.html', 'papers/index.html', 'search/index.html', '404.html'])
      expect(existsSync(join(builtSite, page)), page).toBe(true);
    expect(readdirSync(join(builtSite, 'themes'))).toHaveLength(12);
    expect(readdirSync(join(builtSite, 'papers')).filter((name) => name !== 'index.html')).toHaveLength(121);
    expect(existsSync(join(builtSite, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(join(builtSite, 'pagefind')).some((name) => name.endsWith('.pf_meta'))).toBe(true);
  });

  test('indexes for search exactly the pages marked as searchable, and no others', () => {
    const searchable = htmlPages(builtSite).filter((page) => readFileSync(join(builtSite, page), 'utf8').includes('data-pagefind-body'));
    const entry = JSON.parse(readFileSync(join(builtSite, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(searchable).toHaveLength(121 + 12);
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(searchable.length);
  });

  test('exports every paper in data/papers.json with the documented fields', () => {
    expect(json.papers).toHaveLength(121);
    const thinkless = json.papers.find((paper) => paper.id === 'thinkless-llm-learns-when-to-think');
    expect(thinkless).toMatchObject({
      title: 'Thinkless: LLM Learns When to Think',
      authors: { count: 3, names: [] },
      organization: null,
      doi: null,
      arxiv: null,
      venue: null,
      date: '2025-05-19',
      upvotes: 2,
      themes: ['efficient-reasoning'],
      urls: [{ url: 'https://github.com/VainF/Thinkless', kind: 'code' }],
      path: '/papers/thinkless-llm-learns-when-to-think/',
    });
    for (const paper of json.papers) {
      expect(Object.keys(paper).sort()).toEqual([
        'abstract',
        'added',
        'annotated',
        'arxiv',
        'authors',
        'citationKey',
        'code',
        'date',
        'doi',
        'facets',
        'featured',
        'hidden',
        'id',
        'keywords',
        'organization',
        'path',
        'sources',
        'summary',
        'tags',
        'themes',
        'title',
        'upvotes',
        'url',
        'urls',
        'venue',
      ]);
    }
    expect(json.papers.filter((paper) => paper.date === null)).toHaveLength(9);
  });

  test('shows unknown facts as unknown on a paper without metadata', () => {
    const facts = paperPage('srpo-enhancing-multimodal-llm-reasoning-via-reflection-aware-reinforcement').querySelector('.facts')!.text;
    expect(facts.match(/unknown/g)).toHaveLength(3);
  });

  test('shows the abstract as escaped text with clean external links', () => {
    const page = paperPage('pseudo-simulation-for-autonomous-driving');
    const link = page.querySelector('.abstract a')!;
    expect(link.getAttribute('href')).toBe('https://github.com/autonomousvision/navsim');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(page.querySelector('.abstract')!.text).toContain('(R^2=0.8)');
  });

  test('links a paper to its themes and to its neighbours in its primary theme', () => {
    const page = paperPage('thinkless-llm-learns-when-to-think');
    expect(page.querySelector('.facts a')!.getAttribute('href')).toBe('/themes/efficient-reasoning/');
    expect(page.querySelectorAll('.pager a').length).toBeGreaterThan(0);
  });

  test('theme tables list every paper of the theme without JavaScript, featured first, then newest, with caption and header scopes', () => {
    for (const theme of readdirSync(join(builtSite, 'themes'))) {
      const page = readPage(builtSite, `themes/${theme}/index.html`);
      const expected = json.papers.filter((paper) => (paper.themes as string[]).includes(theme));
      const table = page.querySelector('#theme-papers')!;
      const rows = table.querySelectorAll('tbody tr');
      expect(rows.length, theme).toBe(expected.length);
      expect(table.querySelector('caption')).not.toBeNull();
      expect(table.querySelectorAll('thead th[scope="col"]').length).toBe(10);
      const featured = rows.map((row) => row.querySelectorAll('.badge').some((badge) => badge.text.trim() === 'featured'));
      expect(
        [...featured].sort((a, b) => Number(b) - Number(a)),
        theme,
      ).toEqual(featured);
      const dates = rows.filter((_, index) => !featured[index]).map((row) => row.querySelector('time')?.getAttribute('datetime') ?? '0000');
      expect([...dates].sort().reverse(), theme).toEqual(dates);
    }
    expect(readPage(builtSite, 'papers/index.html').querySelectorAll('table tbody tr')).toHaveLength(121);
  });

  test('has no broken internal links or anchors on any page', () => {
    const broken: string[] = [];
    for (const file of htmlPages(builtSite)) {
      const page = readPage(builtSite, file);
      const ids = new Set(page.querySelectorAll('[id]').map((element) => element.id));
      for (const reference of internalReferences(page)) {
        if (reference.startsWith('#')) {
          if (reference.length > 1 && !ids.has(reference.slice(1))) broken.push(`${file}: ${reference}`);
        } else if (!resolveSitePath(builtSite, reference)) broken.push(`${file}: ${reference}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('works unchanged under a sub-path: every internal link carries the base and resolves', () => {
    const broken: string[] = [];
    for (const file of htmlPages(builtSiteUnderBase)) {
      for (const reference of internalReferences(readPage(builtSiteUnderBase, file))) {
        if (reference.startsWith('#')) continue;
        if (!reference.startsWith(TEST_BASE) || !resolveSitePath(builtSiteUnderBase, reference.slice(TEST_BASE.length - 1)))
          broken.push(`${file}: ${reference}`);
      }
    }
    expect(broken).toEqual([]);
    const exported = JSON.parse(readFileSync(join(builtSiteUnderBase, 'data/papers.json'), 'utf8')) as { papers: { path: string }[] };
    expect(exported.papers[0]!.path.startsWith(TEST_BASE)).toBe(true);
  });

  test('every page has one h1, a skip link and a language', () => {
    for (const file of htmlPages(builtSite)) {
      const page = readPage(builtSite, file);
      expect(page.querySelectorAll('h1'), file).toHaveLength(1);
      expect(page.querySelector('a.skip-link')?.getAttribute('href'), file).toBe('#main');
      expect(page.querySelector('html')?.getAttribute('lang'), file).toBe('en');
    }
  });
});
