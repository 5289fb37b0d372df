import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { resolveContentPaths } from './loaders/content-paths.ts';
import { introPatterns, loadSurveyConfig } from './loaders/survey-files.ts';
import { PAPERS_FOLDER } from './lib/ingest/plan-entries.ts';
import { generatedPapers } from './loaders/generated-papers.ts';
import { curatedFiles } from './loaders/curated-files.ts';
import { createNoteSchema, introSchema } from './schemas/note.ts';
import { createPaperSchema } from './schemas/paper.ts';
import { themeSchema } from './schemas/survey.ts';

const paths = resolveContentPaths();
const { themes } = loadSurveyConfig(paths).data;
const themeIds = themes.map((theme) => theme.id);

/** Papers: the entries `npm run ingest` generates, validated with the same schema the ingest used. */
const papers = defineCollection({
  loader: generatedPapers(join(paths.generated, PAPERS_FOLDER)),
  schema: createPaperSchema(themeIds),
});

/** Themes, in the curator's order, from `content/survey.yaml`. */
const themeCollection = defineCollection({
  loader: () => themes.map((theme, order) => ({ ...theme, order })),
  schema: themeSchema.extend({ order: z.number().int().nonnegative() }),
});

/** Curators' notes, one MDX file per paper: `content/notes/<paper-id>.mdx`. */
const notes = defineCollection({
  loader: curatedFiles({ pattern: ['*.mdx'], base: paths.notes, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: createNoteSchema(themeIds),
});

/** The survey intro (`content/intro.mdx`, id `intro`) and theme intros (`content/themes/<theme-id>.mdx`, id `themes/<theme-id>`). */
const intros = defineCollection({
  loader: curatedFiles({
    pattern: introPatterns(paths),
    base: paths.root,
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: introSchema,
});

export const collections = { papers, themes: themeCollection, notes, intros };
