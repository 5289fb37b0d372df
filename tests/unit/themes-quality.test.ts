/**
 * Theme assignment quality, on the default listing and on a second listing the keywords were never written for
 * (tests/fixtures/themes: real titles, abstracts written fresh, with the themes a careful curator accepts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSurvey, type NoteSource } from '../../src/lib/ingest/build-survey.ts';
import { parseYamlWith } from '../../src/lib/input/read-yaml.ts';
import { suggestThemes } from '../../src/lib/classify/theme-suggestions.ts';
import { eachPaperTerms, vectorizeCorpus } from '../../src/lib/text/tf-idf.ts';
import { parseListing } from '../../src/lib/sources/hf-paste.ts';
import { decodeTextLines } from '../../src/lib/input/decode-text.ts';
import { surveyConfigSchema } from '../../src/schemas/survey.ts';
import { projectRoot } from '../helpers/paths.ts';

const config = parseYamlWith(readFileSync(join(projectRoot, 'content/survey.yaml'), 'utf8'), surveyConfigSchema, 'survey.yaml').data;
const notes: NoteSource[] = readdirSync(join(projectRoot, 'content/notes')).map((name) => ({
  id: name.replace(/\.mdx$/, ''),
  file: name,
  text: readFileSync(join(projectRoot, 'content/notes', name), 'utf8'),
}));
const listing = (file: string, name: string) => ({ file, name, bytes: readFileSync(join(projectRoot, file)), modifiedDay: '2025-10-31' });
const defaultListing = listing('content/listings/reflective-agents.txt', 'reflective-agents');
const fixture = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/themes/accepted.json'), 'utf8')) as {
  accepted: Record<string, string[]>;
};
const defaultAccepted = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/themes/default-accepted.json'), 'utf8')) as {
  accepted: Record<string, string[]>;
};

const share = (papers: Array<{ themes: string[] }>, accepted: (paper: never) => string[] | undefined) =>
  papers.filter((paper) => accepted(paper as never)?.includes(paper.themes[0] ?? '')).length / papers.length;

describe('theme assignment', () => {
  test('places at least 85% of a new listing in an acceptable primary theme, with no pins', () => {
    const { papers } = buildSurvey({
      listings: [listing('tests/fixtures/themes/input.txt', 'fixture')],
      config: { ...config, listings: {} },
      notes: [],
    });
    expect(papers.length).toBeGreaterThanOrEqual(30);
    const acceptable = share(papers, (paper: { title: string }) => fixture.accepted[paper.title]);
    console.log(`new listing: ${(acceptable * 100).toFixed(1)}% of ${papers.length} papers in an acceptable primary theme, no pins`);
    expect(acceptable).toBeGreaterThanOrEqual(0.85);
  });

  test("places 100% of the default listing acceptably with the curator's pins (and reports the figure without)", () => {
    const pinned = buildSurvey({ listings: [defaultListing], config, notes }).papers;
    const unpinned = buildSurvey({ listings: [defaultListing], config, notes: [] }).papers;
    const byId = (paper: { id: string }) => defaultAccepted.accepted[paper.id];
    console.log(
      `default listing: ${(share(pinned, byId) * 100).toFixed(1)}% with pins, ${(share(unpinned, byId) * 100).toFixed(1)}% without`,
    );
    expect(share(pinned, byId)).toBe(1);
    expect(share(unpinned, byId)).toBeGreaterThanOrEqual(0.85);
  });

  test('is deterministic and gives every automatic placement a confidence and two candidates with their words', () => {
    const first = buildSurvey({ listings: [defaultListing], config, notes });
    const second = buildSurvey({ listings: [defaultListing], config, notes });
    expect(second.papers).toEqual(first.papers);
    for (const paper of first.papers) {
      expect(paper.themeConfidence).toBeGreaterThanOrEqual(0);
      expect(paper.themeCandidates).toHaveLength(2);
      expect(paper.themeCandidates[0]!.words.length).toBeGreaterThan(0);
    }
  });
});

describe('related papers', () => {
  const { papers } = buildSurvey({ listings: [defaultListing], config, notes });
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const relatedThemes = (id: string) => byId.get(id)!.related.map((entry) => byId.get(entry.id)!.themes[0]);

  test('Thinkless relates to other efficient-reasoning papers', () => {
    expect(
      relatedThemes('thinkless-llm-learns-when-to-think').filter((theme) => theme === 'efficient-reasoning').length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('NAVSIM relates to driving papers, Pseudo-Simulation first', () => {
    const navsim = byId.get('navsim-data-driven-non-reactive-autonomous-vehicle-simulation-and-benchmarking')!;
    expect(navsim.related[0]!.id).toBe('pseudo-simulation-for-autonomous-driving');
    expect(relatedThemes(navsim.id).every((theme) => theme === 'autonomous-driving')).toBe(true);
  });

  test('every paper has at most five, never itself, most similar first', () => {
    for (const paper of papers) {
      expect(paper.related.length).toBeLessThanOrEqual(5);
      expect(paper.related.map((entry) => entry.id)).not.toContain(paper.id);
    }
  });
});

describe('theme suggestions', () => {
  test('regroup the default listing, with no themes, into groups a reader would recognise — the same every time', () => {
    const { papers } = parseListing(decodeTextLines(defaultListing.bytes, defaultListing.file), {
      file: defaultListing.file,
      captured: '2025-10-31',
    });
    const { space, vectors } = vectorizeCorpus(eachPaperTerms(papers));
    const input = papers.map((paper, index) => ({ title: paper.title, vector: vectors[index]! }));
    const groups = suggestThemes(input, space);
    expect(suggestThemes(input, space)).toEqual(groups);
    const groupOf = (prefix: string) => groups.findIndex((group) => group.members.some((member) => member.title.startsWith(prefix)));
    expect(groupOf('NAVSIM')).toBe(groupOf('Pseudo-Simulation for Autonomous Driving'));
    expect(groupOf('RethinkMCTS')).toBe(groupOf('SRA-MCTS'));
    expect(groupOf('ExploreVLM')).toBe(groupOf('CLEA'));
    expect(groupOf('NAVSIM')).not.toBe(groupOf('RethinkMCTS'));
    for (const group of groups) expect(group.keywords.length).toBeGreaterThan(0);
    // Proposed beside a survey's themes, a group takes none of their ids: the same groups, other ids.
    const taken = groups.map((group) => group.id);
    const beside = suggestThemes(input, space, undefined, taken);
    expect(beside.map((group) => group.title)).toEqual(groups.map((group) => group.title));
    for (const group of beside) expect(taken).not.toContain(group.id);
  });

  test('no pronoun or hedge becomes a keyword, however often a group uses it', () => {
    const topic = (word: string, index: number) => ({
      title: `${word} agents ${index}`,
      abstract: `Agents increasingly check their ${word} and their own ${word} output; their ${word} improves as they ${word}.`,
    });
    const papers = [...['reflection', 'planning'].flatMap((word) => [0, 1, 2].map((index) => topic(word, index)))];
    const { space, vectors } = vectorizeCorpus(eachPaperTerms(papers));
    const groups = suggestThemes(
      papers.map((paper, index) => ({ title: paper.title, vector: vectors[index]! })),
      space,
      2,
    );
    expect(groups).toHaveLength(2);
    for (const group of groups) for (const word of ['their', 'they', 'increasingly']) expect(group.keywords).not.toContain(word);
  });
});
