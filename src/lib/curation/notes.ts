import type { z } from 'astro/zod';
import type { Paper, PaperLink } from '../../schemas/paper.ts';
import type { NoteFrontmatter } from '../../schemas/note.ts';
import { type PaperFacets } from '../../schemas/facets.ts';
import { FACET_KINDS } from '../../schemas/facet-kinds.ts';
import { InputError } from '../input/input-error.ts';
import { parseYamlWith } from '../input/read-yaml.ts';

// The `---` fences of MDX frontmatter. Split by hand (not with a frontmatter library) so the YAML inside can be
// validated with the line numbers of the file it sits in.
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** A note's frontmatter, validated, and whether it has any words below the frontmatter. */
export interface ParsedNote<T> {
  frontmatter: T;
  /** Whether the note says anything below its frontmatter (see {@link hasWords}). */
  hasBody: boolean;
}

/**
 * Reads the frontmatter of a note or intro file and validates it; errors name the file and the line in it.
 * A file without frontmatter has all defaults.
 */
export function parseNoteSource<Schema extends z.ZodTypeAny>(text: string, schema: Schema, file: string): ParsedNote<z.infer<Schema>> {
  const match = FRONTMATTER.exec(text);
  if (!match && /^\uFEFF?---/.test(text)) {
    throw new InputError(file, 1, 'the frontmatter has no closing "---" line', 'end the frontmatter with a line "---"');
  }
  const yaml = match?.[1] ?? '';
  const body = match ? text.slice(match[0].length) : text;
  try {
    return { frontmatter: parseYamlWith(yaml, schema, file).data, hasBody: hasWords(body) };
  } catch (error) {
    // Lines inside the frontmatter start after the opening fence.
    if (error instanceof InputError) throw new InputError(file, error.line + 1, error.problem, noteFix(error.problem));
    throw error;
  }
}

function noteFix(problem: string): string {
  if (/Unrecognized key/.test(problem))
    return 'the fields are themes, code, project, facets, tags, summary, featured and hidden (see README, "Curating")';
  return 'see README, "Curating", for the fields and their form';
}

/**
 * Whether a note says anything: words outside comments and headings. A fresh stub (`npm run note`) has only its
 * heading, and a note that only pins themes has no body; neither marks the paper as annotated.
 */
export function hasWords(body: string): boolean {
  const prose = body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s{0,3}#{1,6}\s.*$/gm, '');
  return /[\p{L}\p{N}]/u.test(prose);
}

/** A paper as the site shows it: what ingest computed, with the curator's note applied. */
export interface CuratedPaper extends Paper {
  tags: string[];
  summary: string | null;
  featured: boolean;
  hidden: boolean;
  /** Whether the curator wrote a note with words in it. */
  annotated: boolean;
}

/**
 * Applies a note's frontmatter to a paper: pinned themes replace the computed ones (first is primary), `code` and
 * `project` replace the links found in the abstract, and `tags`, `summary`, `featured`, `hidden` are added.
 */
export function applyNote(paper: Paper, note: ParsedNote<NoteFrontmatter> | undefined): CuratedPaper {
  if (!note) return { ...paper, tags: [], summary: null, featured: false, hidden: false, annotated: false };
  const { frontmatter } = note;
  let links: PaperLink[] = paper.links;
  if (frontmatter.code) links = [{ url: frontmatter.code, kind: 'code' }, ...links.filter((link) => link.kind !== 'code')];
  if (frontmatter.project) links = [...links.filter((link) => link.kind !== 'project'), { url: frontmatter.project, kind: 'project' }];
  return {
    ...paper,
    facets: applyFacetOverrides(paper.facets, frontmatter.facets),
    themes: frontmatter.themes ? [...new Set(frontmatter.themes)] : paper.themes,
    themeSource: frontmatter.themes ? 'pinned' : paper.themeSource,
    links,
    code: frontmatter.code ?? paper.code,
    tags: frontmatter.tags,
    summary: frontmatter.summary ?? null,
    featured: frontmatter.featured,
    hidden: frontmatter.hidden,
    annotated: note.hasBody,
  };
}

/** A curator's facet values replace the extracted ones for that facet; they carry no evidence (the curator is it). */
function applyFacetOverrides(facets: PaperFacets, overrides: NoteFrontmatter['facets']): PaperFacets {
  if (!overrides) return facets;
  const next: PaperFacets = { ...facets };
  for (const kind of FACET_KINDS) {
    const values = overrides[kind];
    if (values) next[kind] = [...new Set(values)].map((value) => ({ value, evidence: [] }));
  }
  if (overrides.results) next.results = overrides.results.map((text) => ({ text, start: null, end: null }));
  return next;
}
