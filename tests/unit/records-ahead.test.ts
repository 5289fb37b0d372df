import { describe, expect, test } from 'vitest';
import { RecordsAhead } from '../../src/lib/search/records-ahead.ts';
import type { SearchRecord } from '../../src/lib/search/search-records.ts';

const record = (url: string, html = `<p>${url}</p>`): SearchRecord => ({ url, html });

/** Hands Astro's records over in batches, as the build script receives them; the records that still need indexing. */
function handOver(ahead: RecordsAhead, batches: SearchRecord[][]): string[] {
  const indexed: string[] = [];
  let position = 0;
  for (const batch of batches) {
    for (const each of batch) if (ahead.needsIndexing(each, position++)) indexed.push(each.url);
  }
  return indexed;
}

describe('search records indexed ahead of the build’s own', () => {
  const madeAhead = [record('/papers/a/'), record('/papers/b/'), record('/papers/c/')];

  test('the same records in the same places are not indexed again; a changed text is, and so are the records after', () => {
    const ahead = new RecordsAhead(madeAhead);
    const astro = [
      [record('/papers/a/'), record('/papers/b/', '<p>b, with its note</p>')],
      [record('/papers/c/'), record('/themes/rl/')],
    ];
    expect(handOver(ahead, astro)).toEqual(['/papers/b/', '/themes/rl/']);
    expect(ahead.diverged).toBe(false);
    expect(ahead.matched()).toBe(true);
    // What the build keeps of a record found the same is the one made ahead, not a second copy.
    expect(ahead.sameAt(0)).toBe(madeAhead[0]);
    expect(ahead.sameAt(3)).toBeUndefined();
  });

  test('a paper the build does not have (hidden by a note meanwhile) is a divergence, and nothing more is indexed', () => {
    const ahead = new RecordsAhead(madeAhead);
    expect(handOver(ahead, [[record('/papers/a/'), record('/papers/c/'), record('/themes/rl/')]])).toEqual([]);
    expect(ahead.diverged).toBe(true);
    expect(ahead.matched()).toBe(false);
    expect(ahead.sameAt(0)).toBeUndefined();
  });

  test('a paper the records ahead lack (a note that unhid it) is a divergence', () => {
    const ahead = new RecordsAhead(madeAhead);
    handOver(ahead, [[record('/papers/a/'), record('/papers/aa/'), record('/papers/b/'), record('/papers/c/')]]);
    expect(ahead.matched()).toBe(false);
  });

  test('fewer records than were made ahead do not match, nor do records out of their places', () => {
    const fewer = new RecordsAhead(madeAhead);
    handOver(fewer, [[record('/papers/a/'), record('/papers/b/')]]);
    expect(fewer.diverged).toBe(false);
    expect(fewer.matched()).toBe(false);

    const skipped = new RecordsAhead(madeAhead);
    expect(skipped.needsIndexing(record('/papers/a/'), 0)).toBe(false);
    expect(skipped.needsIndexing(record('/papers/c/'), 2)).toBe(false);
    expect(skipped.diverged).toBe(true);
  });

  test('no records made ahead: every record is indexed, and nothing is left to confirm', () => {
    const none = new RecordsAhead([]);
    expect(handOver(none, [[record('/papers/a/'), record('/themes/rl/')]])).toEqual(['/papers/a/', '/themes/rl/']);
    expect(none.matched()).toBe(true);
  });
});
