import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readListings } from '../../scripts/lib/read-content.ts';
import {
  buildSurvey,
  collectListedPapers,
  completeSurvey,
  readSurvey,
  textsOf,
  type ListingSource,
} from '../../src/lib/ingest/build-survey.ts';
import { resolveContentPaths } from '../../src/loaders/content-paths.ts';
import { loadSurveyConfig, loadVocabularies } from '../../src/loaders/survey-files.ts';
import { measureTextSimilarity } from '../../src/lib/text/similarity.ts';
import { packSimilarity, unpackSimilarity } from '../../scripts/lib/similarity-transfer.ts';
import { projectRoot } from '../helpers/paths.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import type { SurveyConfig } from '../../src/schemas/survey.ts';

const abstract = (words: string) => `We present ${words}. It is evaluated on many tasks and improves results by 12% over strong baselines.`;
const listing = (name: string, text: string, modifiedDay = '2025-11-01'): ListingSource => ({
  file: `content/listings/${name}.txt`,
  name,
  bytes: new TextEncoder().encode(text),
  modifiedDay,
});
const config: SurveyConfig = {
  survey: { title: 'T', subtitle: '' },
  listings: { older: { captured: '2025-06-30' }, newer: { captured: '2025-10-31' } },
  themes: [
    { id: 'driving', title: 'Driving', scope: 's', keywords: ['driving'] },
    { id: 'gui', title: 'GUI', scope: 's', keywords: ['GUI'] },
  ],
};
/** Notes that pin themes, as a curator writes them: `themes:` in the frontmatter. */
const inputs = (listings: ListingSource[], pins: Record<string, { themes: string[] }> = {}) => ({
  listings,
  // The capture days of the listings given (a day set for a file that is not there is a warning of its own).
  config: {
    ...config,
    listings: Object.fromEntries(Object.entries(config.listings).filter(([name]) => listings.some((l) => l.name === name))),
  },
  notes: Object.entries(pins).map(([id, { themes }]) => ({
    id,
    file: `content/notes/${id}.mdx`,
    text: `---\nthemes: [${themes.join(', ')}]\n---\n`,
  })),
});

