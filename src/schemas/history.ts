import { z } from 'astro/zod';
import { isoDaySchema } from './survey.ts';

/** What the survey remembers about one paper across ingests. */
export const paperHistoryEntrySchema = z
  .object({
    /** The day the paper first appeared in the survey: the capture date of the listing it first came in. */
    added: isoDaySchema,
    /** Its upvotes at the last ingest that saw it, to report changes. */
    upvotes: z.number().int().nonnegative().nullable(),
    /** The capture day of the survey when the paper was no longer in any listing; `null` while it is in one. */
    removed: isoDaySchema.nullable(),
    /**
     * The paper's title when a listing last held it: what a curator's `<PaperLink>` to a paper that has left shows.
     * (Histories written before it was kept have none.)
     */
    title: z.string().min(1).optional(),
  })
  .strict();

/**
 * `content/history.json`: machine-owned (written by ingest, never by hand) and meant to be committed, so "added on"
 * dates survive a fresh clone and every later re-paste of a listing.
 */
export const paperHistorySchema = z
  .object({
    $generated: z.string().optional(),
    papers: z.record(z.string(), paperHistoryEntrySchema),
  })
  .strict();

export type PaperHistory = z.infer<typeof paperHistorySchema>;
