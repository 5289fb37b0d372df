/** A curated file that cannot be built fails `npm run build` with the file, the line and a fix — and the previous site stays. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../../src/loaders/content-paths.ts';
import { projectRoot, userEnvironment } from '../helpers/paths.ts';
import { copyCuratedContent } from '../helpers/tree.ts';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Builds a copy of the default content with one note replaced, over an existing "previous" site. */
function buildWithNote(noteText: string) {
  const content = copyCuratedContent();
  const out = `${content}-site`;
  cleanup.push(content, out, resolve(projectRoot, astroCacheDir(content)));
  const note = join(content, 'notes', 'thinkless-llm-learns-when-to-think.mdx');
  writeFileSync(note, noteText);
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), '<p>the previous build</p>');
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/run.mjs'), join(projectRoot, 'scripts/build.ts'), '--out', out], {
    cwd: projectRoot,
    env: userEnvironment({ SURVEY_CONTENT_DIR: content }),
    encoding: 'utf8',
  });
  return { ...result, out, output: `${result.stdout}\n${result.stderr}` };
}

function expectPreviousSiteIntact(out: string) {
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  expect(existsSync(`${out}.staging`)).toBe(false);
}

describe('a build that cannot succeed', () => {
  test('a <PaperLink> to an unknown paper fails with file, line and the closest id', () => {
    const result = buildWithNote('---\ntags: [x]\n---\n\n## Note\n\nSee <PaperLink id="thinkless-llm-learns-when-to-thnk" />.\n');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /thinkless-llm-learns-when-to-think\.mdx:7: <PaperLink> names paper "thinkless-llm-learns-when-to-thnk", which is not in the survey — did you mean "thinkless-llm-learns-when-to-think"\?/,
    );
    expectPreviousSiteIntact(result.out);
  });

  test('broken MDX fails with file and line', () => {
    const result = buildWithNote('---\ntags: [x]\n---\n\n## Note\n\nAn unclosed {expression and <Callout>\n');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/thinkless-llm-learns-when-to-think\.mdx/);
    expect(result.output).toMatch(/:7:\d+|line 7|7:\d+/);
    expect(result.output).toContain('build: failed');
    expectPreviousSiteIntact(result.out);
  });

  test('a bad frontmatter field fails before Astro starts, with file, line and a fix', () => {
    const result = buildWithNote('---\nfeatured: yes please\n---\n\nText.\n');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /thinkless-llm-learns-when-to-think\.mdx:2: featured: Expected boolean, received string — see README, "Curating"/,
    );
    expectPreviousSiteIntact(result.out);
  });
});
