import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { pagerNumbers, paginate, tablePagePath } from '../../src/lib/site/table-pages.ts';

describe('table pages', () => {
  test('every row on exactly one page, in order, none over the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 700 }), fc.integer({ min: 1, max: 250 }), (rows, size) => {
        const pages = paginate(rows, size);
        expect(pages.flatMap((page) => page.items)).toEqual(rows);
        expect(pages.every((page) => page.items.length <= size)).toBe(true);
        expect(pages.length).toBe(Math.max(1, Math.ceil(rows.length / size)));
        pages.forEach((page, index) => expect(page.number).toBe(index + 1));
      }),
    );
  });

  test('positions, paths and the pager', () => {
    const pages = paginate(
      Array.from({ length: 450 }, (_, i) => i),
      200,
    );
    expect(pages.map((page) => [page.first, page.last])).toEqual([
      [1, 200],
      [201, 400],
      [401, 450],
    ]);
    expect(paginate([], 200)).toEqual([{ number: 1, items: [], first: 0, last: 0 }]);
    expect(tablePagePath('/themes/rl/', 1)).toBe('/themes/rl/');
    expect(tablePagePath('/themes/rl/', 3)).toBe('/themes/rl/page/3/');
    expect(pagerNumbers(5, 20)).toEqual([1, null, 4, 5, 6, null, 20]);
    expect(pagerNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
