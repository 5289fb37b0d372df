/**
 * A survey rebuilt from its own export is the same survey: the BibTeX and the CSV export of the library fixture,
 * read back by the survey's own readers, give the same papers — titles, abstracts, names in order, dates at their
 * precision, DOI, arXiv id, venue, keywords (and, from BibTeX, the curator's citation keys).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSurvey, type ListingSource } from '../../src/lib/ingest/build-survey.ts';
import { applyNote } from '../../src/lib/curation/notes.ts';
import { papersToBibtex, papersToCsv } from '../../src/lib/site/papers-export.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import type { SurveyConfig } from '../../src/schemas/survey.ts';
import { projectRoot } from '../helpers/paths.ts';

const config: SurveyConfig = {
  survey: { title: 'Library', subtitle: '', captured: '2025-10-31' },
  listings: {},
  themes: [{ id: 'agents', title: 'Agents', scope: 'agents', keywords: ['agent', 'reasoning', 'reward'] }],
};
const listing = (file: string, bytes: Uint8Array): ListingSource => ({
  file,
  name: file.replace(/\.\w+$/, ''),
  bytes,
  modifiedDay: '2025-10-31',
});
const folder = join(projectRoot, 'tests/fixtures/library');
const library = readdirSync(folder)
  .filter((name) => /\.(bib|ris|xml)$/.test(name) || name === 'zotero.json')
  .map((name) => listing(name, readFileSync(join(folder, name))));
const original = buildSurvey({ listings: library, config, notes: [] }).papers;
const exported = original.map((paper) => applyNote(paper, undefined));
const link = (path: string) => `https://survey.example${path}`;
const bibliographic = (paper: Paper, withKey: boolean) => ({
  title: paper.title,
  abstract: paper.abstract,
  authors: paper.authors,
  date: paper.date,
  doi: paper.doi,
  arxiv: paper.arxiv,
  venue: paper.venue,
  keywords: [...paper.keywords].sort(),
  // A paper without a key of its own is exported under its id, which the re-read .bib then gives it as its key.
  ...(withKey && { citationKey: paper.citationKey ?? paper.id }),
});
const byTitle = (papers: readonly Paper[]) => [...papers].sort((a, b) => a.title.localeCompare(b.title));

describe('exporting then importing', () => {
  test('the BibTeX export gives the same papers back, citation keys included', () => {
    const bibtex = papersToBibtex(exported, link);
    const again = buildSurvey({ listings: [listing('export.bib', new TextEncoder().encode(bibtex))], config, notes: [] }).papers;
    expect(original.length).toBeGreaterThanOrEqual(10);
    expect(byTitle(again).map((paper) => bibliographic(paper, true))).toEqual(byTitle(original).map((paper) => bibliographic(paper, true)));
  });

  test('the CSV export gives the same papers back', () => {
    const csv = papersToCsv(exported, link);
    const again = buildSurvey({ listings: [listing('export.csv', new TextEncoder().encode(csv))], config, notes: [] }).papers;
    expect(byTitle(again).map((paper) => bibliographic(paper, false))).toEqual(
      byTitle(original).map((paper) => bibliographic(paper, false)),
    );
  });
});
