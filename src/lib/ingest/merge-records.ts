import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';
import { morePreciseDate } from '../sources/record-fields.ts';
import { normaliseTitle } from './paper-ids.ts';

/** A record as read from one file of the listings, with where it came from. */
export interface SourceOccurrence extends SourceRecord {
  /** The file, as shown in messages (`content/listings/zotero.bib`). */
  listing: string;
  /** The file's format (`bibtex`, `hf-paste`, …): the same paper twice in one format is worth a warning. */
  format: string;
  /** The file's capture day: the newest capture's figures (upvotes) win, and a new paper is added on it. */
  captured: string;
  /** The position of the record among all the listings' records, in file-name order. */
  order: number;
}

/** One paper, merged from every record of it, with the records it came from. */
export interface MergedPaper extends SourceRecord {
  /** The occurrence whose figures won (the newest capture's): the paper's `source`. */
  kept: SourceOccurrence;
  /** Every occurrence, in file order. */
  occurrences: SourceOccurrence[];
}

/**
 * One paper per paper. Records are the same paper when they share a DOI (case-insensitive), then an arXiv id, then
 * the normalised title (case, accents, punctuation and spacing ignored); sameness carries over, so an Atom entry
 * that shares an arXiv id with a BibTeX entry that shares a DOI with a CSL item makes one paper of three. Each field
 * comes from the record that has it most completely (see {@link mergeGroup}). Papers keep the place of their first
 * record; the result is the same for the same listings.
 */
export function mergeRecords(occurrences: readonly SourceOccurrence[]): MergedPaper[] {
  const parent = occurrences.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  const union = (a: number, b: number) => {
    const [low, high] = [find(a), find(b)].sort((x, y) => x - y) as [number, number];
    if (low !== high) parent[high] = low;
  };
  const firstWithKey = new Map<string, number>();
  occurrences.forEach((occurrence, index) => {
    const keys = [
      occurrence.doi && `doi:${occurrence.doi.toLowerCase()}`,
      occurrence.arxiv && `arxiv:${occurrence.arxiv.toLowerCase()}`,
      `title:${normaliseTitle(occurrence.title)}`,
    ].filter((key): key is string => Boolean(key));
    for (const key of keys) {
      const earlier = firstWithKey.get(key);
      if (earlier === undefined) firstWithKey.set(key, index);
      else union(earlier, index);
    }
  });
  const groups = new Map<number, SourceOccurrence[]>();
  occurrences.forEach((occurrence, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(occurrence);
    else groups.set(root, [occurrence]);
  });
  return [...groups.values()].map(mergeGroup);
}

/** Each keyword once, as first written: Scopus's "Self-reflection" and a Zotero tag "self-reflection" are one keyword. */
function onceIgnoringCase(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((keyword) => {
    const key = keyword.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The record whose title most records give — a paper renamed between arXiv versions has its new title in the other
 * sources — as the freshest of them writes it (`records` are freshest first), in mixed case rather than capitals only.
 */
function mostGivenTitle(records: readonly SourceOccurrence[]): SourceOccurrence {
  const normalised = new Map(records.map((record) => [record, normaliseTitle(record.title)]));
  const votes = new Map<string, number>();
  for (const title of normalised.values()) votes.set(title, (votes.get(title) ?? 0) + 1);
  const mixedCase = records.filter((record) => !inCapitalsOnly(record.title));
  return (mixedCase.length > 0 ? mixedCase : records).reduce((best, next) =>
    votes.get(normalised.get(next)!)! > votes.get(normalised.get(best)!)! ? next : best,
  );
}

/** Whether a title is written in capitals only (as some exports write every title): another source's spelling is better. */
const inCapitalsOnly = (title: string) => /\p{Lu}/u.test(title) && !/\p{Ll}/u.test(title);

/**
 * The paper of a group of records: the title most of them give, as mixed case rather than in capitals only; the names
 * of the record naming the most authors; the more precise date (a day beats a month beats a year); upvotes and
 * organisation from the newest capture that has them (the paste); DOI, arXiv id, venue and citation key from the first
 * record with one; links and keywords from all. Where records tie, the newest capture wins, then the earlier record.
 */
function mergeGroup(group: readonly SourceOccurrence[]): MergedPaper {
  const byFreshness = [...group].sort((a, b) => (a.captured === b.captured ? a.order - b.order : a.captured < b.captured ? 1 : -1));
  const kept = byFreshness[0]!;
  const first = <T>(pick: (occurrence: SourceOccurrence) => T | null, list: readonly SourceOccurrence[] = group): T | null => {
    for (const occurrence of list) {
      const value = pick(occurrence);
      if (value !== null && value !== undefined) return value;
    }
    return null;
  };
  const titled = group.length === 1 ? kept : mostGivenTitle(byFreshness);
  const named = byFreshness.reduce((best, next) => (next.authors.names.length > best.authors.names.length ? next : best));
  const dated = byFreshness.reduce((best, next) => (morePreciseDate(best.date, next.date) === best.date ? best : next));
  const abstract = byFreshness.reduce((best, next) => ((next.abstract?.length ?? 0) > (best.abstract?.length ?? 0) ? next : best));
  const names: PersonName[] = named.authors.names;
  return {
    title: titled.title,
    abstract: abstract.abstract,
    authors: names.length > 0 ? named.authors : { count: first((occurrence) => occurrence.authors.count, byFreshness), names: [] },
    organization: first((occurrence) => occurrence.organization, byFreshness),
    date: dated.date,
    dateHasYear: dated.dateHasYear,
    doi: first((occurrence) => occurrence.doi),
    arxiv: first((occurrence) => occurrence.arxiv),
    venue: first((occurrence) => occurrence.venue),
    urls: [...new Set(group.flatMap((occurrence) => occurrence.urls))],
    keywords: onceIgnoringCase(group.flatMap((occurrence) => occurrence.keywords)),
    citationKey: first((occurrence) => occurrence.citationKey),
    upvotes: first((occurrence) => occurrence.upvotes, byFreshness),
    line: kept.line,
    kept,
    occurrences: [...group],
  };
}
