import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countMatrix } from '../../src/lib/site/compare-matrix.ts';

interface Paper {
  values: string[];
}

/** The definition, cell by cell: the papers of the row that have the column's value. */
function countByDefinition(themes: ReadonlyArray<{ papers: readonly Paper[] }>, columns: readonly string[]): number[][] {
  return themes.map((theme) => columns.map((column) => theme.papers.filter((paper) => paper.values.includes(column)).length));
}

describe('the compare page counts (src/lib/site/compare-matrix.ts)', () => {
  test('each cell counts the papers of a theme with a value; a paper with several values counts in each, once', () => {
    const themes = [
      { id: 'a', label: 'A', papers: [{ values: ['rl', 'search'] }, { values: ['rl', 'rl'] }, { values: [] }] },
      { id: 'b', label: 'B', papers: [{ values: ['search', 'other'] }] },
    ];
    const matrix = countMatrix(themes, ['search', 'rl', 'unused'], (paper) => paper.values);
    expect(matrix).toEqual({
      columns: ['search', 'rl', 'unused'],
      rows: [
        { id: 'a', label: 'A', cells: [1, 2, 0], total: 3 },
        { id: 'b', label: 'B', cells: [1, 0, 0], total: 1 },
      ],
      max: 2,
    });
  });

  test('the same counts as the definition, for any themes, values and columns', () => {
    const value = fc.constantFrom('rl', 'search', 'tools', '2024', '2025', 'undated');
    const paper = fc.record({ values: fc.array(value, { maxLength: 4 }) });
    const themes = fc.array(fc.record({ id: fc.string(), label: fc.string(), papers: fc.array(paper, { maxLength: 12 }) }), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(themes, fc.array(value, { maxLength: 7 }), (themeList, columns) => {
        const matrix = countMatrix(themeList, columns, (item) => item.values);
        const expected = countByDefinition(themeList, columns);
        expect(matrix.rows.map((row) => row.cells)).toEqual(expected);
        expect(matrix.max).toBe(Math.max(1, ...expected.flat()));
      }),
    );
  });
});
