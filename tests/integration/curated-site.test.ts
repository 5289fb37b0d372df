/**
 * The fixture survey (default content plus tests/fixtures/notes): every note frontmatter override is honoured on
 * the paper page, in the theme tables and in data/papers.json; hidden papers leave the site but not the export;
 * orphan notes are listed for the curator and kept out of search; a note's code blocks are highlighted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtFixtureSite, builtSite } from '../helpers/paths.ts';
import { htmlPages, readPage } from '../helpers/site.ts';

const CYCLIC = 'cyclicreflex-improving-large-reasoning-models-via-cyclical-reflection-token';
const HIDDEN = 'common-sense-is-all-you-need';
const exported = JSON.parse(readFileSync(join(builtFixtureSite, 'data/papers.json'), 'utf8')) as { papers: Record<string, unknown>[] };
const themeRows = (theme: string) => readPage(builtFixtureSite, `themes/${theme}/index.html`).querySelectorAll('table tbody tr');

describe('note frontmatter overrides', () => {
  test('are honoured on the paper page', () => {
    const page = readPage(builtFixtureSite, `papers/${CYCLIC}/index.html`);
    const facts = page.querySelector('.facts')!;
    expect(facts.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/themes/gui-web-agents/',
      '/themes/efficient-reasoning/',
    ]);
    expect(page.querySelectorAll('.tags-line .tag').map((tag) => tag.text)).toEqual(['tag-one', 'tag-two']);
    expect(page.querySelector('.summary')?.text).toBe('Override summary line for the fixture survey.');
    const links = page.querySelectorAll('section[aria-labelledby="links-heading"] a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://github.com/example/override-code', 'https://example.org/override-project']);
    expect(page.querySelector('.note a')?.getAttribute('href')).toBe('/papers/thinkless-llm-learns-when-to-think/');
    expect(page.querySelector('.pager')?.getAttribute('aria-label')).toBe('More in GUI, web & computer-use agents');
  });

  test('are honoured in the theme tables: pinned themes, featured first, summary, annotated, code', () => {
    const first = themeRows('gui-web-agents')[0]!;
    expect(first.querySelector('th a')?.getAttribute('href')).toBe(`/papers/${CYCLIC}/`);
    expect(first.querySelectorAll('.badge').map((b) => b.text.trim())).toEqual(['featured', 'annotated']);
    expect(first.querySelector('.summary')?.text).toBe('Override summary line for the fixture survey.');
    expect(first.querySelector('a[aria-label^="Code for"]')?.getAttribute('href')).toBe('https://github.com/example/override-code');
    expect(themeRows('efficient-reasoning').some((row) => row.querySelector('th a')?.getAttribute('href') === `/papers/${CYCLIC}/`)).toBe(
      true,
    );
    const home = readPage(builtFixtureSite, 'index.html');
    expect(home.querySelectorAll('#featured-heading + ul a').map((a) => a.getAttribute('href'))).toContain(`/papers/${CYCLIC}/`);
  });

  test('are honoured in data/papers.json', () => {
    expect(exported.papers.find((paper) => paper.id === CYCLIC)).toMatchObject({
      themes: ['gui-web-agents', 'efficient-reasoning'],
      code: 'https://github.com/example/override-code',
      urls: [
        { url: 'https://github.com/example/override-code', kind: 'code' },
        { url: 'https://example.org/override-project', kind: 'project' },
      ],
      tags: ['tag-one', 'tag-two'],
      summary: 'Override summary line for the fixture survey.',
      featured: true,
      annotated: true,
      hidden: false,
    });
  });

  test('a hidden paper has no page and is in no table, but stays in the export, flagged', () => {
    expect(existsSync(join(builtFixtureSite, 'papers', HIDDEN))).toBe(false);
    expect(readFileSync(join(builtFixtureSite, 'papers/index.html'), 'utf8')).not.toContain(HIDDEN);
    expect(readPage(builtFixtureSite, 'papers/index.html').querySelectorAll('tbody tr')).toHaveLength(120);
    expect(exported.papers).toHaveLength(121);
    expect(exported.papers.find((paper) => paper.id === HIDDEN)).toMatchObject({ hidden: true });
    for (const page of htmlPages(builtFixtureSite))
      expect(readFileSync(join(builtFixtureSite, page), 'utf8'), page).not.toContain(`/papers/${HIDDEN}/`);
  });
});

describe('orphan notes', () => {
  test('are listed for the curator with the closest paper, kept out of search and robots', () => {
    const page = readPage(builtFixtureSite, 'notes/orphans/index.html');
    const item = page.querySelector('main li')!;
    expect(item.text).toContain('thinkless-llm-learns-when-to-thinq');
    expect(item.querySelector('a')?.getAttribute('href')).toBe('/papers/thinkless-llm-learns-when-to-think/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('[data-pagefind-body]')).toBeNull();
  });

  test('are reported by the build as warnings, which do not fail it', () => {
    const log = readFileSync(`${builtFixtureSite}.log`, 'utf8');
    expect(log).toMatch(
      /^ingest: warning: .*thinq\.mdx:1: this note's paper "thinkless-llm-learns-when-to-thinq" is in no listing.*did you mean "thinkless-llm-learns-when-to-think"/m,
    );
    expect(log).toMatch(
      /^\[survey\] warning: .*thinq\.mdx:1: this note's paper "thinkless-llm-learns-when-to-thinq" is in no listing.*did you mean "thinkless-llm-learns-when-to-think"/m,
    );
  });

  test('the default survey has none', () => {
    expect(readPage(builtSite, 'notes/orphans/index.html').text).toContain('There are no orphan notes');
  });
});

describe('curated content in the default survey', () => {
  test('a note shows its GFM table, task list, footnote and PaperLinks', () => {
    const note = readPage(builtSite, 'papers/thinkless-llm-learns-when-to-think/index.html').querySelector('.note')!;
    expect(note.querySelectorAll('table:not(.paper-table) tbody tr').length).toBe(5);
    expect(note.querySelectorAll('input[type="checkbox"]').length).toBe(2);
    expect(note.querySelector('.footnotes li')?.text).toContain('vanilla GRPO collapses');
    expect(note.querySelector('sup a')?.getAttribute('href')).toMatch(/^#/);
    expect(note.querySelectorAll('a[href^="/papers/"]').length).toBeGreaterThanOrEqual(4);
  });

  test('has a survey intro, an intro for each of the 12 themes, and at least 12 annotated papers, one per theme', () => {
    expect(readPage(builtSite, 'index.html').querySelector('.intro .curated')?.text.length).toBeGreaterThan(500);
    for (const theme of readdirSync(join(builtSite, 'themes'))) {
      expect(readPage(builtSite, `themes/${theme}/index.html`).querySelector('.curated')?.text.length, theme).toBeGreaterThan(400);
    }
    const papers = (
      JSON.parse(readFileSync(join(builtSite, 'data/papers.json'), 'utf8')) as { papers: { annotated: boolean; themes: string[] }[] }
    ).papers;
    const annotated = papers.filter((paper) => paper.annotated);
    expect(annotated.length).toBeGreaterThanOrEqual(12);
    expect(new Set(annotated.map((paper) => paper.themes[0])).size).toBe(12);
  });
});

describe("a note's code blocks", () => {
  test('are highlighted as Astro highlights them, and a maths block is left as written', () => {
    const blocks = readPage(builtFixtureSite, `papers/${CYCLIC}/index.html`).querySelectorAll('.note pre');
    expect(blocks).toHaveLength(2);
    const [python, maths] = blocks as [(typeof blocks)[number], (typeof blocks)[number]];
    expect(python.getAttribute('class')).toBe('astro-code github-dark');
    expect(python.getAttribute('data-language')).toBe('python');
    // The page parser keeps a <pre>'s content as text: Shiki's coloured spans are read from its HTML.
    expect(python.innerHTML.match(/<span style="color:#[0-9A-F]{6}">/gi)?.length).toBeGreaterThan(3);
    expect(python.innerHTML.replace(/<[^>]+>/g, '')).toContain('def quokka_reflect(draft):');
    expect(maths.getAttribute('class')).toBeUndefined();
    expect(maths.innerHTML).toBe('<code class="language-math">x^2 + y^2\n</code>');
  });
});
