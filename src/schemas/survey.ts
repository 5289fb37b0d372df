import { z } from 'astro/zod';
import { TABLE_COLUMNS } from './table-columns.ts';

/** The pseudo-theme of papers that no theme's keywords matched. Shown as its own visible group, never dropped. */
export const UNSORTED_THEME_ID = 'unsorted';

/** Theme ids are URLs (`/themes/<id>/`), so they are lower-case slugs. `unsorted` is reserved for papers no theme fits. */
export const themeIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a theme id is lower-case letters, digits and single hyphens, e.g. "rl-reasoning"')
  .refine((id) => id !== UNSORTED_THEME_ID, `"${UNSORTED_THEME_ID}" is reserved for papers that fit no theme`);

/**
 * A list of the survey's theme ids as zod wants it for an enum; a survey without themes yet (every paper unsorted)
 * accepts no theme at all.
 */
export function themeIdEnum(themeIds: readonly string[]) {
  return themeIds.length > 0
    ? z.enum(themeIds as [string, ...string[]], {
        // A theme renamed or removed in survey.yaml leaves its pins behind: say which id is unknown, and the ones there are.
        errorMap: (issue, context) =>
          issue.code === 'invalid_enum_value'
            ? {
                message: `"${String(issue.received)}" is not a theme of survey.yaml (renamed or removed?); its themes are ${themeIds.join(', ')}`,
              }
            : { message: context.defaultError },
      })
    : z.never({ errorMap: () => ({ message: 'the survey defines no themes yet (add them under themes: in survey.yaml)' }) });
}

/** A calendar day written as YAML date or `YYYY-MM-DD` string; normalised to the string form. */
export const isoDaySchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD, e.g. 2025-10-31')
    // A day the calendar has: `2025-13-45` or `2025-02-30` would be stored in the history, and break the feeds' dates.
    .refine(
      (day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || isCalendarDay(day),
      (day) => ({ message: `${day} is not a day of the calendar (YYYY-MM-DD: month 01–12, a day the month has)` }),
    ),
);

/** Whether a `YYYY-MM-DD` string names a day that exists (2024-02-29 does, 2025-02-29 does not). */
export function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

/** One theme of the survey's taxonomy, as a curator writes it in `content/survey.yaml`. */
export const themeSchema = z
  .object({
    /** Stable id: the theme's URL and the key used by pins, filters and notes. */
    id: themeIdSchema,
    /** Heading shown on cards, tables and the theme page. */
    title: z.string().min(1),
    /** One line saying what belongs in the theme. */
    scope: z.string().min(1),
    /**
     * Words and phrases that place a paper in this theme. Matched case-insensitively on whole words,
     * plurals included; a trailing `*` matches any ending (`verif*`). A match in the title counts three times.
     */
    keywords: z.array(z.string().min(1)).min(1, 'a theme needs at least one keyword to be assigned papers'),
    /** The columns of the theme's table after the title, in order; defaults to date, authors, approach, … */
    columns: z.array(z.enum(TABLE_COLUMNS)).min(1).optional(),
  })
  .strict();

/** Settings for one listing file, keyed by its file name without `.txt`. */
export const listingSettingsSchema = z
  .object({
    /** The day the listing was copied. Dates without a year in the listing are read in this day's year. */
    captured: isoDaySchema,
  })
  .strict();

/** The whole of `content/survey.yaml`: what the survey is, its listings' capture dates, and its themes. */
export const surveyConfigSchema = z
  .object({
    survey: z
      .object({
        title: z.string().min(1),
        subtitle: z.string().default(''),
        /** Survey-wide capture date: used for every listing that has no `captured` of its own under `listings`. */
        captured: isoDaySchema.optional(),
      })
      .strict(),
    listings: z.record(z.string(), listingSettingsSchema).default({}),
    /** The taxonomy; empty while a curator has none yet (every paper is then unsorted). */
    themes: z
      .array(themeSchema)
      .default([])
      .superRefine((themes, ctx) => {
        const seen = new Set<string>();
        themes.forEach((theme, index) => {
          if (seen.has(theme.id)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'id'], message: `theme id "${theme.id}" is used twice` });
          }
          seen.add(theme.id);
        });
      }),
  })
  .strict();

export type Theme = z.infer<typeof themeSchema>;
export type SurveyConfig = z.infer<typeof surveyConfigSchema>;
