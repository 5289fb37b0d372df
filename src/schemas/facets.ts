import { z } from 'astro/zod';
import type { FacetKind } from './facet-kinds.ts';

/** One term of a vocabulary file (`content/facets/<kind>.yaml`). */
export const vocabularyTermSchema = z
  .object({
    /** What tables, filters and exports show. */
    label: z.string().min(1),
    /** Words, phrases or `/regular expressions/` that find the term (see README, "Comparison tables"). */
    patterns: z.array(z.string().min(1)).min(1, 'a term needs at least one pattern'),
  })
  .strict();
export const vocabularySchema = z.array(vocabularyTermSchema);
export type VocabularyTerm = z.infer<typeof vocabularyTermSchema>;
export type Vocabularies = Record<FacetKind, VocabularyTerm[]>;

/** Where a value was found: a [start, end) range of the title or the abstract. */
export const evidenceSpanSchema = z
  .object({ field: z.enum(['title', 'abstract']), start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .strict();

/** A facet value with its evidence; a value set by the curator has none. */
export const facetValueSchema = z.object({ value: z.string().min(1), evidence: z.array(evidenceSpanSchema) }).strict();

/** A sentence of the abstract that reports a figure, kept whole, with its place in the abstract (null when a curator wrote it). */
export const headlineResultSchema = z
  .object({ text: z.string().min(1), start: z.number().int().nonnegative().nullable(), end: z.number().int().positive().nullable() })
  .strict();

/** A paper's facets, as ingest extracts them. */
export const paperFacetsSchema = z
  .object({
    approach: z.array(facetValueSchema),
    modality: z.array(facetValueSchema),
    domain: z.array(facetValueSchema),
    benchmark: z.array(facetValueSchema),
    model: z.array(facetValueSchema),
    results: z.array(headlineResultSchema),
  })
  .strict();

/** The facet overrides a curator may write in a note's frontmatter: each replaces what ingest found. */
export const facetOverridesSchema = z
  .object({
    approach: z.array(z.string().min(1)).optional(),
    modality: z.array(z.string().min(1)).optional(),
    domain: z.array(z.string().min(1)).optional(),
    benchmark: z.array(z.string().min(1)).optional(),
    model: z.array(z.string().min(1)).optional(),
    results: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type EvidenceSpan = z.infer<typeof evidenceSpanSchema>;
export type FacetValue = z.infer<typeof facetValueSchema>;
export type HeadlineResult = z.infer<typeof headlineResultSchema>;
export type PaperFacets = z.infer<typeof paperFacetsSchema>;
