import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractLinks } from '../../src/lib/text/abstract-links.ts';
import { decodeTextLines } from '../../src/lib/input/decode-text.ts';
import { assignPaperIds } from '../../src/lib/ingest/paper-ids.ts';
import { parseListing } from '../../src/lib/sources/hf-paste.ts';
import { projectRoot } from '../helpers/paths.ts';

const file = 'content/listings/reflective-agents.txt';
const bytes = readFileSync(join(projectRoot, file));
const { papers, warnings } = parseListing(decodeTextLines(bytes, file), { file, captured: '2025-10-31' });

describe('the default listing', () => {
  test('is the shared listing byte for byte', () => {
    expect(bytes.equals(readFileSync(join(projectRoot, 'tests/fixtures/listings/default-listing/input.txt')))).toBe(true);
  });

  test('gives the counts the survey promises', () => {
    expect({
      papers: papers.length,
      dated: papers.filter((p) => p.date !== null).length,
      explicitYear: papers.filter((p) => p.dateHasYear).length,
      authorCount: papers.filter((p) => p.authors.count !== null).length,
      organization: papers.filter((p) => p.organization !== null).length,
      upvotes: papers.filter((p) => p.upvotes !== null).length,
      withUrl: papers.filter((p) => extractLinks(p.abstract ?? '').length > 0).length,
      warnings: warnings.length,
    }).toEqual({ papers: 121, dated: 112, explicitYear: 31, authorCount: 106, organization: 6, upvotes: 46, withUrl: 38, warnings: 0 });
  });

  test('leaves the nine papers without a metadata block unknown, not invented', () => {
    const unknown = papers.filter((p) => p.date === null);
    expect(unknown).toHaveLength(9);
    for (const paper of unknown)
      expect([paper.authors, paper.organization, paper.upvotes, paper.dateHasYear]).toEqual([
        { count: null, names: [] },
        null,
        null,
        false,
      ]);
  });

  test('reads year-less dates in the capture year', () => {
    const sceneWeaver = papers.find((p) => p.title.startsWith('SceneWeaver'))!;
    expect([sceneWeaver.date, sceneWeaver.dateHasYear, sceneWeaver.upvotes]).toEqual(['2025-09-24', false, 2]);
  });

  test('gives every paper a unique readable id of at most 80 characters', () => {
    const ids = assignPaperIds(papers.map((p) => p.title));
    expect(new Set(ids).size).toBe(121);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(80);
    expect(ids).toContain('thinkless-llm-learns-when-to-think');
    expect(assignPaperIds(papers.map((p) => p.title))).toEqual(ids);
  });
});
