import { z } from 'astro/zod';
import { facetOverridesSchema } from './facets.ts';
import { themeIdEnum } from './survey.ts';

const httpUrl = z
  .string()
  .url('must be a full URL such as https://github.com/owner/repo')
  .refine((url) => /^https?:\/\//i.test(url), 'must start with http:// or https://');

/**
 * The frontmatter of a curator's note (`content/notes/<paper-id>.mdx`). Every field is optional and overrides
 * what ingest computed for the paper. Unknown fields are refused, so a typo (`featued`) is an error, not ignored.
 */
export function createNoteSchema(themeIds: readonly string[]) {
  return z
    .object({
      /** Replaces the automatic theme assignment; the first theme is the primary one. */
      themes: z.array(themeIdEnum(themeIds)).min(1, 'list at least one theme, or remove the field').optional(),
      /** The paper's code repository, replacing the one found in the abstract. */
      code: httpUrl.optional(),
      /** The paper's project page, replacing the one found in the abstract. */
      project: httpUrl.optional(),
      /** Replaces extracted facets, per facet: `facets: { approach: [Reinforcement learning], benchmark: [AIME24] }`. */
      facets: facetOverridesSchema.optional(),
      /** Free-form labels shown on the paper's page. */
      tags: z.array(z.string().min(1)).default([]),
      /** One line shown under the title in tables. */
      summary: z
        .string()
        .min(1)
        .max(200, 'keep the summary to one line of at most 200 characters')
        .refine((text) => !/\n/.test(text.trim()), 'the summary is one line')
        .optional(),
      /** Shown first in its themes' tables and on the home page. */
      featured: z.boolean().default(false),
      /** Left out of the site (no page, not in tables or search); kept in data/papers.json with `hidden: true`. */
      hidden: z.boolean().default(false),
    })
    .strict();
}

/** Theme intros and the survey intro have no fields of their own; the file's place says what it introduces. */
export const introSchema = z.object({}).strict();

export type NoteFrontmatter = z.infer<ReturnType<typeof createNoteSchema>>;
