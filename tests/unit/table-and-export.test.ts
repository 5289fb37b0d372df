import { describe, expect, test } from 'vitest';
import { markAbstract } from '../../src/lib/text/abstract-links.ts';
import { escapeBibtex, toBibtex, toCsv } from '../../src/lib/site/export-formats.ts';
import { readRowCitation, rowCitation } from '../../src/lib/site/row-citation.ts';
import { compareSortKeys, readTableState, rowMatches, writeTableState } from '../../src/lib/site/table-state.ts';

describe('table state in the URL', () => {
  test('round-trips text filter, chips, sort and hidden columns', () => {
    const query =
      '?q=tree+search&approach=Reinforcement+learning&approach=Search+%28MCTS%2C+tree+search%29&code=with+code&sort=date&dir=asc&hide=upvotes%2Clinks';
    const state = readTableState(new URLSearchParams(query));
    expect(state).toMatchObject({ query: 'tree search', sort: 'date', direction: 'asc', hidden: ['upvotes', 'links'] });
    expect(state.filters.approach).toEqual(['Reinforcement learning', 'Search (MCTS, tree search)']);
    expect(writeTableState(state)).toBe(query);
    expect(writeTableState(readTableState(new URLSearchParams()))).toBe('');
  });

  test('rows match on every text word, AND across filters and OR within one', () => {
    const state = readTableState(new URLSearchParams('q=think&approach=RL&approach=Search&year=2025'));
    const row = (text: string, approach: string[], year: string) => ({ text, filters: { approach, year: [year] } });
    expect(rowMatches(row('thinkless', ['RL'], '2025'), state)).toBe(true);
    expect(rowMatches(row('thinkless', ['Search'], '2025'), state)).toBe(true);
    expect(rowMatches(row('thinkless', ['RL'], '2024'), state)).toBe(false);
    expect(rowMatches(row('other', ['RL'], '2025'), state)).toBe(false);
  });

  test('sorting keeps unknown values last in either direction', () => {
    const keys = ['3', '', '10', '2'];
    expect([...keys].sort((a, b) => compareSortKeys(a, b, 'number', 'desc'))).toEqual(['10', '3', '2', '']);
    expect([...keys].sort((a, b) => compareSortKeys(a, b, 'number', 'asc'))).toEqual(['2', '3', '10', '']);
    expect(['2024-01-02', '', '2025-03-04'].sort((a, b) => compareSortKeys(a, b, 'date', 'desc'))).toEqual([
      '2025-03-04',
      '2024-01-02',
      '',
    ]);
  });
});

describe('exports', () => {
  test('CSV quotes every field and doubles quotes', () => {
    expect(toCsv(['Title', 'Date'], [['Say "hi", world', '2025-01-01']])).toBe('"Title","Date"\r\n"Say ""hi"", world","2025-01-01"\r\n');
  });

  test('BibTeX escapes special characters and protects the title', () => {
    expect(escapeBibtex('50% of R&D_x {y} #1 $2 ~ ^ \\')).toBe(
      '50\\% of R\\&D\\_x \\{y\\} \\#1 \\$2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    expect(escapeBibtex('AutoDiff -- Unlocking --- more')).toBe('AutoDiff -{}- Unlocking -{}-{}- more');
    const entry = {
      key: 'a-b',
      title: 'Think & Act',
      authors: [],
      date: '2025',
      venue: null,
      doi: null,
      arxiv: null,
      url: 'https://x.io/papers/a-b/',
      abstract: null,
      keywords: [],
    };
    expect(toBibtex([{ ...entry, note: '3 authors; listed in the Hugging Face Daily Papers' }])).toBe(
      '@misc{a-b,\n  title = {{Think \\& Act}},\n  year = {2025},\n  note = {3 authors; listed in the Hugging Face Daily Papers},\n  url = {https://x.io/papers/a-b/}\n}\n',
    );
    const named = toBibtex([
      {
        ...entry,
        authors: [
          { given: 'Chloé', family: 'Iyer' },
          { given: null, family: 'Name of a Lab' },
        ],
        date: '2023-03-20',
        venue: 'Proceedings of ACL',
        doi: '10.1/x',
        arxiv: '2303.11366',
        note: null,
      },
    ]);
    expect(toBibtex([{ ...entry, authors: [{ given: 'Shunyu', family: 'Yao' }], moreAuthors: true, note: null }])).toContain(
      '  author = {Yao, Shunyu and others},\n',
    );
    expect(named).toBe(
      '@inproceedings{a-b,\n  title = {{Think \\& Act}},\n  author = {Iyer, Chloé and {Name of a Lab}},\n  year = {2023},\n  month = mar,\n  date = {2023-03-20},\n  booktitle = {Proceedings of ACL},\n  doi = {10.1/x},\n  eprint = {2303.11366},\n  archiveprefix = {arXiv},\n  url = {https://x.io/papers/a-b/}\n}\n',
    );
  });
});

describe('marking evidence in an abstract', () => {
  test('splits at links and highlights and gives the abstract back', () => {
    const abstract = 'On AIME24 we win. Code: https://github.com/a/b.';
    const pieces = markAbstract(abstract, [{ start: 3, end: 9, label: 'Benchmarks: AIME24' }]);
    expect(pieces.map((p) => p.text).join('')).toBe(abstract);
    expect(pieces.find((p) => p.text === 'AIME24')?.labels).toEqual(['Benchmarks: AIME24']);
    expect(pieces.find((p) => p.href)?.text).toBe('https://github.com/a/b');
  });
});

describe("a table row's citation data", () => {
  const paper = {
    citationKey: null,
    authors: { count: null, names: [{ given: 'Shunyu', family: 'Yao' }] },
    venue: null,
    doi: null,
    arxiv: '2210.03629',
    url: null,
  };

  test('reads back as written, saying when the names are some of the authors', () => {
    expect(readRowCitation(rowCitation(paper))).toMatchObject({ authors: paper.authors.names, arxiv: '2210.03629', moreAuthors: true });
    const all = rowCitation({ ...paper, authors: { count: 1, names: paper.authors.names } });
    expect(all).not.toContain('"m"');
    expect(readRowCitation(all).moreAuthors).toBe(false);
  });
});
