import type { SearchRecord } from '../../src/lib/search/search-records.ts';

/** Search record `n` of a made-up survey: about 2 KB, as a paper's is. */
export const sampleRecord = (n: number): SearchRecord => ({ url: `/papers/p${n}/`, html: `<p>${`paper ${n} `.repeat(200)}</p>` });
