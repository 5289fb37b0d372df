import { describe, expect, test } from 'vitest';
import { compareWithLastRecords } from '../../src/lib/search/last-records.ts';

const record = (url: string, html = `<p>${url}</p>`) => ({ url, html });
const last = [record('/a/'), record('/b/'), record('/c/')];

describe('this build’s records against the last build’s, for a part parsed ahead', () => {
  test('the same records: nothing to give Pagefind again, and complete', () => {
    const compare = compareWithLastRecords(last);
    expect(compare.next(last.slice(0, 2))).toEqual([]);
    expect(compare.complete()).toBe(false);
    expect(compare.next(last.slice(2))).toEqual([]);
    expect(compare.complete()).toBe(true);
  });

  test('a record changed: that one given again', () => {
    const compare = compareWithLastRecords(last);
    const changed = record('/b/', '<p>b, with a note</p>');
    expect(compare.next([last[0]!, changed])).toEqual([changed]);
    expect(compare.next([last[2]!])).toEqual([]);
    expect(compare.complete()).toBe(true);
  });

  test('another URL at a place: of no use, from then on', () => {
    const compare = compareWithLastRecords(last);
    expect(compare.next([last[0]!, record('/a2/')])).toBeUndefined();
    expect(compare.next([last[2]!])).toBeUndefined();
    expect(compare.complete()).toBe(false);
  });

  test('fewer records than the last build’s, or more: not complete, or of no use', () => {
    const fewer = compareWithLastRecords(last);
    expect(fewer.next(last.slice(0, 2))).toEqual([]);
    expect(fewer.complete()).toBe(false);
    const more = compareWithLastRecords(last);
    expect(more.next([...last, record('/d/')])).toBeUndefined();
    expect(more.complete()).toBe(false);
  });
});
