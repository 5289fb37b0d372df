/**
 * Ingest stops early when nothing it reads has changed since it last ran (src/lib/ingest/ingest-record.ts), and
 * only then. Its own file: each of these runs ingest several times, and a test file that keeps Vitest's worker busy
 * for over a minute without a pause loses its report.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentsOf, freshContentFolders, generatedPapers, runIngest, snapshotTree } from '../helpers/tree.ts';

const freshContent = freshContentFolders();

const listingPath = (dir: string) => join(dir, 'listings', 'reflective-agents.txt');

describe('npm run ingest, run again', () => {
  test('stops early only while nothing it reads has changed: a new note without pins, yes; pins, themes or a listing, no', () => {
    const dir = freshContent();
    expect(runIngest(dir).status).toBe(0);
    const generated = () => contentsOf(new Map([...snapshotTree(join(dir, 'generated'))]));
    const before = generated();
    const early = /no changes — the listings/;
    // A note's text, tags and summary are the site's to read: ingest stops early, and still looks at the notes.
    writeFileSync(join(dir, 'notes', 'thinkless-llm-learns-when-to-think.mdx'), '---\ntags: [new]\n---\n\nRewritten.\n');
    writeFileSync(join(dir, 'notes', 'a-paper-that-is-not-there.mdx'), '---\ntags: [x]\n---\n\nText.\n');
    const noteOnly = runIngest(dir);
    expect(noteOnly.status).toBe(0);
    expect(noteOnly.stdout).toMatch(early);
    expect(noteOnly.stderr).toMatch(/a-paper-that-is-not-there\.mdx:1: this note's paper "a-paper-that-is-not-there" is in no listing/);
    expect(generated()).toEqual(before);
    // A pinned theme changes the entries: a full ingest.
    writeFileSync(join(dir, 'notes', 'thinkless-llm-learns-when-to-think.mdx'), '---\nthemes: [safety-alignment]\n---\n\nPinned.\n');
    const pinned = runIngest(dir);
    expect(pinned.stdout).not.toMatch(early);
    expect(generatedPapers(dir).get('thinkless-llm-learns-when-to-think')!.themes).toEqual(['safety-alignment']);
    expect(runIngest(dir).stdout).toMatch(early);
    // What survey.yaml says counts (a comment does not), and the listings byte for byte.
    const config = readFileSync(join(dir, 'survey.yaml'), 'utf8');
    writeFileSync(join(dir, 'survey.yaml'), `${config}\n# a comment\n`);
    expect(runIngest(dir).stdout).toMatch(early);
    writeFileSync(join(dir, 'survey.yaml'), config.replace(/^  title: .*$/m, '  title: Another title'));
    expect(runIngest(dir).stdout).not.toMatch(early);
    writeFileSync(
      listingPath(dir),
      readFileSync(listingPath(dir), 'utf8').replace('Thinkless: LLM Learns When to Think', 'Thinkless: LLMs Learn When to Think'),
    );
    const relisted = runIngest(dir);
    expect(relisted.stdout).not.toMatch(early);
    expect(relisted.stdout).toMatch(/files 0 added, [1-9]\d* updated/);
    expect([...generatedPapers(dir).values()].some((paper) => paper.title === 'Thinkless: LLMs Learn When to Think')).toBe(true);
  });

  test('a generated file changed or lost since the last ingest is written again, not taken as it is', () => {
    const dir = freshContent();
    expect(runIngest(dir).status).toBe(0);
    const before = contentsOf(snapshotTree(join(dir, 'generated')));
    const file = join(dir, 'generated', 'papers', 'efficient-reasoning.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Thinkless', '"Edited by hand: Thinkless'));
    rmSync(join(dir, 'generated', 'papers', 'rl-reasoning.json'));
    const again = runIngest(dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/files 1 added, 1 updated, 0 removed/);
    expect(contentsOf(snapshotTree(join(dir, 'generated')))).toEqual(before);
  });
});