describe('building the survey', () => {
  test('the same paper in two listings is one paper, with the newest capture’s figures', () => {
    const older = listing('older', `Driving Agents\n\n${abstract('driving agents')}\n\n  • 3 authors\n·\nMay 2 4\n`);
    const newer = listing('newer', `Driving  agents!\n\n${abstract('driving agents')}\n\n  • 3 authors\n·\nMay 2 9\n`);
    const survey = buildSurvey(inputs([newer, older]));
    expect(survey.papers).toHaveLength(1);
    expect(survey.papers[0]).toMatchObject({ upvotes: 9, source: { listing: 'content/listings/newer.txt', captured: '2025-10-31' } });
    expect(survey.merges).toHaveLength(1);
    expect(survey.warnings.map((w) => w.file)).toEqual(['content/listings/older.txt']);
  });

  test('a capture day set for a listing that is not there is a warning naming the listings there are', () => {
    const survey = buildSurvey({ ...inputs([listing('newer', `Driving Agents\n\n${abstract('driving')}\n`)]), config });
    expect(survey.warnings).toEqual([
      {
        file: 'content/survey.yaml',
        line: 1,
        message: 'listings.older names no listing (there are newer.txt): its capture day is not used',
      },
    ]);
  });

  test('the same paper twice in one listing keeps the first and warns', () => {
    const text = `Driving Agents\n\n${abstract('one')}\n\n  • 3 authors\n·\nMay 2 4\n\nDriving Agents\n\n${abstract('two')}\n\n  • 3 authors\n·\nMay 3 1\n`;
    const survey = buildSurvey(inputs([listing('newer', text)]));
    expect(survey.papers.map((p) => p.upvotes)).toEqual([4]);
    expect(survey.warnings[0]).toMatchObject({ line: 9 });
  });

  test("a note's `themes` pin replaces the keyword assignment; the first pinned theme is primary", () => {
    const text = `Driving Agents\n\n${abstract('driving')}\n\n  • 3 authors\n·\nMay 2 4\n`;
    expect(buildSurvey(inputs([listing('newer', text)])).papers[0]).toMatchObject({ themes: ['driving'], themeSource: 'keywords' });
    const pinned = buildSurvey(inputs([listing('newer', text)], { 'driving-agents': { themes: ['gui', 'driving'] } })).papers[0];
    expect(pinned).toMatchObject({ themes: ['gui', 'driving'], themeSource: 'pinned' });
  });

  test('a pin to an unknown theme is an error naming the note and line', () => {
    const text = `Driving Agents\n\n${abstract('driving')}\n`;
    expect(() => buildSurvey(inputs([listing('newer', text)], { 'driving-agents': { themes: ['nope'] } }))).toThrow(
      /^content\/notes\/driving-agents\.mdx:2: themes\.0: "nope" is not a theme of survey\.yaml \(renamed or removed\?\); its themes are /,
    );
  });

  test('every note that pins a theme no longer defined is named in the one error', () => {
    const text = `Driving Agents\n\n${abstract('driving')}\n`;
    const notes = { 'driving-agents': { themes: ['nope'] }, 'gone-paper': { themes: ['gui', 'nope'] } };
    expect(() => buildSurvey(inputs([listing('newer', text)], notes))).toThrow(
      /^content\/notes\/driving-agents\.mdx:2: themes\.0: "nope" .* \(and 1 more note: content\/notes\/gone-paper\.mdx:2\)/,
    );
  });

  test('a note for a paper that is not listed is an orphan: kept, warned about, with the closest id', () => {
    const text = `Driving Agents\n\n${abstract('driving')}\n`;
    const survey = buildSurvey(inputs([listing('newer', text)], { 'driving-agent': { themes: ['gui'] } }));
    expect(survey.orphans).toEqual([{ id: 'driving-agent', file: 'content/notes/driving-agent.mdx', closest: 'driving-agents' }]);
    expect(survey.warnings[0]?.message).toContain('did you mean "driving-agents"');
    expect(survey.papers[0]?.themes).toEqual(['driving']);
  });

  test('a paper no theme fits is kept as unsorted', () => {
    const survey = buildSurvey(inputs([listing('newer', `Protein Folding\n\n${abstract('proteins')}\n`)]));
    expect(survey.papers[0]).toMatchObject({ themes: [], themeSource: 'none' });
  });

  test('a listing with no capture date uses its modification day, with a warning', () => {
    const survey = buildSurvey({
      ...inputs([listing('other', `Driving Agents\n\n${abstract('x')}\n\n  • 1 author\n·\nMar 3\n`, '2023-11-02')]),
      config: { ...config, listings: {} },
    });
    expect(survey.papers[0]?.date).toBe('2023-03-03');
    expect(survey.warnings[0]?.message).toMatch(/no capture date set/);
  });

  test('bad input is an InputError naming the listing and line', () => {
    expect(() => buildSurvey(inputs([listing('newer', '  • 4 authors\n·\nSep 24\n')]))).toThrow(InputError);
    expect(() => buildSurvey(inputs([listing('newer', '  • 4 authors\n·\nSep 24\n')]))).toThrow(/^content\/listings\/newer\.txt:1: /);
  });
});

describe('building the survey in two steps, with the text similarity worked out elsewhere', () => {
  test('gives the same survey as one step, with the similarity copied across threads as a worker posts it', () => {
    const paths = resolveContentPaths(join(projectRoot, 'content'));
    const survey = {
      listings: readListings(paths.listings),
      config: loadSurveyConfig(paths).data,
      notes: [],
      vocabularies: loadVocabularies(paths),
    };
    const listed = collectListedPapers(survey);
    const [packed, buffers] = packSimilarity(measureTextSimilarity(textsOf(listed.papers)));
    const posted = unpackSimilarity(structuredClone(packed, { transfer: buffers }));
    const inTwoSteps = completeSurvey(readSurvey(survey, listed), posted);
    expect(inTwoSteps.papers.length).toBeGreaterThan(100);
    expect(inTwoSteps).toEqual(buildSurvey(survey));
  });
});
