import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CuratedPaper } from '../../src/lib/curation/notes.ts';
import { paperRowsHtml } from '../../src/lib/site/paper-table-rows.ts';
import { paperPageBody, type PaperPageContext } from '../../src/lib/site/paper-page-html.ts';
import { curatedPaper } from '../helpers/curated-paper.ts';
import { templateAttribute, templateClasses, templateText, templateTextAttribute } from '../../src/lib/site/template-html.ts';
import {
  authorSortKey,
  compareNewestFirst,
  dateSortKey,
  formatByline,
  formatPersonName,
  formatDate,
  formatUpvotes,
  paperYear,
} from '../../src/lib/site/paper-display.ts';
import { indexAuthors } from '../../src/lib/site/author-index.ts';
import { isEmptySearch, readSearchState, toPagefindOptions, writeSearchState } from '../../src/lib/search/search-state.ts';
import { joinBase } from '../../src/lib/site/site-url.ts';
import { textAttribute } from '../../src/lib/site/text-attribute.ts';

describe('the base-path helper', () => {
  test('prefixes site paths with the base, with or without its trailing slash', () => {
    expect(joinBase('/papers/x/', '/')).toBe('/papers/x/');
    expect(joinBase('/papers/x/', '/sub/')).toBe('/sub/papers/x/');
    expect(joinBase('papers/', '/sub')).toBe('/sub/papers/');
    expect(joinBase('/', '/sub/')).toBe('/sub/');
  });
});

describe('showing papers', () => {
  test('unknown facts are said to be unknown', () => {
    expect(formatDate(null)).toBe('unknown');
    expect(formatByline({ authors: { count: null, names: [] }, organization: null })).toBe('unknown');
    expect(formatUpvotes(null)).toBe('unknown');
    expect(paperYear({ date: null })).toBe('undated');
  });

  test('known facts are shown plainly', () => {
    expect(formatDate('2024-06-21')).toBe('21 Jun 2024');
    expect(formatByline({ authors: { count: 1, names: [] }, organization: null })).toBe('1 author');
    // Some of the authors named ("and others"): never shown as if they were all.
    const some = [
      { given: 'Shunyu', family: 'Yao' },
      { given: 'Jeffrey', family: 'Zhao' },
    ];
    expect(formatByline({ authors: { count: null, names: some }, organization: null })).toBe('Yao, Zhao et al.');
    expect(formatByline({ authors: { count: 2, names: some }, organization: null })).toBe('Yao, Zhao');
    // A Chinese, Japanese or Korean name family name first, without a space; a romanised one as written.
    expect(formatPersonName({ given: '小明', family: '王' })).toBe('王小明');
    expect(formatPersonName({ given: 'ひろし', family: '山田' })).toBe('山田ひろし');
    expect(formatPersonName({ given: 'Xiaoming', family: 'Wang' })).toBe('Xiaoming Wang');
    expect(formatByline({ authors: { count: null, names: [] }, organization: { handle: 'microsoft', name: 'Microsoft' } })).toBe(
      'Microsoft',
    );
  });

  test('newest first, undated last, ties by title', () => {
    const papers = [
      { date: null, title: 'B' },
      { date: '2024-01-01', title: 'Z' },
      { date: '2025-01-01', title: 'Y' },
      { date: '2024-01-01', title: 'A' },
      { date: null, title: 'A' },
    ];
    expect(papers.sort(compareNewestFirst).map((p) => `${p.date}${p.title}`)).toEqual([
      '2025-01-01Y',
      '2024-01-01A',
      '2024-01-01Z',
      'nullA',
      'nullB',
    ]);
  });
});

describe('search state in the URL', () => {
  test('round-trips query, filters and sort', () => {
    const state = readSearchState(new URLSearchParams('q=overthinking&theme=gui&theme=rl&year=2025&sort=newest'));
    expect(state).toEqual({
      query: 'overthinking',
      filters: { theme: ['gui', 'rl'], year: ['2025'], approach: [], modality: [], code: [], annotated: [] },
      sort: 'newest',
    });
    expect(writeSearchState(state)).toBe('?q=overthinking&theme=gui&theme=rl&year=2025&sort=newest');
  });

  test('filters are OR within one and AND across; sorts keep undated papers via their sort key', () => {
    const state = readSearchState(new URLSearchParams('theme=gui&theme=rl&year=2024&sort=upvotes'));
    expect(toPagefindOptions(state)).toEqual({
      filters: { theme: { any: ['gui', 'rl'] }, year: { any: ['2024'] } },
      sort: { upvotes: 'desc' },
    });
  });

  test('an empty or unknown state asks for nothing', () => {
    const state = readSearchState(new URLSearchParams('sort=bogus'));
    expect(state.sort).toBe('');
    expect(isEmptySearch(state)).toBe(true);
    expect(writeSearchState(state)).toBe('');
  });
});

