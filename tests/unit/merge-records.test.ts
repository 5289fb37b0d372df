/** One paper per paper: records of the same paper in several files merge, each field from the fullest source. */
import { describe, expect, test } from 'vitest';
import { buildSurvey, type ListingSource } from '../../src/lib/ingest/build-survey.ts';
import { mergeRecords, type SourceOccurrence } from '../../src/lib/ingest/merge-records.ts';
import { emptyRecord } from '../../src/lib/sources/record-fields.ts';
import type { SurveyConfig } from '../../src/schemas/survey.ts';

let order = 0;
const occurrence = (fields: Partial<SourceOccurrence>): SourceOccurrence => ({
  ...emptyRecord(fields.title ?? 'A Paper', 1),
  listing: 'content/listings/a.bib',
  format: 'bibtex',
  captured: '2025-10-31',
  order: order++,
  ...fields,
});

describe('merging the records of one paper', () => {
  test('records sharing a DOI, whatever its case, are one paper', () => {
    const merged = mergeRecords([
      occurrence({ title: 'One', doi: '10.1/abc' }),
      occurrence({ title: 'Quite another title', doi: '10.1/ABC'.toLowerCase() }),
    ]);
    expect(merged).toHaveLength(1);
  });

  test('records sharing an arXiv id are one paper, and sameness carries over (DOI to arXiv to title)', () => {
    const merged = mergeRecords([
      occurrence({ title: 'Atom Title', arxiv: '2311.08345' }),
      occurrence({ title: 'Bib Title', arxiv: '2311.08345', doi: '10.9/x' }),
      occurrence({ title: 'CSL Title', doi: '10.9/x' }),
      occurrence({ title: 'Unrelated', doi: '10.9/y' }),
    ]);
    expect(merged.map((paper) => paper.occurrences.length)).toEqual([3, 1]);
  });

  test('the keywords of all records, each once whatever its case, as first written', () => {
    const [paper] = mergeRecords([
      occurrence({ title: 'P', keywords: ['Self-reflection', 'Language agents'] }),
      occurrence({ title: 'P', keywords: ['self-reflection', 'agents', 'LANGUAGE AGENTS'] }),
    ]);
    expect(paper!.keywords).toEqual(['Self-reflection', 'Language agents', 'agents']);
  });

  test('the title is the one most records give: a paper renamed on arXiv keeps its new title', () => {
    const [paper] = mergeRecords([
      occurrence({ title: 'Reflexion: an autonomous agent with dynamic memory and self-reflection', arxiv: '2303.11366' }),
      occurrence({ title: 'Reflexion: Language Agents with Verbal Reinforcement Learning', arxiv: '2303.11366' }),
      occurrence({ title: 'REFLEXION: LANGUAGE AGENTS WITH VERBAL REINFORCEMENT LEARNING', arxiv: '2303.11366' }),
    ]);
    expect(paper!.title).toBe('Reflexion: Language Agents with Verbal Reinforcement Learning');
  });

  test('records with the same title, ignoring case, accents and punctuation, are one paper', () => {
    const merged = mergeRecords([
      occurrence({ title: 'GROUNDED TOOL-USE: A NAIVE BASELINE' }),
      occurrence({ title: 'Grounded Tool Use — a Naïve Baseline' }),
    ]);
    expect(merged).toHaveLength(1);
    // A mixed-case title wins over one in capitals only.
    expect(merged[0]!.title).toBe('Grounded Tool Use — a Naïve Baseline');
  });

  describe('records that share only a title', () => {
    const person = (given: string, family: string) => ({ given, family });
    const named = (...names: Array<{ given: string; family: string }>) => ({ count: names.length, names });

    test('are two papers when their DOIs differ and no author is in both', () => {
      const merged = mergeRecords([
        occurrence({ title: 'Attention Is All You Need', doi: '10.1000/dup.one', authors: named(person('Ashish', 'Vaswani')) }),
        occurrence({ title: 'Attention is all you need', doi: '10.2000/dup.two', authors: named(person('Jane', 'Doe')) }),
      ]);
      expect(merged.map((paper) => paper.doi)).toEqual(['10.1000/dup.one', '10.2000/dup.two']);
      expect(merged.map((paper) => paper.authors.names[0]!.family)).toEqual(['Vaswani', 'Doe']);
    });

    test('are two papers when their arXiv ids differ and neither names its authors', () => {
      expect(
        mergeRecords([
          occurrence({ title: 'Introduction', arxiv: '2301.00001' }),
          occurrence({ title: 'Introduction', arxiv: '2301.00002' }),
        ]),
      ).toHaveLength(2);
    });

    test('are two papers when no author is in both and their years are far apart', () => {
      const merged = mergeRecords([
        occurrence({ title: 'Editorial', date: '2019', authors: named(person('Ann', 'Smith')) }),
        occurrence({ title: 'Editorial', date: '2024-05', authors: named(person('Bo', 'Li')) }),
      ]);
      expect(merged).toHaveLength(2);
    });

    test('are one paper when an author is in both: a preprint and its published version, each with its DOI', () => {
      const merged = mergeRecords([
        occurrence({ title: 'Reflexion', doi: '10.48550/arXiv.2303.11366', authors: named(person('N.', 'Shinn')) }),
        occurrence({ title: 'Reflexion', doi: '10.5555/3666122', authors: named(person('Noah', 'Shinn'), person('Federico', 'Cassano')) }),
        occurrence({ title: 'Reflexion', doi: '10.9999/other-print', authors: named(person('Noah', 'Shinn')) }),
      ]);
      expect(merged).toHaveLength(1);
    });

    test('are one paper when a record says too little to tell (the paste names no authors)', () => {
      const merged = mergeRecords([
        occurrence({ title: 'Reflexion', format: 'hf-paste', authors: { count: 4, names: [] } }),
        occurrence({ title: 'Reflexion', doi: '10.5555/3666122', authors: named(person('Noah', 'Shinn')) }),
        occurrence({ title: 'Reflexion', date: '2030', authors: named(person('Noah', 'Shinn')) }),
      ]);
      expect(merged).toHaveLength(1);
    });

    test('join the paper they are, when a title names two', () => {
      const merged = mergeRecords([
        occurrence({ title: 'Introduction', doi: '10.1/a', authors: named(person('Ann', 'Smith')) }),
        occurrence({ title: 'Introduction', doi: '10.1/b', authors: named(person('Bo', 'Li')) }),
        occurrence({ title: 'INTRODUCTION', authors: named(person('B.', 'Li')) }),
      ]);
      expect(merged.map((paper) => paper.occurrences.length)).toEqual([1, 2]);
    });
  });

  test('names that are some of the authors ("and others") take their number from a record that knows it', () => {
    const some = { count: null, names: [{ given: 'Shunyu', family: 'Yao' }] };
    expect(mergeRecords([occurrence({ title: 'ReAct', authors: some })])[0]!.authors).toEqual(some);
    const [paper] = mergeRecords([
      occurrence({ title: 'ReAct', authors: some }),
      occurrence({ title: 'ReAct', format: 'hf-paste', authors: { count: 7, names: [] } }),
    ]);
    expect(paper!.authors).toEqual({ count: 7, names: some.names });
  });

  test('the venue is where the paper was published, before a preprint server', () => {
    const [paper] = mergeRecords([
      occurrence({ title: 'Reflexion', venue: 'arXiv e-prints' }),
      occurrence({ title: 'Reflexion', venue: 'arXiv preprint arXiv:2303.11366' }),
      occurrence({ title: 'Reflexion', venue: 'NeurIPS 2023' }),
    ]);
    expect(paper!.venue).toBe('NeurIPS 2023');
    expect(mergeRecords([occurrence({ title: 'P', venue: 'CoRR' }), occurrence({ title: 'P' })])[0]!.venue).toBe('CoRR');
  });

  test('each field comes from the record that has it most completely', () => {
    const [paper] = mergeRecords([
      occurrence({
        title: 'P',
        listing: 'content/listings/a.txt',
        format: 'hf-paste',
        authors: { count: 6, names: [] },
        upvotes: 12,
        organization: { handle: 'q', name: 'Qualcomm' },
        date: '2023-03-20',
        dateHasYear: true,
      }),
      occurrence({
        title: 'P',
        authors: {
          count: 2,
          names: [
            { given: 'Chloé', family: 'Iyer' },
            { given: 'Ngozi', family: 'Núñez' },
          ],
        },
        date: '2023',
        dateHasYear: true,
        doi: '10.1/p',
        venue: 'TMLR',
        citationKey: 'iyer2023',
        urls: ['https://a.org/p'],
      }),
      occurrence({
        title: 'P',
        date: '2023-03',
        dateHasYear: true,
        arxiv: '2303.11366',
        urls: ['https://arxiv.org/abs/2303.11366', 'https://a.org/p'],
      }),
    ]);
    expect(paper).toMatchObject({
      authors: {
        count: 2,
        names: [
          { given: 'Chloé', family: 'Iyer' },
          { given: 'Ngozi', family: 'Núñez' },
        ],
      },
      date: '2023-03-20',
      upvotes: 12,
      organization: { name: 'Qualcomm' },
      doi: '10.1/p',
      arxiv: '2303.11366',
      venue: 'TMLR',
      citationKey: 'iyer2023',
      urls: ['https://a.org/p', 'https://arxiv.org/abs/2303.11366'],
    });
  });

  test('a month beats a year, and of two days the newest capture wins', () => {
    expect(mergeRecords([occurrence({ date: '2024' }), occurrence({ date: '2024-06' })])[0]!.date).toBe('2024-06');
    const [paper] = mergeRecords([
      occurrence({ date: '2024-06-01', captured: '2025-01-01' }),
      occurrence({ date: '2024-06-02', captured: '2025-06-01' }),
    ]);
    expect(paper!.date).toBe('2024-06-02');
  });
});

