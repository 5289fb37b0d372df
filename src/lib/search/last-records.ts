import type { SearchRecord } from './search-records.ts';

/**
 * The search index's first part parsed ahead from the last build's records of it, while this build has yet to make its
 * own (src/integrations/search-index.ts).
 *
 * Pagefind numbers a part's pages in the order it is given them, and a record given again for a URL it has already
 * parsed replaces that page where it is. So a part parsed from the last build's records is this build's part once the
 * records that have changed since are given again — as long as this build's records have the same URLs in the same
 * order. After one new note, that is one record of thousands: the part is ready about as soon as the build's records
 * are, where parsing them all takes Pagefind some 3.5 s for 5,000 pages.
 *
 * `compare` follows this build's records of the part as they come, against the last build's (`lastRecords`, in the
 * order they were parsed): `next` says which of them to give Pagefind again, or that the parse ahead is of no use (a
 * record whose URL is not the last build's one at that place: a paper added or gone); `complete`, once every record
 * of the part has come, whether there were as many as the last build had.
 */
export function compareWithLastRecords(lastRecords: readonly SearchRecord[]) {
  let at = 0;
  let bornOut = true;
  return {
    /** The records among `records` (the next of this build's) that differ from the last build's, or `undefined`. */
    next(records: readonly SearchRecord[]): SearchRecord[] | undefined {
      if (!bornOut) return undefined;
      const changed: SearchRecord[] = [];
      for (const record of records) {
        const last = lastRecords[at];
        at += 1;
        if (last?.url !== record.url) {
          bornOut = false;
          return undefined;
        }
        if (last.html !== record.html) changed.push(record);
      }
      return changed;
    },
    /** Whether the records so far were those of the last build, with changes given again, and as many. */
    complete: () => bornOut && at === lastRecords.length,
  };
}