describe('authors and dates from library sources', () => {
  const named = (count: number) => ({
    authors: {
      count,
      names: Array.from({ length: count }, (_, i) => ({ given: `G${i}`, family: ['Iyer', 'Núñez', 'Lefèvre', 'Okafor'][i] ?? `F${i}` })),
    },
    organization: null,
  });

  test('a date shows at its precision, and sorts at its first day', () => {
    expect([formatDate('2023-03-20'), formatDate('2023-03'), formatDate('2023')]).toEqual(['20 Mar 2023', 'Mar 2023', '2023']);
    expect([dateSortKey('2023'), dateSortKey('2023-03'), dateSortKey('2023-03-20')]).toEqual(['2023-01-01', '2023-03-01', '2023-03-20']);
    const papers = [
      { date: '2023', title: 'Year' },
      { date: '2023-03-20', title: 'Day' },
      { date: '2023-02', title: 'Month' },
    ];
    expect([...papers].sort(compareNewestFirst).map((paper) => paper.title)).toEqual(['Day', 'Month', 'Year']);
  });

  test('a byline names the first three family names, then "et al."; a count alone says how many', () => {
    expect(formatByline(named(3))).toBe('Iyer, Núñez, Lefèvre');
    expect(formatByline(named(4))).toBe('Iyer, Núñez, Lefèvre et al.');
    expect(formatByline({ authors: { count: 6, names: [] }, organization: null })).toBe('6 authors');
    expect(authorSortKey(named(2))).toBe('iyer');
  });

  test('the authors index counts each person once per paper, however their name is spelt, most papers first', () => {
    const index = indexAuthors([
      {
        authors: {
          names: [
            { given: 'Chloé', family: 'Iyer' },
            { given: 'Ngozi', family: 'Núñez' },
          ],
        },
      },
      {
        authors: {
          names: [
            { given: 'Chloe', family: 'Iyer' },
            { given: 'Chloé', family: 'Iyer' },
          ],
        },
      },
      {
        authors: {
          names: [
            { given: 'Chloé', family: 'Iyer' },
            { given: null, family: 'Name of a Lab' },
          ],
        },
      },
    ]);
    expect(index).toEqual([
      { name: 'Chloé Iyer', family: 'Iyer', papers: 3 },
      { name: 'Name of a Lab', family: 'Name of a Lab', papers: 1 },
      { name: 'Ngozi Núñez', family: 'Núñez', papers: 1 },
    ]);
  });
});

describe('text attribute values', () => {
  // Astro's own attribute renderer, as the pages' templates call it.
  const render = async (value: string | undefined, key = 'data-sort') =>
    String((await import('astro/runtime/server/index.js')).addAttribute(value, key));

  test('render exactly as the plain string would, "&" and quotes escaped', async () => {
    for (const value of ['Safety & alignment', 'say "R&D" & more', '{"domain":["GUI & web"]}', 'no ampersand', 'a &amp; b']) {
      expect(await render(textAttribute(value))).toBe(await render(value));
    }
    expect(await render(textAttribute('Safety & alignment'))).toBe(' data-sort="Safety &#38; alignment"');
  });

  test('leave values without "&" (and no value) as they are', () => {
    expect(textAttribute('plain')).toBe('plain');
    expect(textAttribute(undefined)).toBeUndefined();
    expect(String(textAttribute('a & b'))).toBe('a & b');
  });
});

