/**
 * Replacing the listing with another never breaks the build and never loses a curated word: notes and intros that
 * link papers that left warn and show those papers' last titles, the stranded notes are listed on /notes/orphans/,
 * every curated file stays byte for byte, and putting the listing back gives back the very same site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPaperRefs } from '../../src/lib/curation/paper-refs.ts';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'replace-'));
const content = join(scratch, 'content');
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(resolve(projectRoot, astroCacheDir(content)), { recursive: true, force: true });
});

const build = (out: string) =>
  spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', out], {
    cwd: projectRoot,
    env: userEnvironment({ SURVEY_CONTENT_DIR: content }),
    encoding: 'utf8',
  });
/** Every file of a folder, by path, with its bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]),
  );
}
const curated = () =>
  new Map([...snapshot(content)].filter(([path]) => /^(notes|themes)\//.test(path) || ['intro.mdx', 'survey.yaml'].includes(path)));

describe('replacing the default listing with another', () => {
  test('builds with a warning per departed link, lists the stranded notes, keeps every curated file; restoring restores the site', () => {
    cpSync(join(projectRoot, 'content'), content, { recursive: true, filter: (path) => !path.includes(`${join('content', 'generated')}`) });
    const original = build(join(scratch, 'site-before'));
    expect(original.status, original.stderr).toBe(0);
    const curatedBefore = curated();

    rmSync(join(content, 'listings', 'reflective-agents.txt'));
    cpSync(join(projectRoot, 'tests/fixtures/themes/input.txt'), join(content, 'listings', 'another-search.txt'));
    const replaced = build(join(scratch, 'site-replaced'));
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(curated()).toEqual(curatedBefore);

    // Every link in a note or intro to a paper of the old listing warns, in ingest and in the build, at its file and line.
    const links = [...curatedBefore]
      .filter(([path]) => path.endsWith('.mdx'))
      .flatMap(([path, bytes]) =>
        scanPaperRefs(bytes.toString('utf8'))
          .filter((ref) => ref.kind === 'paper')
          .map((ref) => `${path}:${ref.line}`),
      );
    expect(links.length).toBeGreaterThan(20);
    const output = `${replaced.stdout}\n${replaced.stderr}`;
    for (const link of links)
      expect(output, link).toMatch(
        new RegExp(`ingest: warning: \\S*${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: <Paper(Link|Table)> names "[^"]+" \\("`),
      );
    expect(output).toMatch(
      /\[survey\] warning: \S*intro\.mdx:\d+: <PaperLink> names "thinkless-llm-learns-when-to-think" \("Thinkless: LLM Learns When to Think"\), which is no longer in any listing/,
    );

    const orphans = readPage(join(scratch, 'site-replaced'), 'notes/orphans/index.html');
    const notes = [...curatedBefore.keys()].filter((path) => path.startsWith('notes/'));
    for (const note of notes) expect(orphans.text, note).toContain(note);
    expect(orphans.querySelectorAll('#departed-links-heading')).toHaveLength(1);
    const home = readPage(join(scratch, 'site-replaced'), 'index.html');
    expect(home.querySelector('.departed-paper')!.text).toMatch(/\(no longer in this survey\)$/);

    rmSync(join(content, 'listings', 'another-search.txt'));
    cpSync(join(projectRoot, 'content/listings/reflective-agents.txt'), join(content, 'listings', 'reflective-agents.txt'));
    const restored = build(join(scratch, 'site-restored'));
    expect(restored.status, restored.stderr).toBe(0);
    expect(curated()).toEqual(curatedBefore);
    const before = snapshot(join(scratch, 'site-before'));
    const after = snapshot(join(scratch, 'site-restored'));
    expect([...before.keys()].filter((path) => !after.has(path))).toEqual([]);
    expect([...after.keys()].filter((path) => !before.has(path))).toEqual([]);
    const differing = [...before].filter(([path, bytes]) => !after.get(path)!.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 180_000);
});

describe('a survey without themes', () => {
  test('builds: every paper is unsorted, and the home page says how to add themes', () => {
    const bare = join(scratch, 'bare');
    cpSync(join(projectRoot, 'tests/fixtures/library/zotero.bib'), join(bare, 'listings', 'zotero.bib'));
    cpSync(join(projectRoot, 'tests/fixtures/library/mendeley.ris'), join(bare, 'listings', 'mendeley.ris'));
    cpSync(join(projectRoot, 'tests/fixtures/new-survey/README.md'), join(bare, 'listings', 'README.md'));
    const yaml = 'survey:\n  title: Not sorted yet\n  captured: 2025-11-01\n';
    writeFileSync(join(bare, 'survey.yaml'), yaml);
    const result = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/build.ts', '--out', join(scratch, 'bare-site')], {
      cwd: projectRoot,
      env: userEnvironment({ SURVEY_CONTENT_DIR: bare }),
      encoding: 'utf8',
    });
    rmSync(resolve(projectRoot, astroCacheDir(bare)), { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/defines no themes yet, so every paper is unsorted/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/does not exist or is empty|\[WARN\]/);
    const papers = (
      JSON.parse(readFileSync(join(scratch, 'bare-site/data/papers.json'), 'utf8')) as { papers: Array<{ themes: string[] }> }
    ).papers;
    expect(papers.length).toBeGreaterThan(5);
    expect(papers.every((paper) => paper.themes.length === 0)).toBe(true);
    const home = readPage(join(scratch, 'bare-site'), 'index.html');
    expect(home.querySelector('.no-themes')!.text).toContain('npm run themes:suggest -- --all');
    expect(readdirSync(join(scratch, 'bare-site/themes'))).toEqual(['unsorted']);
  }, 120_000);
});
