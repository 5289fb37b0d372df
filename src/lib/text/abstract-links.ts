import type { LinkKind, PaperLink } from '../../schemas/paper.ts';

/** A piece of an abstract: plain text, or a link whose label is the URL as written (cleaned). */
export type AbstractSegment = { text: string } | { text: string; href: string };

// A URL runs until whitespace, a quote, an angle bracket or a brace: pasted abstracts wrap URLs in LaTeX-ish
// `{…}` (`https://a.io/{https://a.io/}`), so a brace always ends one.
const URL_PATTERN = /https?:\/\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*]+$/;

/**
 * Splits an abstract into text and links. Only `http(s)` URLs become links; sentence punctuation after a URL
 * (`…/navsim.`, `…/ARPO.git.`, `…/Survey).`) stays text, and a closing bracket is kept only if the URL opened it.
 */
export function segmentAbstract(abstract: string): AbstractSegment[] {
  const segments: AbstractSegment[] = [];
  let cursor = 0;
  for (const match of abstract.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    if (!isHttpUrl(url)) continue;
    if (start > cursor) segments.push({ text: abstract.slice(cursor, start) });
    segments.push({ text: url, href: url });
    cursor = start + url.length;
  }
  if (cursor < abstract.length) segments.push({ text: abstract.slice(cursor) });
  return segments;
}

/** The distinct links of an abstract, in order of appearance, each with what it points to. */
export function extractLinks(abstract: string): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const segment of segmentAbstract(abstract)) {
    if (!('href' in segment)) continue;
    const url = canonicalUrl(segment.href);
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: classifyLink(url) });
  }
  return links;
}

/** GitHub repositories are code; Hugging Face `datasets/…` are datasets and other Hugging Face repos models; the rest project pages. */
export function classifyLink(url: string): LinkKind {
  const { hostname, pathname } = new URL(url);
  const parts = pathname.split('/').filter(Boolean);
  if (hostname === 'github.com' || hostname === 'www.github.com') return parts.length >= 2 ? 'code' : 'project';
  if (hostname === 'huggingface.co' || hostname === 'hf.co') {
    if (parts[0] === 'datasets') return 'dataset';
    if (parts[0] === 'spaces' || parts[0] === 'papers' || parts.length < 2) return 'project';
    return 'model';
  }
  return 'project';
}

/** A repository URL without a `.git` suffix, so `…/ARPO.git` and `…/ARPO` are one link. */
function canonicalUrl(url: string): string {
  return url.replace(/^(https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+?)\.git$/i, '$1');
}

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A range of the abstract to highlight, with what it is evidence of (e.g. "Benchmarks: AIME24"). */
export interface Highlight {
  start: number;
  end: number;
  label: string;
}

/** A piece of an abstract with its link (if inside one) and the evidence it highlights (if any). */
export interface MarkedSegment {
  text: string;
  href?: string;
  labels: string[];
}

/**
 * Splits an abstract at every link and highlight boundary, so each piece can be rendered as text, a link, a
 * highlight, or a highlighted link. Joined, the pieces give back the abstract exactly.
 */
export function markAbstract(abstract: string, highlights: readonly Highlight[]): MarkedSegment[] {
  const links: Array<{ start: number; end: number; href: string }> = [];
  let offset = 0;
  for (const segment of segmentAbstract(abstract)) {
    if ('href' in segment) links.push({ start: offset, end: offset + segment.text.length, href: segment.href });
    offset += segment.text.length;
  }
  const cuts = new Set([0, abstract.length]);
  for (const range of [...links, ...highlights]) {
    cuts.add(Math.max(0, Math.min(abstract.length, range.start)));
    cuts.add(Math.max(0, Math.min(abstract.length, range.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: MarkedSegment[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const href = links.find((link) => link.start <= start && end <= link.end)?.href;
    const labels = [...new Set(highlights.filter((h) => h.start <= start && end <= h.end).map((h) => h.label))];
    const previous = pieces.at(-1);
    // Adjacent evidence (e.g. "GPQA" found by one vocabulary and "GPQA-D" by another) reads as one highlight.
    if (previous && previous.labels.length > 0 && labels.length > 0 && previous.href === href) {
      previous.text += abstract.slice(start, end);
      previous.labels = [...new Set([...previous.labels, ...labels])];
      continue;
    }
    pieces.push({ text: abstract.slice(start, end), ...(href ? { href } : {}), labels });
  }
  return pieces;
}
