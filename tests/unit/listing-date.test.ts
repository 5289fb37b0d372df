import { describe, expect, test } from 'vitest';
import { parseDateLine, resolveListingDate } from '../../src/lib/sources/listing-date.ts';

describe('listing dates', () => {
  test('reads dates with and without year and upvotes', () => {
    expect(parseDateLine('Sep 24 2')).toEqual({ month: 9, day: 24, year: null, upvotes: 2 });
    expect(parseDateLine('Jun 21, 2024 1')).toEqual({ month: 6, day: 21, year: 2024, upvotes: 1 });
    expect(parseDateLine('Oct 12, 2023')).toEqual({ month: 10, day: 12, year: 2023, upvotes: null });
    expect(parseDateLine('September 3')).toEqual({ month: 9, day: 3, year: null, upvotes: null });
  });

  test('refuses what is not a date', () => {
    for (const line of ['Foo 12', 'Feb 30', 'Sep 0', 'Sep 24 two', 'SceneWeaver: All-in-One']) expect(parseDateLine(line)).toBeNull();
  });

  test('a date without a year is in the capture year', () => {
    expect(resolveListingDate({ month: 9, day: 24, year: null }, '2025-10-31')).toBe('2025-09-24');
    expect(resolveListingDate({ month: 10, day: 31, year: null }, '2025-10-31')).toBe('2025-10-31');
  });

  test('a year-less date after the capture day is last year’s', () => {
    expect(resolveListingDate({ month: 12, day: 20, year: null }, '2025-10-31')).toBe('2024-12-20');
  });

  test('an explicit year is kept, and 29 February only exists in leap years', () => {
    expect(resolveListingDate({ month: 6, day: 21, year: 2024 }, '2025-10-31')).toBe('2024-06-21');
    expect(resolveListingDate({ month: 2, day: 29, year: 2023 }, '2025-10-31')).toBeNull();
    expect(resolveListingDate({ month: 2, day: 29, year: null }, '2024-10-31')).toBe('2024-02-29');
  });
});
