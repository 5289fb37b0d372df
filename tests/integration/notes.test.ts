/** Curated notes are never lost: `npm run note`, re-ingests, orphans and bad notes, on a copy of the content. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';
import { contentsOf, freshContentFolders, runIngest, snapshotTree } from '../helpers/tree.ts';
import { readPage } from '../helpers/site.ts';

const freshContent = freshContentFolders();
function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/run.mjs'), join(projectRoot, 'scripts', script), ...args], {
    cwd: projectRoot,
    env: userEnvironment(env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** Every curated file (all but the machine-owned generated folder and history), byte for byte, with modification times. */
const curatedFiles = (dir: string) =>
  new Map([...snapshotTree(dir)].filter(([path]) => !path.startsWith('generated') && path !== 'history.json'));

const CYCLIC = 'cyclicreflex-improving-large-reasoning-models-via-cyclical-reflection-token';

describe('npm run note', () => {
  test('creates a note with a small frontmatter and a heading, and prints its path', () => {
    const dir = freshContent();
    const result = runScript('note.ts', ['--content', dir, 'cyclicreflex']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(new RegExp(`notes/${CYCLIC}\\.mdx$`));
    const text = readFileSync(join(dir, 'notes', `${CYCLIC}.mdx`), 'utf8');
    expect(text).toMatch(/^---\n# Note on "CyclicReflex/);
    expect(text).toContain("\n## Curator's note\n");
  });

  test('refuses to overwrite an existing note', () => {
    const dir = freshContent();
    const note = join(dir, 'notes', 'thinkless-llm-learns-when-to-think.mdx');
    const before = readFileSync(note, 'utf8');
    const result = runScript('note.ts', ['--content', dir, 'thinkless-llm-learns-when-to-think']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists; not overwriting it');
    expect(readFileSync(note, 'utf8')).toBe(before);
  });

  test('lists the papers when the words match several, and creates nothing', () => {
    const dir = freshContent();
    const before = snapshotTree(dir);
    const result = runScript('note.ts', ['--content', dir, 'overthinking']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/"overthinking" matches \d+ papers/);
    expect(result.stderr).toContain('let-llms-break-free-from-overthinking-via-self-braking-tuning');
    expect(result.stderr).toContain('nothing was created');
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('says so when nothing matches', () => {
    const dir = freshContent();
    const result = runScript('note.ts', ['--content', dir, 'quantum', 'gardening']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no paper matches "quantum gardening"/);
  });
});

describe('re-ingesting never loses a curated word', () => {
  test('a note survives re-ingests of the same and a changed listing, and shows again when its paper returns', () => {
    const dir = freshContent();
    expect(runScript('note.ts', ['--content', dir, CYCLIC]).status).toBe(0);
    const notePath = join(dir, 'notes', `${CYCLIC}.mdx`);
    writeFileSync(notePath, `${readFileSync(notePath, 'utf8')}CyclicReflex schedules reflection tokens like a learning-rate cycle.\n`);
    const curated = curatedFiles(dir);

    expect(runIngest(dir).status).toBe(0);
    expect(curatedFiles(dir)).toEqual(curated);
    expect(runIngest(dir).stdout).toContain('no changes');
    expect(curatedFiles(dir)).toEqual(curated);

    const listing = join(dir, 'listings', 'reflective-agents.txt');
    const original = readFileSync(listing, 'utf8');
    const start = original.indexOf('CyclicReflex: Improving');
    const end = original.indexOf('Agentic Robot: A Brain-Inspired');
    writeFileSync(listing, original.slice(0, start) + original.slice(end));
    const withoutPaper = curatedFiles(dir);
    const removed = runIngest(dir);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('1 orphan note,');
    expect(removed.stderr).toMatch(
      new RegExp(
        `${CYCLIC}\\.mdx:1: this note's paper "CyclicReflex[^"]*" is no longer in any listing; the note is kept.*shows again when the paper returns`,
      ),
    );
    expect(curatedFiles(dir)).toEqual(withoutPaper);
    expect(existsSync(notePath)).toBe(true);

    writeFileSync(listing, original);
    const restored = runIngest(dir);
    expect(restored.stdout).toContain('0 orphan notes');
    expect(contentsOf(curatedFiles(dir))).toEqual(contentsOf(curated));

    const out = `${dir}-site`;
    freshContent.removeAfter(out);
    const build = runScript('build.ts', ['--out', out], { SURVEY_CONTENT_DIR: dir });
    expect(build.status, build.stderr).toBe(0);
    const page = readPage(out, `papers/${CYCLIC}/index.html`);
    expect(page.querySelector('.note')?.text).toContain('CyclicReflex schedules reflection tokens like a learning-rate cycle.');
    expect(contentsOf(curatedFiles(dir))).toEqual(contentsOf(curated));
  });

  test('a bad frontmatter field stops ingest with the note, the line and a fix, and writes nothing', () => {
    const dir = freshContent();
    expect(runIngest(dir).status).toBe(0);
    writeFileSync(join(dir, 'notes', `${CYCLIC}.mdx`), '---\ntags: [a]\nfeatued: true\n---\n\nText.\n');
    const before = snapshotTree(dir);
    const result = runIngest(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `notes/${CYCLIC}\\.mdx:3: \\(top level\\): Unrecognized key\\(s\\) in object: 'featued' — the fields are themes, code, project, facets, tags, summary, featured and hidden`,
      ),
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('a pin to an unknown theme names the note and the line', () => {
    const dir = freshContent();
    writeFileSync(join(dir, 'notes', `${CYCLIC}.mdx`), '---\nsummary: "x"\nthemes: [efficient-reasoning, nonsense]\n---\n');
    const result = runIngest(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`notes/${CYCLIC}\\.mdx:3: themes\\.1: "nonsense" is not a theme of survey\\.yaml`));
  });

  test('an old overrides.yaml is refused rather than silently ignored', () => {
    const dir = freshContent();
    writeFileSync(join(dir, 'overrides.yaml'), 'pins: {}\n');
    const result = runIngest(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('overrides.yaml:1: theme pins no longer live in overrides.yaml');
  });
});
