import { describe, expect, test } from 'vitest';
import { findPaper } from '../../src/lib/curation/find-paper.ts';

const papers = [
  {
    id: 'reflexion-language-agents-with-verbal-reinforcement-learning',
    title: 'Reflexion: Language Agents with Verbal Reinforcement Learning',
  },
  { id: 'duplicate-title', title: 'Duplicate Title' },
  { id: 'paper', title: 'Paper' },
  { id: 'react-synergizing-reasoning-and-acting', title: 'ReAct: Synergizing Reasoning and Acting in Language Models' },
];

describe('finding the paper a curator names (npm run note)', () => {
  test('by its id, or by words of its title in any order', () => {
    expect(findPaper(papers, 'duplicate-title')).toEqual({ kind: 'one', paper: papers[1] });
    expect(findPaper(papers, 'verbal reflexion')).toEqual({ kind: 'one', paper: papers[0] });
  });

  test('words with a slip suggest the paper that has them, not the shortest id', () => {
    const reflexion = papers[0]!.id;
    expect(findPaper(papers, 'reflexion languge agents')).toEqual({ kind: 'none', closest: reflexion });
    expect(findPaper(papers, 'reflexion-languge-agents')).toEqual({ kind: 'none', closest: reflexion });
    expect(findPaper(papers, 'synergising reasoning')).toEqual({ kind: 'none', closest: papers[3]!.id });
  });

  test('words no title has suggest nothing', () => {
    expect(findPaper(papers, 'zzzzqqq')).toEqual({ kind: 'none', closest: null });
    expect(findPaper(papers, 'quantum gardening')).toEqual({ kind: 'none', closest: null });
  });
});
