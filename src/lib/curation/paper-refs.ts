import { closestPaperId } from './find-paper.ts';

/**
 * What curated MDX may name: the papers of the survey, the papers it once had (its history knows them as removed,
 * with their last title) and its themes. A link to a paper that has left is a warning, not a failure: replacing a
 * listing must not break the build. An id the survey never had is an error with the closest id — a typo must not
 * be published.
 */
export interface SurveyRefs {
  paperIds: ReadonlySet<string>;
  themeIds: ReadonlySet<string>;
  /** Papers the survey once had, by id, with their last known title. */
  departed: ReadonlyMap<string, string>;
}

/** A reference in curated MDX: `<PaperLink id>`, an id of `<PaperTable ids>`, or `<PaperTable theme>`. */
export interface PaperRef {
  component: 'PaperLink' | 'PaperTable';
  kind: 'paper' | 'theme';
  id: string;
  /** 1-based line in the file. */
  line: number;
}

/** What a reference names: a current paper or theme, a paper that has left (with its last title), or nothing. */
export type RefStatus = { status: 'current' } | { status: 'departed'; title: string } | { status: 'unknown'; problem: string };

/** Checks one reference against the survey. */
export function checkRef(ref: PaperRef, refs: SurveyRefs): RefStatus {
  if (ref.kind === 'theme') {
    if (refs.themeIds.has(ref.id)) return { status: 'current' };
    const themes = [...refs.themeIds];
    return {
      status: 'unknown',
      problem: `<PaperTable theme="${ref.id}"> names no theme — ${themes.length > 0 ? `use one of: ${themes.join(', ')}` : 'the survey defines no themes yet'}`,
    };
  }
  if (refs.paperIds.has(ref.id)) return { status: 'current' };
  const title = refs.departed.get(ref.id);
  if (title !== undefined) return { status: 'departed', title };
  const suggestion = closestPaperId(
    ref.id,
    [...refs.paperIds].map((id) => ({ id })),
  );
  return {
    status: 'unknown',
    problem: `<${ref.component}> names paper "${ref.id}", which is not in the survey${suggestion ? ` — did you mean "${suggestion}"?` : ''} (a paper's id is the last part of its URL, /papers/<id>/)`,
  };
}

/** The warning for a link to a paper that has left, the same from ingest and from the build. */
export function describeDeparted(ref: PaperRef, title: string): string {
  return `<${ref.component}> names "${ref.id}" ("${title}"), which is no longer in any listing: it shows as plain text marked "(no longer in this survey)" — restore the paper or remove the link`;
}

const PAPER_LINK = /<PaperLink\b[^>]*?\bid\s*=\s*(["'])([^"']*)\1/g;
const PAPER_TABLE = /<PaperTable\b([^>]*)>/g;
const IDS_ATTRIBUTE = /\bids\s*=\s*\{\s*\[([^\]]*)\]\s*\}/;
const THEME_ATTRIBUTE = /\btheme\s*=\s*(["'])([^"']*)\1/;

/**
 * The references of an MDX file's text, read by pattern: how ingest finds them to warn early (the build's remark
 * plugin reads the same from the MDX syntax tree, and is the one that decides).
 */
export function scanPaperRefs(source: string): PaperRef[] {
  // Comments and code name nothing: blanked out, line breaks kept, so every line stays where it was.
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  const text = source
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const refs: PaperRef[] = [];
  for (const match of text.matchAll(PAPER_LINK))
    refs.push({ component: 'PaperLink', kind: 'paper', id: match[2]!, line: lineOf(match.index) });
  for (const match of text.matchAll(PAPER_TABLE)) {
    const line = lineOf(match.index);
    const ids = IDS_ATTRIBUTE.exec(match[1]!);
    for (const id of ids ? [...ids[1]!.matchAll(/(["'])([^"']*)\1/g)].map((item) => item[2]!) : [])
      refs.push({ component: 'PaperTable', kind: 'paper', id, line });
    const theme = THEME_ATTRIBUTE.exec(match[1]!);
    if (theme) refs.push({ component: 'PaperTable', kind: 'theme', id: theme[2]!, line });
  }
  return refs.sort((a, b) => a.line - b.line);
}

/** A link in curated MDX to a paper that has left the listings, for the warning and the curator's list. */
export interface DepartedLink {
  file: string;
  line: number;
  ref: PaperRef;
  title: string;
}

/**
 * What the curated MDX files name that is not a current paper or theme: links to papers that have left (warnings),
 * and names the survey never had (which the build will refuse), each with its file and line.
 */
export function checkCuratedRefs(files: ReadonlyArray<{ file: string; text: string }>, refs: SurveyRefs) {
  const departed: DepartedLink[] = [];
  const unknown: Array<{ file: string; line: number; problem: string }> = [];
  for (const { file, text } of files) {
    for (const ref of scanPaperRefs(text)) {
      const result = checkRef(ref, refs);
      if (result.status === 'departed') departed.push({ file, line: ref.line, ref, title: result.title });
      if (result.status === 'unknown') unknown.push({ file, line: ref.line, problem: result.problem });
    }
  }
  return { departed, unknown };
}
