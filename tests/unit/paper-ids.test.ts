import { describe, expect, test } from 'vitest';
import { assignPaperIds, createPaperId, normaliseTitle } from '../../src/lib/ingest/paper-ids.ts';

describe('paper ids', () => {
  test('are lower-case ASCII words from the title', () => {
    expect(createPaperId('Thinkless: LLM Learns When to Think')).toBe('thinkless-llm-learns-when-to-think');
    expect(createPaperId("LawFlow : Collecting and Simulating Lawyers' Thought Processes")).toBe(
      'lawflow-collecting-and-simulating-lawyers-thought-processes',
    );
    expect(createPaperId('Über Café: Ångström-scale Reasoning')).toBe('ueber-cafe-angstroem-scale-reasoning');
  });

  test('are cut at a word boundary to at most 80 characters', () => {
    const id = createPaperId(
      'A '.repeat(10) + 'very long title that goes on and on about reflective agents and closed loops forever and ever',
    );
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).not.toMatch(/-$/);
  });

  test('collisions get a numbered suffix, in listing order', () => {
    expect(assignPaperIds(['Same Title', 'Same title!', 'Other', 'SAME TITLE?'])).toEqual([
      'same-title',
      'same-title-2',
      'other',
      'same-title-3',
    ]);
  });

  test('a title with no letters still gets an id', () => {
    expect(assignPaperIds(['???', '!!!'])).toEqual(['paper', 'paper-2']);
  });

  test('titles are the same paper when only case, accents, punctuation or spacing differ', () => {
    expect(normaliseTitle('Thinkless:  LLM Learns When to Think')).toBe(normaliseTitle('thinkless — llm learns when to think'));
    expect(normaliseTitle('Café')).toBe(normaliseTitle('Cafe'));
  });
});
