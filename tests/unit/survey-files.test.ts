import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/loaders/content-paths.ts';
import { curatedFilesNotRead, publishedPath } from '../../src/loaders/survey-files.ts';

describe('the files of a survey as the published site names them', () => {
  test("from the content folder's name on, wherever the survey was built from", () => {
    expect(publishedPath('/home/curator/surveys/agents/listings/zotero.bib', '/home/curator/surveys/agents')).toBe(
      'agents/listings/zotero.bib',
    );
    expect(publishedPath(join('content', 'listings', 'x.txt'), resolve('content'))).toBe('content/listings/x.txt');
    expect(publishedPath('/tmp/s1/notes/a.mdx', '/tmp/s1/')).toBe('s1/notes/a.mdx');
  });

  test('a file outside the content folder is named as messages name it', () => {
    expect(publishedPath('/elsewhere/x.bib', '/home/curator/surveys/agents')).toBe('/elsewhere/x.bib');
  });
});

describe('curated files the site does not read', () => {
  test('a note or intro saved as Markdown is a warning that says to rename it; MDX files and other files are not', () => {
    const root = mkdtempSync(join(tmpdir(), 'curated-'));
    mkdirSync(join(root, 'notes'));
    mkdirSync(join(root, 'themes'));
    for (const file of ['notes/reflexion.md', 'notes/react.mdx', 'notes/README.txt', 'themes/agents.markdown', 'intro.md'])
      writeFileSync(join(root, file), '# x\n');
    const warnings = curatedFilesNotRead(resolveContentPaths(root));
    expect(warnings.map((warning) => warning.message.replace(/.*rename it to /, ''))).toEqual(['reflexion.mdx', 'agents.mdx', 'intro.mdx']);
    expect(warnings[0]!.message).toMatch(/^this file is not read: notes and intros are MDX files/);
    rmSync(root, { recursive: true, force: true });
  });
});
