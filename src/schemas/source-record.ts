import { z } from 'astro/zod';

/** An organisation line of the listing: `microsoft Microsoft` is handle `microsoft`, shown as `Microsoft`. */
export const organizationSchema = z.object({ handle: z.string().min(1), name: z.string().min(1) }).strict();

/** A person as a source names them: given names (null for a literal name such as a lab) and family name. */
export const personNameSchema = z
  .object({
    /** Given names as written, initials included ("J. R."); null for a name written as one literal ("Name of a Lab"). */
    given: z.string().min(1).nullable(),
    /** Family name with its particles and suffix ("van der Berg", "King Jr."), or the whole literal name. */
    family: z.string().min(1),
  })
  .strict();

/** A date as precise as a source says: a day, a month or a year. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

/** Who wrote a paper, as far as a source says: their names in reading order, and how many they are. */
export const authorsSchema = z
  .object({
    /** How many authors; null when the source says nothing about them. */
    count: z.number().int().positive().nullable(),
    /** Their names in reading order; empty when the source gives only a count (the Daily Papers paste). */
    names: z.array(personNameSchema),
  })
  .strict();

/**
 * One paper as one source file states it, in the same shape for every format (the Daily Papers paste, BibTeX, RIS,
 * CSL-JSON, arXiv Atom, CSV): what ingest merges into papers. `null` means the source did not say.
 */
export const sourceRecordSchema = z
  .object({
    /** Plain text, Unicode NFC, markup and protective braces removed, white space collapsed; case as the source gives it. */
    title: z.string().min(1),
    /** Plain text, white space collapsed; null when the source gives none. */
    abstract: z.string().min(1).nullable(),
    authors: authorsSchema,
    /** The organisation line of the Daily Papers paste (`microsoft Microsoft`). */
    organization: organizationSchema.nullable(),
    date: partialDateSchema.nullable(),
    /** Whether the source wrote the year; only the paste leaves it out (`Sep 24`), to be read in the capture year. */
    dateHasYear: z.boolean(),
    /** Lower case, without `https://doi.org/`. */
    doi: z.string().min(1).nullable(),
    /** A new-style (`2303.11366`) or old-style (`cs/0101001`) arXiv id, without its version. */
    arxiv: z.string().min(1).nullable(),
    /** The journal, proceedings or other container the paper appeared in. */
    venue: z.string().min(1).nullable(),
    /** The http(s) links the source gives for the paper (its `url` field, the Atom abs link), in order. */
    urls: z.array(z.string().url()),
    keywords: z.array(z.string().min(1)),
    /** The BibTeX key (or CSL-JSON `citation-key`), kept so a curator's `\cite{}` keys work with our exports. */
    citationKey: z.string().min(1).nullable(),
    /** Hugging Face upvotes, from the paste. */
    upvotes: z.number().int().nonnegative().nullable(),
    /** 1-based line where the entry starts in its file. */
    line: z.number().int().positive(),
  })
  .strict();

export type Organization = z.infer<typeof organizationSchema>;
export type PersonName = z.infer<typeof personNameSchema>;
export type Authors = z.infer<typeof authorsSchema>;
export type SourceRecord = z.infer<typeof sourceRecordSchema>;