describe('HTML written as a template writes it', () => {
  const astro = () => import('astro/runtime/server/index.js');
  // Text with what escaping and Astro's URL check care about: ampersands, quotes, angle brackets, URLs with a query.
  const piece = fc.constantFrom(
    'a',
    'R&D',
    '"',
    "'",
    '<b>',
    '>',
    ' ',
    '',
    'https://x.org/?a=1&b=2',
    'http://',
    'ftp://h/?a&b',
    '&amp;',
    '—',
    'é',
  );
  const value = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));

  test('text, as `{value}` renders it', async () => {
    const { escapeHTML } = await astro();
    fc.assert(
      fc.property(fc.oneof(value, fc.string()), (text) => {
        expect(templateText(text)).toBe(escapeHTML(text));
      }),
    );
    expect(templateText(12)).toBe('12');
  });

  test('attributes, as `name={value}` renders them: none, bare, escaped, or an http(s) URL as it is', async () => {
    const { addAttribute } = await astro();
    fc.assert(
      fc.property(fc.oneof(value, fc.integer(), fc.constant(undefined), fc.constant(null)), (attribute) => {
        expect(templateAttribute('data-sort', attribute)).toBe(String(addAttribute(attribute, 'data-sort')));
      }),
    );
    expect(templateAttribute('href', 'https://x.org/?a=1&b=2')).toBe(' href="https://x.org/?a=1&b=2"');
  });

  test('text attributes, as `name={textAttribute(value)}` renders them', async () => {
    const { addAttribute } = await astro();
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), (attribute) => {
        expect(templateTextAttribute('data-sort', attribute)).toBe(String(addAttribute(textAttribute(attribute), 'data-sort')));
      }),
    );
  });

  test('classes, as `class:list` renders them', async () => {
    const { addAttribute } = await astro();
    for (const [classes, list] of [
      [
        ['number', false],
        ['number', { muted: false }],
      ],
      [
        ['number', 'muted'],
        ['number', { muted: true }],
      ],
      [[false], { muted: false }],
      [['muted'], { muted: true }],
    ] as const) {
      expect(templateClasses(classes)).toBe(String(addAttribute(list, 'class:list')));
    }
  });
});

describe('table rows', () => {
  const paper = (overrides: Partial<CuratedPaper> = {}): CuratedPaper =>
    curatedPaper('p1', {
      title: 'Tools & "Agents" <Now>',
      abstract: null,
      authors: { count: null, names: [] },
      date: null,
      dateHasYear: false,
      themes: ['rl', 'agents'],
      code: 'https://github.com/x/y?tab=readme&lang=en',
      summary: 'A "short" summary',
      featured: true,
      annotated: true,
      ...overrides,
    });
  const options = {
    columns: ['date', 'authors', 'upvotes', 'code', 'themes', 'results', 'approach'] as const,
    currentThemeId: 'rl',
    withRowData: false,
    themeTitle: (id: string) => (id === 'agents' ? 'Agents & tools' : id),
    pathOf: (path: string) => `/base${path}`,
  };

  test('escape what a paper says, leave a link query as written, and mark what is unknown', () => {
    const html = paperRowsHtml([paper()], options);
    expect(html).toContain('<th scope="row" data-col="title" data-sort="tools &#38; &#34;agents&#34; <now>">');
    expect(html).toContain(
      '<a href="/base/papers/p1/">Tools &amp; &quot;Agents&quot; &lt;Now&gt;</a> <span class="badge">featured</span> ',
    );
    expect(html).toContain('<span class="summary">A &quot;short&quot; summary</span> </th>');
    expect(html).toContain('<td class="nowrap" data-col="date" data-sort> <span class="muted">unknown</span> </td>');
    expect(html).toContain('<td data-col="upvotes" data-sort class="number muted">');
    expect(html).toContain(
      '<a href="https://github.com/x/y?tab=readme&lang=en" rel="noopener noreferrer" aria-label="Code for Tools &#38; &#34;Agents&#34; <Now>">\ncode\n</a>',
    );
    expect(html).toContain(
      '<td data-col="themes" data-sort="Agents &#38; tools"> <ul class="plain"> <li> <a href="/base/themes/agents/">Agents &amp; tools</a> </li> </ul> </td>',
    );
    expect(html).toContain('<td data-col="approach" data-sort> <span class="muted">—</span> </td>');
    expect(html).not.toContain('data-filters');
    expect(html.startsWith('<tr data-id="p1" data-date data-byline=')).toBe(true);
  });

  test('carry the filter values and citation the table script reads, one row per paper in order', () => {
    const html = paperRowsHtml([paper(), paper({ id: 'p2', featured: false, annotated: false, summary: null })], {
      ...options,
      withRowData: true,
    });
    expect(html.match(/<tr /g)).toHaveLength(2);
    expect(html.indexOf('data-id="p1"')).toBeLessThan(html.indexOf('data-id="p2"'));
    expect(html).toContain('data-filters="{&#34;theme&#34;:[&#34;rl&#34;,&#34;agents&#34;]');
    expect(html).toContain('<a href="/base/papers/p2/">Tools &amp; &quot;Agents&quot; &lt;Now&gt;</a>    </th>');
  });
});

