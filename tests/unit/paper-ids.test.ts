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

  test('a title with no ASCII spelling gets an id of its own, the same whatever the order', () => {
    const [first, second] = ['大语言模型的自我反思机制研究', '强化学习智能体综述'];
    const ids = assignPaperIds([first, second]);
    expect(ids[0]).toMatch(/^paper-[0-9a-f]{8}$/);
    expect(ids[1]).toMatch(/^paper-[0-9a-f]{8}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(assignPaperIds([second, first])).toEqual([ids[1], ids[0]]);
    expect(createPaperId(first)).toBe(ids[0]);
  });

  describe('with the history', () => {
    const history = new Map<string, string | undefined>([
      ['ueber-agents', 'Über Agents'],
      ['ueber-agents-2', 'Ueber Agents'],
    ]);

    test('a known paper keeps its id whichever paper with the same id base is listed first', () => {
      expect(assignPaperIds(['Ueber Agents', 'Über Agents'], history)).toEqual(['ueber-agents-2', 'ueber-agents']);
    });

    test('a paper that stays keeps its id when the other leaves', () => {
      expect(assignPaperIds(['Ueber Agents'], history)).toEqual(['ueber-agents-2']);
      expect(assignPaperIds(['Über agents!'], history)).toEqual(['ueber-agents']);
    });

    test("a new paper takes neither a listed paper's id nor a departed one's (nor its note)", () => {
      const known = new Map([['ueber-agents', 'Über Agents']]);
      expect(assignPaperIds(['Ueber Agents', 'Über Agents'], known)).toEqual(['ueber-agents-2', 'ueber-agents']);
      expect(assignPaperIds(['Ueber Agents'], known)).toEqual(['ueber-agents-2']);
    });

    test("a paper is known by any of its records' titles", () => {
      const known = new Map([['reflexion', 'Reflexion']]);
      expect(assignPaperIds([['Reflexion: Language Agents', 'Reflexion']], known)).toEqual(['reflexion']);
    });

    test('an id the history has without a title goes to a paper whose title makes it (histories before titles were kept)', () => {
      const known = new Map<string, string | undefined>([['reflexion', undefined]]);
      expect(assignPaperIds([['Reflexion: Language Agents', 'Reflexion']], known)).toEqual(['reflexion']);
    });
  });

  test('titles are the same paper when only case, accents, punctuation or spacing differ', () => {
    expect(normaliseTitle('Thinkless:  LLM Learns When to Think')).toBe(normaliseTitle('thinkless — llm learns when to think'));
    expect(normaliseTitle('Café')).toBe(normaliseTitle('Cafe'));
  });
});
