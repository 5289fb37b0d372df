import { closest } from 'fastest-levenshtein';
import { createPaperSchema, type Paper } from '../schemas/paper.ts';
import type { Overrides, SurveyConfig } from '../schemas/survey.ts';
import { extractLinks } from './abstract-links.ts';
import { chooseThemes, compileThemeMatchers, scoreThemes } from './assign-themes.ts';
import { decodeTextLines } from './decode-text.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { assignPaperIds, normaliseTitle } from './paper-ids.ts';
import { parseListing, type ListedPaper } from './parse-listing.ts';

/** One listing file as read from disk. */
export interface ListingSource {
  /** Path shown in messages, e.g. `content/listings/reflective-agents.txt`. */
  file: string;
  /** File name without `.txt`: the key for its settings in `content/survey.yaml`. */
  name: string;
  bytes: Uint8Array;
  /** Day the file was last modified: the capture date of last resort. */
  modifiedDay: string;
}

export interface SurveyInputs {
  listings: readonly ListingSource[];
  config: SurveyConfig;
  overrides: Overrides;
  /** Path of the overrides file, and the line of a field in it, for messages. */
  overridesFile: string;
  overridesLineOf?: (path: readonly string[]) => number;
}

/** A paper seen more than once; the `kept` occurrence's figures won. */
export interface DuplicatePaper {
  id: string;
  title: string;
  kept: { listing: string; line: number };
  dropped: { listing: string; line: number }[];
}

export interface BuiltSurvey {
  papers: Paper[];
  duplicates: DuplicatePaper[];
  warnings: InputWarning[];
}

interface Occurrence extends ListedPaper {
  listing: string;
  captured: string;
}

/**
 * The pure core of `npm run ingest`: parse every listing, merge duplicates, give ids, assign themes (pins win),
 * extract links and validate each paper with the site's schema. Throws an {@link InputError} on bad input.
 */
export function buildSurvey(inputs: SurveyInputs): BuiltSurvey {
  const { config, overrides } = inputs;
  const warnings: InputWarning[] = [];
  const occurrences: Occurrence[] = [];
  const ordered = [...inputs.listings].sort((a, b) => a.file.localeCompare(b.file));
  for (const listing of ordered) {
    const captured = config.listings[listing.name]?.captured ?? config.survey.captured ?? listing.modifiedDay;
    if (!config.listings[listing.name]?.captured && !config.survey.captured) {
      warnings.push({
        file: listing.file,
        line: 1,
        message: `no capture date set: reading dates without a year as ${captured.slice(0, 4)} (the file's modification day, ${captured}); set listings.${listing.name}.captured in content/survey.yaml`,
      });
    }
    const parsed = parseListing(decodeTextLines(listing.bytes, listing.file), { file: listing.file, captured });
    warnings.push(...parsed.warnings);
    occurrences.push(...parsed.papers.map((paper) => ({ ...paper, listing: listing.file, captured })));
  }

  const { unique, duplicates: duplicateGroups } = mergeDuplicates(occurrences);
  const ids = assignPaperIds(unique.map((paper) => paper.title));
  const duplicates = duplicateGroups.map(({ index, kept, dropped }) => ({
    id: ids[index]!,
    title: kept.title,
    kept: { listing: kept.listing, line: kept.line },
    dropped: dropped.map((d) => ({ listing: d.listing, line: d.line })),
  }));
  for (const duplicate of duplicates) {
    for (const dropped of duplicate.dropped) {
      warnings.push({
        file: dropped.listing,
        line: dropped.line,
        message: `"${duplicate.title}" appears again (kept ${duplicate.kept.listing}:${duplicate.kept.line}, the newest capture)`,
      });
    }
  }

  const themeIds = config.themes.map((theme) => theme.id) as [string, ...string[]];
  const pins = checkPins(overrides, new Set(ids), new Set(themeIds), { file: inputs.overridesFile, lineOf: inputs.overridesLineOf ?? (() => 1) }, warnings);
  const matchers = compileThemeMatchers(config.themes);
  const schema = createPaperSchema(themeIds);

  const papers = unique.map((paper, index) => {
    const id = ids[index]!;
    const pinned = pins.get(id);
    const themes = pinned ?? chooseThemes(scoreThemes(paper, matchers));
    const links = extractLinks(paper.abstract);
    const candidate = {
      id,
      title: paper.title,
      abstract: paper.abstract,
      authorCount: paper.authorCount,
      organization: paper.organization,
      date: paper.date,
      dateHasYear: paper.dateHasYear,
      upvotes: paper.upvotes,
      themes,
      themeSource: pinned ? 'pinned' : themes.length > 0 ? 'keywords' : 'none',
      links,
      code: links.find((link) => link.kind === 'code')?.url ?? null,
      source: { listing: paper.listing, line: paper.line, captured: paper.captured },
    };
    const result = schema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InputError(paper.listing, paper.line, `this paper does not fit the schema: ${issue.path.join('.')}: ${issue.message}`, 'correct the listing at this paper');
    }
    return result.data;
  });
  return { papers, duplicates, warnings };
}

/**
 * One record per normalised title. The newest capture's occurrence wins (its date and upvotes are the most
 * current); within one capture the first occurrence wins. The paper keeps the place of its first appearance.
 */
function mergeDuplicates(occurrences: readonly Occurrence[]) {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = normaliseTitle(occurrence.title);
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const unique: Occurrence[] = [];
  const duplicates: { index: number; kept: Occurrence; dropped: Occurrence[] }[] = [];
  for (const group of groups.values()) {
    const kept = group.reduce((best, next) => (next.captured > best.captured ? next : best));
    if (group.length > 1) duplicates.push({ index: unique.length, kept, dropped: group.filter((o) => o !== kept) });
    unique.push(kept);
  }
  return { unique, duplicates };
}

/** The usable pins; a pin to an unknown theme is an error, a pin for a paper no listing has is a warning. */
function checkPins(
  overrides: Overrides,
  paperIds: Set<string>,
  themeIds: Set<string>,
  { file, lineOf }: { file: string; lineOf: (path: readonly string[]) => number },
  warnings: InputWarning[],
) {
  const pins = new Map<string, string[]>();
  for (const [paperId, pin] of Object.entries(overrides.pins)) {
    const unknownTheme = pin.themes.find((theme) => !themeIds.has(theme));
    if (unknownTheme) {
      throw new InputError(
        file,
        lineOf(['pins', paperId]),
        `pins.${paperId}: unknown theme "${unknownTheme}"`,
        `use one of: ${[...themeIds].join(', ')} (defined in content/survey.yaml)`,
      );
    }
    if (!paperIds.has(paperId)) {
      const suggestion = paperIds.size > 0 ? closest(paperId, [...paperIds]) : null;
      warnings.push({ file, line: lineOf(['pins', paperId]), message: `pin for "${paperId}" matches no paper in the listings${suggestion ? ` — did you mean "${suggestion}"?` : ''}` });
      continue;
    }
    pins.set(paperId, [...new Set(pin.themes)]);
  }
  return pins;
}