describe("a paper's page", () => {
  const context = (overrides: Partial<PaperPageContext> = {}): PaperPageContext => ({
    themeTitle: (id: string) => (id === 'agents' ? 'Agents & tools' : id),
    pathOf: (path: string) => `/base${path}`,
    related: [],
    previous: null,
    next: null,
    citation: '@misc{p1,\n  title = {{T}}\n}\n',
    ...overrides,
  });
  const page = (paper: CuratedPaper, overrides: Partial<PaperPageContext> = {}) => {
    const body = paperPageBody(paper, context(overrides));
    return `${body.beforeNote}<NOTE>${body.afterNote}`;
  };

  test('escapes what the sources say, in text and attributes, and links its authors and themes through the base path', () => {
    const html = page(
      curatedPaper('p1', {
        title: 'Tools & <b>Agents</b>',
        abstract: 'We <script>alert(1)</script> see https://example.org/x?a=1&b=2.',
        authors: {
          count: 2,
          names: [
            { family: "O'Connell", given: 'Tomás' },
            { family: 'Lab & Co', given: null },
          ],
        },
        themes: ['agents', 'rl'],
      }),
    );
    expect(html).toContain('<h1 data-pagefind-meta="title" data-pagefind-weight="10">Tools &amp; &lt;b&gt;Agents&lt;/b&gt;</h1>');
    expect(html).toContain(
      '<a href="/base/papers/?q=Tom%C3%A1s%20O\'Connell" title="Papers by Tomás O\'Connell in this survey">Tomás O&#39;Connell</a>, ',
    );
    expect(html).toContain('title="Papers by Lab &#38; Co in this survey">Lab &amp; Co</a> </p>');
    expect(html).toContain(
      'We &#60;script&#62;alert(1)&#60;/script&#62; see <a href="https://example.org/x?a=1&#38;b=2" rel="noopener noreferrer">',
    );
    expect(html).toContain('<span hidden data-pagefind-meta="themes:Agents &#38; tools, rl"></span>');
    expect(html).toContain('<li> <a href="/base/themes/agents/">Agents &amp; tools</a> <span class="muted"> (main)</span> </li>');
    expect(html).not.toContain('<script>');
  });

  test('leaves out what a paper does not have, and says what is unknown', () => {
    const fromLibrary = { listing: 'content/listings/library.bib', line: 3, captured: '2025-10-31' };
    const html = page(
      curatedPaper('p1', { abstract: null, date: null, authors: { count: null, names: [] }, upvotes: null, source: fromLibrary }),
    );
    expect(html).toContain('<dd><span class="muted">unknown</span></dd>');
    expect(html).toContain('<dt>Authors</dt> <dd class="muted">unknown</dd>');
    expect(html).toContain('The sources give no abstract for this paper');
    // Upvotes are said to be unknown only for a paper from a Daily Papers paste, where they could have been given.
    for (const absent of [
      'class="authors"',
      'Published in',
      'DOI',
      'Upvotes',
      'class="summary"',
      'tags-line',
      'keywords-line',
      'facets-heading',
      'links-heading',
      'related-heading',
      'rel="prev"',
      'rel="next"',
    ])
      expect(html, absent).not.toContain(absent);
  });

  test('the note comes after the facets, and the citation, source and pager after the related papers', () => {
    const other = curatedPaper('p2', { title: 'Other & more' });
    const html = page(
      curatedPaper('p1', {
        doi: '10.1/x',
        arxiv: '2401.00001',
        links: [{ url: 'https://github.com/x/y', kind: 'code' }],
        facets: {
          approach: [],
          modality: [],
          domain: [],
          benchmark: [],
          model: [],
          results: [{ text: 'Up by 5%.', start: null, end: null }],
        },
      }),
      { related: [other], previous: other, next: other },
    );
    const order = [
      '<dt>DOI and arXiv</dt>',
      'Headline results',
      '<NOTE>',
      'links-heading',
      'related-heading',
      'cite-heading',
      'class="source muted"',
      '</article>',
      'rel="prev"',
      'rel="next"',
    ];
    expect(order.map((part) => html.indexOf(part))).toEqual(order.map((part) => html.indexOf(part)).sort((a, b) => a - b));
    expect(html).toContain('<code>@misc{p1,\n  title = {{T}}\n}</code>');
    expect(html).toContain('<nav class="pager" aria-label="More in rl" data-pagefind-ignore="all"> <a rel="prev" href="/base/papers/p2/">');
    expect(html).toContain('<span>Other &amp; more</span>');
  });
});
