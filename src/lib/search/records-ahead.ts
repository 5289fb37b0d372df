import type { SearchRecord } from './search-records.ts';

/**
 * Search records indexed ahead of the build's own: `npm run build` makes the paper records from the generated files
 * as soon as the ingest is done (src/loaders/paper-search-records.ts), so Pagefind reads them while Astro is still
 * starting, instead of once Astro hands its records over, seconds later. Astro's records stay the index's truth: they
 * are checked against these one by one, in the order they come.
 *
 * Pagefind numbers pages in the order they are added, and a page added again under the same URL takes the old one's
 * place. So as long as the records made ahead are the first ones Astro hands over, URL for URL, the index is the one
 * Astro's records alone make:
 * - a record the same as the one made ahead at its place is not sent again;
 * - one that differs there (a paper whose note's text only Astro renders) is sent, and takes the place of the first;
 * - records past those made ahead (the theme pages) are sent as they come.
 *
 * Should Astro's records not line up (a note added, hidden or rewritten while the build ran, so that the papers
 * differ), the records ahead have {@link RecordsAhead.diverged}: the index must then be made from Astro's records
 * alone.
 */
export class RecordsAhead {
  private confirmed = 0;
  #diverged = false;

  constructor(private readonly records: readonly SearchRecord[]) {}

  /**
   * The record made ahead for `position`, once Astro's record there was confirmed (for one {@link needsIndexing} said
   * need not be indexed, the same record); none once the records have diverged.
   */
  sameAt(position: number): SearchRecord | undefined {
    return !this.#diverged && position < this.confirmed ? this.records[position] : undefined;
  }

  /** Whether Astro's records have stopped lining up with those made ahead. */
  get diverged(): boolean {
    return this.#diverged;
  }

  /**
   * Whether Astro's record at `position` (counted from its first) must still be indexed: not when it is the record
   * made ahead for that place, nor once the records have diverged.
   */
  needsIndexing(record: SearchRecord, position: number): boolean {
    if (this.#diverged) return false;
    if (position >= this.records.length) return true;
    const madeAhead = this.records[position]!;
    if (position !== this.confirmed || record.url !== madeAhead.url) {
      this.#diverged = true;
      return false;
    }
    this.confirmed += 1;
    return record.html !== madeAhead.html;
  }

  /** Whether Astro's records, all handed over, confirmed every record made ahead, in its place. */
  matched(): boolean {
    return !this.#diverged && this.confirmed === this.records.length;
  }
}
