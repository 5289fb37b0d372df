/**
 * A survey of one's own in one command: `npm run new` from a .bib, an .ris, a CSL-JSON and an arXiv file (36 papers,
 * some in two files) makes a content folder with proposed themes, which builds with SURVEY_CONTENT_DIR into a site
 * with the title given and every paper placed. It never touches an existing folder, and bad input writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readPage } from '../helpers/site.ts';
import { builtNewSite, NEW_SURVEY_FILES, NEW_SURVEY_TITLE, newContent, projectRoot, userEnvironment } from '../helpers/paths.ts';

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/run.mjs', script, ...args], { cwd: projectRoot, env: userEnvironment(env), encoding: 'utf8' });
const papers = (
  JSON.parse(readFileSync(join(builtNewSite, 'data/papers.json'), 'utf8')) as {
    papers: Array<{ id: string; title: string; themes: string[] }>;
  }
).papers;

describe('npm run new', () => {
  test('makes a complete content folder: survey.yaml with the title, today and proposed themes, the listings, an intro, vocabularies, notes/ and themes/', () => {
    expect(readdirSync(newContent).sort()).toEqual(
      expect.arrayContaining(['facets', 'intro.mdx', 'listings', 'notes', 'survey.yaml', 'themes']),
    );
    expect(readdirSync(join(newContent, 'listings')).sort()).toEqual([...NEW_SURVEY_FILES].sort());
    expect(readdirSync(join(newContent, 'facets'))).toEqual(
      expect.arrayContaining(['approach.yaml', 'benchmark.yaml', 'domain.yaml', 'modality.yaml', 'model.yaml']),
    );
    const config = parse(readFileSync(join(newContent, 'survey.yaml'), 'utf8')) as {
      survey: { title: string; captured: string };
      themes: Array<{ id: string; keywords: string[] }>;
    };
    expect(config.survey.title).toBe(NEW_SURVEY_TITLE);
    expect(String(config.survey.captured).slice(0, 10)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(config.themes.length).toBeGreaterThanOrEqual(4);
    for (const theme of config.themes) expect(theme.keywords.length).toBeGreaterThan(0);
    const log = readFileSync(`${newContent}.log`, 'utf8');
    expect(log).toContain(`SURVEY_CONTENT_DIR=`);
    expect(log).toMatch(/36 papers from 4 files, \d+ proposed themes/);
  });

  test('builds into a site with the title given, all 36 papers, and at least 30 of them in a proposed theme', () => {
    expect(papers).toHaveLength(36);
    expect(papers.filter((paper) => paper.themes.length > 0).length).toBeGreaterThanOrEqual(30);
    expect(readPage(builtNewSite, 'index.html').querySelector('h1')!.text).toBe(NEW_SURVEY_TITLE);
    const themes = readdirSync(join(builtNewSite, 'themes'));
    expect(themes.length).toBeGreaterThanOrEqual(4);
  });

  test('refuses a folder that exists, touching nothing in it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'existing-'));
    writeFileSync(join(folder, 'keep.txt'), 'mine');
    const result = run('scripts/new-survey.ts', [folder]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/already exists; npm run new never writes into an existing folder/);
    expect(readdirSync(folder)).toEqual(['keep.txt']);
    rmSync(folder, { recursive: true, force: true });
  });

  test('a bad source is one file:line error, and no folder is made', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'new-bad-'));
    const bad = join(scratch, 'broken.bib');
    writeFileSync(bad, '@article{ok, title = {Fine}, year = 2024}\n\n@article{broken,\n  title = {Never {closed,\n  year = 2024\n}\n');
    const result = run('scripts/new-survey.ts', [join(scratch, 'survey'), '--from', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.bib:3: the entry "broken" that starts here never closes one of its braces/);
    expect(existsSync(join(scratch, 'survey'))).toBe(false);
    expect(readdirSync(scratch)).toEqual(['broken.bib']);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('a survey with no sources yet builds: its home page says where to put them', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'new-empty-'));
    const content = join(scratch, 'survey');
    expect(run('scripts/new-survey.ts', [content, '--title', 'Nothing yet']).status).toBe(0);
    const build = run('scripts/build.ts', ['--out', join(scratch, 'site')], { SURVEY_CONTENT_DIR: content });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/ingest: no listings yet in .*listings\/: the survey has no papers until its sources are there/);
    const home = readPage(join(scratch, 'site'), 'index.html');
    expect(home.querySelector('h1')!.text).toBe('Nothing yet');
    expect(home.querySelector('.stats')!.text).toBe('No papers yet.');
    rmSync(scratch, { recursive: true, force: true });
  });

  test('SURVEY_CONTENT_DIR points ingest, note and themes:suggest at the new folder', () => {
    const env = { SURVEY_CONTENT_DIR: newContent };
    const ingest = run('scripts/ingest.ts', [], env);
    expect(ingest.status).toBe(0);
    // The build ingested this folder already: ingest finds it as it left it, and says so.
    expect(ingest.stdout).toMatch(/new-survey\/generated: no changes — .*\(36 papers, 0 warnings\)/);
    const paper = papers.find((candidate) => candidate.title.startsWith('Reflexion'))!;
    const note = run('scripts/note.ts', [paper.id], env);
    expect(note.status).toBe(0);
    const file = join(newContent, 'notes', `${paper.id}.mdx`);
    expect(existsSync(file)).toBe(true);
    rmSync(file);
    const suggest = run('scripts/suggest-themes.ts', ['--all'], env);
    expect(suggest.status).toBe(0);
    expect(suggest.stdout).toMatch(/all 36 papers/);
  });
});
