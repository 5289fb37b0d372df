/** What curated MDX names, and what becomes of it when papers and themes leave the survey. */
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkCuratedRefs, checkRef, scanPaperRefs } from '../../src/lib/curation/paper-refs.ts';
import { describeOrphan, findOrphanIntros, findOrphans } from '../../src/lib/curation/orphans.ts';
import fc from 'fast-check';
import { planNewSurvey } from '../../src/lib/curation/new-survey.ts';
import { proposeThemes } from '../../src/lib/classify/theme-suggestions.ts';
import { surveyConfigSchema } from '../../src/schemas/survey.ts';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveContentPaths } from '../../src/loaders/content-paths.ts';
import { loadSurveyRefs } from '../../src/loaders/survey-files.ts';

const refs = {
  paperIds: new Set(['thinkless-llm-learns-when-to-think']),
  themeIds: new Set(['efficient-reasoning']),
  departed: new Map([['navsim', 'NAVSIM: Data-Driven Simulation']]),
};

describe('references in curated MDX', () => {
  test('are found with their lines, comments and code left out', () => {
    const text =
      '# Note\n{/* <PaperLink id="commented" /> */}\nSee <PaperLink id="thinkless-llm-learns-when-to-think" />.\n`<PaperLink id="code" />`\n\n<PaperTable ids={["navsim", \'other\']} caption="x" />\n<PaperTable theme="efficient-reasoning" />\n';
    expect(scanPaperRefs(text)).toEqual([
      { component: 'PaperLink', kind: 'paper', id: 'thinkless-llm-learns-when-to-think', line: 3 },
      { component: 'PaperTable', kind: 'paper', id: 'navsim', line: 6 },
      { component: 'PaperTable', kind: 'paper', id: 'other', line: 6 },
      { component: 'PaperTable', kind: 'theme', id: 'efficient-reasoning', line: 7 },
    ]);
  });

  test('a paper that left is named by its last title; one never known is an error with the closest id', () => {
    expect(checkRef({ component: 'PaperLink', kind: 'paper', id: 'navsim', line: 1 }, refs)).toEqual({
      status: 'departed',
      title: 'NAVSIM: Data-Driven Simulation',
    });
    expect(checkRef({ component: 'PaperLink', kind: 'paper', id: 'thinkless-llm-learns-when-to-thnk', line: 1 }, refs)).toMatchObject({
      status: 'unknown',
      problem: expect.stringContaining('did you mean "thinkless-llm-learns-when-to-think"?'),
    });
    // An id sharing no word with any paper's offers none, rather than the nearest string.
    expect(checkRef({ component: 'PaperLink', kind: 'paper', id: 'reflexion-languge-agents', line: 1 }, refs)).toMatchObject({
      status: 'unknown',
      problem: expect.not.stringContaining('did you mean'),
    });
    expect(checkRef({ component: 'PaperTable', kind: 'theme', id: 'gone', line: 1 }, refs)).toMatchObject({ status: 'unknown' });
    const { departed, unknown } = checkCuratedRefs(
      [{ file: 'notes/a.mdx', text: 'A <PaperLink id="navsim" /> and <PaperLink id="typo" />' }],
      refs,
    );
    expect(departed).toMatchObject([{ file: 'notes/a.mdx', line: 1, title: 'NAVSIM: Data-Driven Simulation' }]);
    expect(unknown).toMatchObject([{ file: 'notes/a.mdx', line: 1 }]);
  });
});

describe('orphans', () => {
  test("a note whose paper left says so, with the paper's title; a near id is suggested, a far one not", () => {
    const notes = [
      { id: 'navsim', file: 'notes/navsim.mdx' },
      { id: 'thinkless-llm-learns-when-to-thinq', file: 'notes/x.mdx' },
      { id: 'something-else-entirely', file: 'notes/y.mdx' },
    ];
    expect(findOrphans(notes, ['thinkless-llm-learns-when-to-think'], refs.departed)).toEqual([
      { id: 'navsim', file: 'notes/navsim.mdx', closest: null, departedTitle: 'NAVSIM: Data-Driven Simulation' },
      { id: 'thinkless-llm-learns-when-to-thinq', file: 'notes/x.mdx', closest: 'thinkless-llm-learns-when-to-think' },
      { id: 'something-else-entirely', file: 'notes/y.mdx', closest: null },
    ]);
  });

  test('a note whose paper left when its title was corrected is offered the new id, unless that paper has a note', () => {
    const departed = new Map([['a-reflective-agnet', 'A Reflective Agnet']]);
    const ids = ['a-reflective-agent', 'unrelated-paper'];
    expect(findOrphans([{ id: 'a-reflective-agnet', file: 'notes/a.mdx' }], ids, departed)).toEqual([
      { id: 'a-reflective-agnet', file: 'notes/a.mdx', closest: 'a-reflective-agent', departedTitle: 'A Reflective Agnet' },
    ]);
    const both = [
      { id: 'a-reflective-agnet', file: 'notes/a.mdx' },
      { id: 'a-reflective-agent', file: 'notes/b.mdx' },
    ];
    expect(findOrphans(both, ids, departed)[0]!.closest).toBeNull();
    expect(describeOrphan(findOrphans([{ id: 'a-reflective-agnet', file: 'notes/a.mdx' }], ids, departed)[0]!).message).toMatch(
      /no longer in any listing.* — or, if its title was corrected, did you mean "a-reflective-agent"\? \(rename the file to a-reflective-agent\.mdx\)/,
    );
  });

  test('a theme intro whose theme is not defined is an orphan; the survey intro never is', () => {
    const intros = [
      { id: 'intro', file: 'intro.mdx' },
      { id: 'themes/efficient-reasoning', file: 'themes/efficient-reasoning.mdx' },
      { id: 'themes/retired', file: 'themes/retired.mdx' },
    ];
    expect(findOrphanIntros(intros, refs.themeIds)).toEqual([{ themeId: 'retired', file: 'themes/retired.mdx' }]);
  });
});

