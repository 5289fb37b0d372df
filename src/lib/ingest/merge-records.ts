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
 * that shares an arXiv id with a BibTeX entry that shares a DOI with a CSL item makes one paper of three. Records
 * that share only a title stay apart when they show they are different papers ({@link differentPapers}: two
 * "Introduction"s, or two papers of one title by different people). Each field comes from the record that has it
 * most completely (see {@link mergeGroup}). Papers keep the place of their first record; the result is the same for
 * the same listings.
 */
export function mergeRecords(occurrences: readonly SourceOccurrence[]): MergedPaper[] {
  const parent = occurrences.map((_, index) => index);
  // What each group of records says of itself, kept at its root: what tells it from another group of the same title.
  const identities = occurrences.map(identityOf);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  const union = (a: number, b: number) => {
    const [low, high] = [find(a), find(b)].sort((x, y) => x - y) as [number, number];
    if (low === high) return;
    parent[high] = low;
    identities[low] = joinIdentities(identities[low]!, identities[high]!);
  };
  const firstWithKey = new Map<string, number>();
  // The groups of each title, by a record of each: a title may name two papers.
  const withTitle = new Map<string, number[]>();
  occurrences.forEach((occurrence, index) => {
    const keys = [occurrence.doi && `doi:${occurrence.doi.toLowerCase()}`, occurrence.arxiv && `arxiv:${occurrence.arxiv.toLowerCase()}`];
    for (const key of keys) {
      if (!key) continue;
      const earlier = firstWithKey.get(key);
      if (earlier === undefined) firstWithKey.set(key, index);
      else union(earlier, index);
    }
    const title = normaliseTitle(occurrence.title);
    const groups = withTitle.get(title);
    if (!groups) {
      withTitle.set(title, [index]);
      return;
    }
    // Of the groups of this title, the one with an author in common, else the first it is not told apart from.
    const root = find(index);
    const candidates = groups.filter((member) => find(member) !== root);
    if (candidates.length < groups.length) return;
    const same =
      candidates.find((member) => sharesAnAuthor(identities[find(member)]!, identities[root]!)) ??
      candidates.find((member) => !differentPapers(identities[find(member)]!, identities[root]!));
    if (same === undefined) groups.push(index);
    else union(same, index);
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

/** What a group of records says of the paper beyond its title: its DOIs, arXiv ids, authors' names and years. */
interface Identity {
  dois: ReadonlySet<string>;
  arxivIds: ReadonlySet<string>;
  /** The words of its authors' names, lower case, accents aside; initials left out (`N. Shinn` is `shinn`). */
  nameWords: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

/** An arXiv DOI (`10.48550/arXiv.2303.11366`) is the arXiv id again, which the record holds: it is no DOI of its own here. */
const ARXIV_DOI = /^10\.48550\/arxiv\./i;

function identityOf(record: SourceRecord): Identity {
  return {
    dois: new Set(record.doi && !ARXIV_DOI.test(record.doi) ? [record.doi.toLowerCase()] : []),
    arxivIds: new Set(record.arxiv ? [record.arxiv.toLowerCase()] : []),
    nameWords: new Set(
      record.authors.names.flatMap((name) =>
        normaliseTitle(`${name.given ?? ''} ${name.family}`)
          .split(' ')
          .filter((word) => word.length > 1),
      ),
    ),
    years: new Set(record.date ? [Number(record.date.slice(0, 4))] : []),
  };
}

function joinIdentities(a: Identity, b: Identity): Identity {
  return {
    dois: new Set([...a.dois, ...b.dois]),
    arxivIds: new Set([...a.arxivIds, ...b.arxivIds]),
    nameWords: new Set([...a.nameWords, ...b.nameWords]),
    years: new Set([...a.years, ...b.years]),
  };
}

const sharesAnAuthor = (a: Identity, b: Identity) => [...a.nameWords].some((word) => b.nameWords.has(word));

/** Both say, and share nothing of it. */
const disjoint = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => a.size > 0 && b.size > 0 && ![...a].some((item) => b.has(item));

/**
 * Whether two groups of records of one title are different papers: they have different DOIs (or arXiv ids) and no
 * author in common (a preprint and its published version have two DOIs and the same people), or no author in common
 * and years more than one apart. Groups that say too little to tell (a paste names no authors) are one paper.
 */
function differentPapers(a: Identity, b: Identity): boolean {
  if (sharesAnAuthor(a, b)) return false;
  if (disjoint(a.dois, b.dois) || disjoint(a.arxivIds, b.arxivIds)) return true;
  const yearsApart = a.years.size > 0 && b.years.size > 0 && [...a.years].every((x) => [...b.years].every((y) => Math.abs(x - y) > 1));
  return disjoint(a.nameWords, b.nameWords) && yearsApart;
}

/** A venue that names a preprint server rather than where a paper was published (Scholar's "arXiv preprint arXiv:…", CoRR). */
const PREPRINT_VENUE = /\b(?:arxiv|e-?prints?|preprints?|corr|biorxiv|medrxiv|ssrn|research square)\b/i;

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
 * organisation from the newest capture that has them (the paste); DOI, arXiv id and citation key from the first
 * record with one, the venue from the first that names a publication rather than a preprint server; links and
 * keywords from all. Where records tie, the newest capture wins, then the earlier record.
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
    authors:
      names.length > 0
        ? // Names that are some of the authors ("and others") take their number from a record that knows it (the paste).
          {
            count:
              named.authors.count ??
              first((o) => (o.authors.count !== null && o.authors.count >= names.length ? o.authors.count : null), byFreshness),
            names,
          }
        : { count: first((occurrence) => occurrence.authors.count, byFreshness), names: [] },
    organization: first((occurrence) => occurrence.organization, byFreshness),
    date: dated.date,
    dateHasYear: dated.dateHasYear,
    doi: first((occurrence) => occurrence.doi),
    arxiv: first((occurrence) => occurrence.arxiv),
    // Where the paper was published beats where it was posted: NeurIPS 2023 over ADS's "arXiv e-prints".
    venue:
      first((occurrence) => (occurrence.venue && !PREPRINT_VENUE.test(occurrence.venue) ? occurrence.venue : null)) ??
      first((occurrence) => occurrence.venue),
    urls: [...new Set(group.flatMap((occurrence) => occurrence.urls))],
    keywords: onceIgnoringCase(group.flatMap((occurrence) => occurrence.keywords)),
    citationKey: first((occurrence) => occurrence.citationKey),
    upvotes: first((occurrence) => occurrence.upvotes, byFreshness),
    line: kept.line,
    kept,
    occurrences: [...group],
  };
}
