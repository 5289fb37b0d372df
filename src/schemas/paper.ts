import { z } from 'astro/zod';
import { paperFacetsSchema } from './facets.ts';
import { isoDaySchema, themeIdEnum } from './survey.ts';
import { authorsSchema, organizationSchema, partialDateSchema } from './source-record.ts';

/** What a link found in an abstract points to. A GitHub repository is the paper's code. */
export const linkKindSchema = z.enum(['code', 'project', 'dataset', 'model']);

/** A link found in an abstract, cleaned of trailing punctuation. */
export const paperLinkSchema = z
  .object({
    url: z.string().url(),
    kind: linkKindSchema,
  })
  .strict();

/**
 * One paper as the ingest script writes it and the site reads it (src/loaders/generated-papers.ts).
 * `null` means the listing did not say (no metadata block): shown as unknown, never invented.
 */
export function createPaperSchema(themeIds: readonly string[]) {
  return z
    .object({
      /** The note every generated entry carries: where it came from, and that it is not to be edited. */
      $generated: z.string().optional(),
      /** Stable, readable id from the title: the URL `/papers/<id>/` and the key for pins and exports. */
      id: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .max(80),
      title: z.string().min(1),
      /** Plain text, exactly as pasted (wrapped lines joined). Never read as Markdown or HTML. Null when no source gave one. */
      abstract: z.string().min(1).nullable(),
      /** Who wrote it: names in reading order where a source names them, and how many (`• N authors` in the paste). */
      authors: authorsSchema,
      organization: organizationSchema.nullable(),
      /** As precise as the sources say: `2023-03-20`, `2023-03` or `2023`; the paste's year-less dates are in its capture year. */
      date: partialDateSchema.nullable(),
      /** Whether the listing wrote the year (`Oct 12, 2023`) rather than leaving it to the capture date. */
      dateHasYear: z.boolean(),
      upvotes: z.number().int().nonnegative().nullable(),
      /** Lower case, without `https://doi.org/`. */
      doi: z.string().min(1).nullable(),
      /** The arXiv id without its version (`2303.11366`). */
      arxiv: z.string().min(1).nullable(),
      /** The journal or proceedings, as a source names it. */
      venue: z.string().min(1).nullable(),
      /** The paper's own page as its sources give it (a BibTeX `url`, the arXiv abs link), if any. */
      url: z.string().url().nullable(),
      /** Keywords a reference manager gave the paper. */
      keywords: z.array(z.string().min(1)),
      /** The BibTeX key a `.bib` gave it, kept in the survey's BibTeX export so `\cite{}` keys keep working. */
      citationKey: z.string().min(1).nullable(),
      /** Themes, primary first; empty for an unsorted paper. */
      themes: z.array(themeIdEnum(themeIds)),
      /** How the themes were chosen: by keywords and content similarity, or pinned by the curator. */
      themeSource: z.enum(['keywords', 'pinned', 'none']),
      /** How sure the automatic assignment is: 0 (a toss-up) to 1; pinned papers are 1. */
      themeConfidence: z.number().min(0).max(1),
      /** The two best themes the automatic assignment saw, with the words that decided them. */
      themeCandidates: z.array(z.object({ themeId: z.string(), score: z.number(), words: z.array(z.string()) }).strict()),
      /** Up to five papers most similar in title and abstract, most similar first. */
      related: z.array(z.object({ id: z.string(), score: z.number() }).strict()),
      links: z.array(paperLinkSchema),
      /** The first code repository among the links, if any. */
      code: z.string().url().nullable(),
      /** Approach, modality, domain, benchmarks, models and headline results, each with its evidence. */
      facets: paperFacetsSchema,
      /** Where the paper came from (the newest capture of it), for error messages and the curator. */
      source: z.object({ listing: z.string().min(1), line: z.number().int().positive(), captured: isoDaySchema }).strict(),
      /** The other records of the same paper, in other files or again in the same one, merged into it. */
      alsoIn: z.array(z.object({ listing: z.string().min(1), line: z.number().int().positive() }).strict()),
      /** The day the paper first appeared in the survey, kept across ingests in `content/history.json`. */
      added: isoDaySchema,
    })
    .strict();
}

export type Paper = z.infer<ReturnType<typeof createPaperSchema>>;
export type PaperLink = z.infer<typeof paperLinkSchema>;
export type LinkKind = z.infer<typeof linkKindSchema>;