describe('papers keep their ids', () => {
  const config: SurveyConfig = {
    survey: { title: 'T', subtitle: '', captured: '2025-10-31' },
    listings: {},
    themes: [{ id: 'agents', title: 'Agents', scope: 's', keywords: ['agent'] }],
  };
  const file = (name: string, text: string): ListingSource => ({
    file: `content/listings/${name}`,
    name: name.replace(/\.\w+$/, ''),
    bytes: new TextEncoder().encode(text),
    modifiedDay: '2025-11-01',
  });
  const paste = file(
    'listing.txt',
    'Reflective Agents: A Study\n\nWe study reflective agents that plan and replan after failures in many tasks.\n\n  • 3 authors\n·\nMay 2 4\n',
  );

  test('adding a .bib of a paper already published moves no URL, though its title is spelt otherwise', () => {
    const first = buildSurvey({ listings: [paste], config, notes: [] });
    expect(first.papers.map((paper) => paper.id)).toEqual(['reflective-agents-a-study']);
    const bib = file(
      'a.bib',
      '@article{k, title = {{Reflective} Agents -- a Study of Replanning}, doi = {10.1234/r}, author = {Iyer, Chloé}, year = 2025}\n',
    );
    const paperBib = file('b.bib', '@misc{k2, title = {Reflective Agents: A Study}, doi = {10.1234/r}, year = 2025}\n');
    const second = buildSurvey({ listings: [bib, paperBib, paste], config, notes: [], history: first.history });
    expect(second.papers).toHaveLength(1);
    expect(second.papers[0]).toMatchObject({
      id: 'reflective-agents-a-study',
      authors: { names: [{ given: 'Chloé', family: 'Iyer' }] },
      upvotes: 4,
    });
    expect(second.merges).toHaveLength(1);
  });

  test('the same paper twice in files of one format is worth a warning; across formats it is a merge', () => {
    const bib = file('a.bib', '@misc{k, title = {Reflective Agents: A Study}, year = 2025}\n');
    const survey = buildSurvey({ listings: [bib, paste], config, notes: [] });
    expect(survey.warnings).toEqual([]);
    const twice = buildSurvey({
      listings: [bib, file('b.bib', '@misc{k, title = {Reflective agents: a study}, year = 2025}\n'), paste],
      config,
      notes: [],
    });
    expect(twice.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/appears again/)]);
  });
});
