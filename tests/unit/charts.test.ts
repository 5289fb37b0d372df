import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  bucketRange,
  chooseTimeUnit,
  countOverTime,
  describeTimeline,
  heatLevel,
  layoutTimeline,
  niceTicks,
  topValues,
} from '../../src/lib/site/charts.ts';

const series = [
  { id: 'a', label: 'A', colour: 0 },
  { id: 'b', label: 'B', colour: 1 },
  { id: 'c', label: 'C', colour: 2 },
];
const frame = { width: 720, height: 220, margin: { top: 12, right: 8, bottom: 26, left: 34 } };

describe('timeline numbers', () => {
  test('a paper dated by month is counted in its month; one dated only by year is counted by year, not drawn', () => {
    const items = [{ date: '2023-03-20' }, { date: '2023-05' }, { date: '2023' }, { date: '2024' }, { date: null }];
    const timeline = countOverTime(
      items,
      (item) => item.date,
      () => 'a',
      series,
    );
    expect(timeline.unit).toBe('month');
    expect(timeline.buckets.map((bucket) => bucket.key)).toEqual(['2023-03', '2023-04', '2023-05']);
    expect(timeline.counts).toEqual([[1], [0], [1]]);
    expect(timeline.yearOnly).toEqual([
      { year: '2023', counts: [1] },
      { year: '2024', counts: [1] },
    ]);
    expect([timeline.dated, timeline.undated]).toEqual([2, 1]);
    expect(describeTimeline(timeline, 'papers')).toMatch(/2 dated only by year are counted by year in the table\.$/);
    // Only years: the timeline counts by year.
    const years = countOverTime(
      [{ date: '2021' }, { date: '2023' }],
      (item) => item.date,
      () => 'a',
      series,
    );
    expect([years.unit, years.buckets.map((bucket) => bucket.key), years.counts]).toEqual([
      'year',
      ['2021', '2022', '2023'],
      [[1], [0], [1]],
    ]);
  });

  test('counts each item once, in its series and month, with empty months kept and undated items set apart', () => {
    const items = [
      { day: '2025-01-15', theme: 'a' },
      { day: '2025-01-20', theme: 'b' },
      { day: '2025-03-02', theme: 'a' },
      { day: null, theme: 'a' },
    ];
    const timeline = countOverTime(
      items,
      (item) => item.day,
      (item) => item.theme,
      series,
    );
    expect(timeline.unit).toBe('month');
    expect(timeline.buckets.map((bucket) => bucket.key)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(timeline.series.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(timeline.counts).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    expect([timeline.dated, timeline.undated]).toEqual([3, 1]);
    expect(describeTimeline(timeline, 'papers')).toBe(
      '3 papers by month, from Jan 2025 to Mar 2025; the most in one month is 2, in Jan 2025. 1 without a date are not shown.',
    );
  });

  test('long spans count by quarter, then by year, so bars stay readable', () => {
    expect(chooseTimeUnit('2020-05-01', '2025-10-01')).toBe('month');
    expect(chooseTimeUnit('2010-01-01', '2025-10-01')).toBe('quarter');
    expect(chooseTimeUnit('1950-01-01', '2025-10-01')).toBe('year');
    expect(bucketRange('2024-11-03', '2025-04-30', 'quarter').map((bucket) => bucket.label)).toEqual(['Q4 2024', 'Q1 2025', 'Q2 2025']);
    expect(bucketRange('2023-06-01', '2025-01-01', 'year').map((bucket) => bucket.key)).toEqual(['2023', '2024', '2025']);
  });

  test('no dated item gives no bars and says so', () => {
    const timeline = countOverTime(
      [{ day: null }],
      (item) => item.day,
      () => 'a',
      series,
    );
    expect(timeline.buckets).toEqual([]);
    expect(describeTimeline(timeline, 'papers')).toBe('None of the papers has a date.');
  });

  test('round ticks cover the peak', () => {
    expect(niceTicks(14)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(6)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 100000 }), (max) => niceTicks(max).at(-1)! >= max && niceTicks(max).length <= 7));
  });

  test('layout: every count is drawn once, heights proportional to counts, stacks inside the plot', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.option(
              fc.integer({ min: 0, max: 400 }).map((offset) => new Date(Date.UTC(2022, 0, 1 + offset * 3)).toISOString().slice(0, 10)),
            ),
            theme: fc.constantFrom('a', 'b', 'c'),
          }),
          { maxLength: 300 },
        ),
        (items) => {
          const timeline = countOverTime(
            items,
            (item) => item.day,
            (item) => item.theme,
            series,
          );
          const layout = layoutTimeline(timeline, frame);
          const drawn = layout.bars.reduce((sum, bar) => sum + bar.count, 0);
          expect(drawn).toBe(items.filter((item) => item.day !== null).length);
          const unit = (layout.plot.bottom - layout.ticks.at(-1)!.y) / layout.ticks.at(-1)!.value;
          for (const bar of layout.bars) {
            expect(Math.abs(bar.height - bar.count * unit)).toBeLessThan(0.11);
            expect(bar.y).toBeGreaterThanOrEqual(layout.plot.top - 0.2);
            expect(bar.y + bar.height).toBeLessThanOrEqual(layout.plot.bottom + 0.2);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('ranked counts and heat levels', () => {
  test('top values count each item once per value, most first, ties by name', () => {
    expect(topValues([['X', 'Y'], ['Y'], ['Y', 'Y'], ['Z'], []], 2)).toEqual([
      { label: 'Y', count: 3 },
      { label: 'X', count: 1 },
    ]);
  });

  test('heat levels: empty is 0, the largest cell 5, anything else at least 1', () => {
    expect([0, 1, 5, 10, 27].map((count) => heatLevel(count, 27))).toEqual([0, 1, 1, 2, 5]);
  });
});