describe('a new survey', () => {
  test("writes a survey.yaml that validates, with the title, the capture day and the proposed themes' keywords", () => {
    const plan = planNewSurvey({
      title: 'Agents: a "survey"',
      captured: '2026-12-02',
      listings: ['library.bib'],
      paperCount: 12,
      themes: [{ id: 'gui-agents', title: 'GUI Agents & Web', keywords: ['gui agents', 'web', 'GUI'], members: [] }],
    });
    const config = surveyConfigSchema.parse(parse(plan.files.get('survey.yaml')!));
    expect(config).toMatchObject({
      survey: { title: 'Agents: a "survey"', captured: '2026-12-02' },
      themes: [{ id: 'gui-agents', title: 'GUI Agents & Web', keywords: ['gui agents', 'web', 'GUI'] }],
    });
    const none = surveyConfigSchema.parse(
      parse(planNewSurvey({ title: 'T', captured: '2026-12-02', listings: [], paperCount: 0, themes: [] }).files.get('survey.yaml')!),
    );
    expect(none.themes).toEqual([]);
    expect(plan.files.get('intro.mdx')).toContain('12 papers in 1 theme.');
    // A paste keeps the day its file last changed as its capture day, the year its dates are read in.
    const withPaste = planNewSurvey({
      title: 'T',
      captured: '2026-12-02',
      listings: ['hf.txt'],
      pastesCaptured: { hf: { captured: '2025-10-31' } },
      paperCount: 3,
      themes: [],
    });
    expect(surveyConfigSchema.parse(parse(withPaste.files.get('survey.yaml')!)).listings).toEqual({ hf: { captured: '2025-10-31' } });
  });

  test('whatever the papers, the themes it proposes make a survey.yaml that validates', () => {
    // Few words, so that papers share some and not others; no abstract at times (a library export may give none).
    const word = fc.constantFrom(
      'agent',
      'GPT',
      'Reflexion',
      'critique',
      'decoding',
      'report',
      'technical',
      'unsorted',
      'web',
      'robot',
      'the',
      'of',
      'über',
      '强化',
    );
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
    const paper = fc.record({ title: text, abstract: fc.option(text, { nil: null }) });
    fc.assert(
      fc.property(fc.array(paper, { minLength: 2, maxLength: 14 }), (papers) => {
        const themes = proposeThemes(papers);
        const plan = planNewSurvey({ title: 'T', captured: '2026-12-07', listings: ['a.csv'], paperCount: papers.length, themes });
        const parsed = surveyConfigSchema.safeParse(parse(plan.files.get('survey.yaml')!));
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the ids a build checks MDX against', () => {
  test('are read once for all notes, and again when survey.yaml or the generated papers change', () => {
    const root = mkdtempSync(join(tmpdir(), 'survey-refs-'));
    const paths = resolveContentPaths(root);
    const survey = (themes: string[]) => {
      writeFileSync(
        paths.surveyConfig,
        `survey:\n  title: T\nthemes:\n${themes.map((id) => `  - id: ${id}\n    title: ${id}\n    scope: s\n    keywords: [${id}]\n`).join('')}`,
      );
    };
    const papers = (ids: string[], mtime: number) => {
      const file = join(paths.generated, 'papers', 'agents.json');
      mkdirSync(join(paths.generated, 'papers'), { recursive: true });
      writeFileSync(file, JSON.stringify({ papers: ids.map((id) => ({ id })) }));
      utimesSync(file, mtime, mtime);
    };
    survey(['agents']);
    utimesSync(paths.surveyConfig, 1_000, 1_000);
    papers(['first-paper'], 1_000);
    const first = loadSurveyRefs(paths);
    expect([...first.themeIds]).toEqual(['agents']);
    expect([...first.paperIds]).toEqual(['first-paper']);
    expect(loadSurveyRefs(paths).themeIds).toBe(first.themeIds);

    survey(['agents', 'planning']);
    utimesSync(paths.surveyConfig, 2_000, 2_000);
    expect([...loadSurveyRefs(paths).themeIds]).toEqual(['agents', 'planning']);
    papers(['first-paper', 'second-paper'], 2_000);
    expect([...loadSurveyRefs(paths).paperIds]).toEqual(['first-paper', 'second-paper']);
  });
});
