import { describe, expect, test } from 'vitest';
import { chooseThemes, compileThemeMatchers, scoreThemes } from '../../src/lib/classify/theme-keywords.ts';
import type { Theme } from '../../src/schemas/survey.ts';

const themes: Theme[] = [
  { id: 'driving', title: 'Driving', scope: 'cars', keywords: ['autonomous driving', 'vehicle'] },
  { id: 'gui', title: 'GUI', scope: 'screens', keywords: ['GUI', 'grounding', 'screen*'] },
  { id: 'rl', title: 'RL', scope: 'rl', keywords: ['reinforcement learning'] },
];
const matchers = compileThemeMatchers(themes);

describe('assigning themes', () => {
  test('a keyword in the title counts more than one in the abstract', () => {
    const scores = scoreThemes({ title: 'Autonomous Driving at Scale', abstract: 'We use reinforcement learning.' }, matchers);
    expect(scores[0]).toEqual({ themeId: 'driving', score: 3, matched: ['autonomous driving'] });
    expect(chooseThemes(scores)).toEqual(['driving']);
  });

  test('matches whole words, plurals and hyphenated forms; `*` matches any ending', () => {
    const scores = scoreThemes(
      { title: 'x', abstract: 'Vehicles and GUIs. Screenshots. autonomous-driving. Not guidance or vehicular.' },
      matchers,
    );
    const byId = Object.fromEntries(scores.map((s) => [s.themeId, s.matched]));
    expect(byId.driving).toEqual(['autonomous driving', 'vehicle']);
    expect(byId.gui).toEqual(['GUI', 'screen*']);
  });

  test('secondary themes need a good share of the primary score', () => {
    const scores = scoreThemes(
      { title: 'GUI Agents with Reinforcement Learning', abstract: 'A GUI agent trained with reinforcement learning and a screenshot.' },
      matchers,
    );
    expect(chooseThemes(scores)).toEqual(['gui', 'rl']);
  });

  test('a paper no theme fits is unsorted, not dropped', () => {
    expect(chooseThemes(scoreThemes({ title: 'Protein Folding', abstract: 'About proteins.' }, matchers))).toEqual([]);
  });

  test('ties go to the theme listed first', () => {
    const scores = scoreThemes({ title: 'Vehicle GUI', abstract: '' }, matchers);
    expect(chooseThemes(scores)[0]).toBe('driving');
  });
});
