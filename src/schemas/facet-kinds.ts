/**
 * The facet kinds and their headings, free of any schema code so the browser's table script can import them
 * without pulling in zod.
 */
export const FACET_KINDS = ['approach', 'modality', 'domain', 'benchmark', 'model'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

/** Headings for each facet, for tables, filters and the paper page. */
export const FACET_LABELS: Record<FacetKind | 'results', string> = {
  approach: 'Approach',
  modality: 'Modality',
  domain: 'Domain',
  benchmark: 'Benchmarks',
  model: 'Models',
  results: 'Headline results',
};
