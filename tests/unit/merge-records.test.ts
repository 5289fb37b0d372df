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
