import type { CuratedPaper } from '../../src/lib/curation/notes.ts';

/** A paper as the pages receive it, with plain values a test overrides where it cares. */
export function curatedPaper(id: string, overrides: Partial<CuratedPaper> = {}): CuratedPaper {
  return {
    id,
    title: `Title of ${id}`,
    abstract: `We study ${id}.`,
    authors: { count: 3, names: [] },
    organization: null,
    date: '2025-05-19',
    dateHasYear: true,
    upvotes: null,
    doi: null,
    arxiv: null,
    venue: null,
    url: null,
    keywords: [],
    citationKey: null,
    themes: ['rl'],
    themeSource: 'keywords',
    themeConfidence: 0.9,
    themeCandidates: [],
    related: [],
    links: [],
    code: null,
    facets: { approach: [], modality: [], domain: [], benchmark: [], model: [], results: [] },
    source: { listing: 'content/listings/x.txt', line: 1, captured: '2025-10-31' },
    alsoIn: [],
    added: '2025-10-31',
    tags: [],
    summary: null,
    featured: false,
    hidden: false,
    annotated: false,
    ...overrides,
  };
}
