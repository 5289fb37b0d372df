/**
 * Synthetic listings for the benchmark, in the real listing format: titles and abstracts recombined from the
 * default listing's own titles and sentences, with a realistic metadata mix (authors or an organisation, dates with
 * and without years, some upvotes, some papers with no metadata at all). Seeded, so a size always gives the same
 * listing.
 */
import { decodeTextLines } from '../../src/lib/input/decode-text.ts';
import { parseListing } from '../../src/lib/sources/hf-paste.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ORGANISATIONS = ['microsoft Microsoft', 'google Google', 'qualcomm Qualcomm', 'TIGER-Lab TIGER-Lab', 'AlibabaTongyiLab TongyiLab'];

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A listing of `count` papers built from the vocabulary of `source` (the default listing's bytes). */
export function syntheticListing(source: Uint8Array, count: number, seed = 20251031): string {
  return syntheticListings(source, count, count, seed)[0]!;
}

/**
 * The same papers as {@link syntheticListing}, in listings of at most `perFile` papers each: ingest refuses a listing
 * over 20 MB (about 15,000 synthetic papers), so a large survey comes as several pastes, as a curator's would.
 */
export function syntheticListings(source: Uint8Array, count: number, perFile = 10_000, seed = 20251031): string[] {
  const { papers } = parseListing(decodeTextLines(source, 'source.txt'), { file: 'source.txt', captured: '2025-10-31' });
  const sentences = papers.flatMap((paper) =>
    [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(paper.abstract ?? '')].map((s) => s.segment.trim()),
  );
  const titleHeads = papers.map(
    (paper) =>
      paper.title
        .split(':')[0]!
        .split(' ')[0]!
        .replace(/[^A-Za-z0-9-]/g, '') || 'Agent',
  );
  const titleTails = papers.map((paper) => (paper.title.includes(':') ? paper.title.split(':').slice(1).join(':').trim() : paper.title));
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const header = ['Daily Papers', '', 'byAK and the research community', ''];
  const listings: string[] = [];
  let lines = [...header];
  for (let index = 0; index < count; index += 1) {
    if (index > 0 && index % perFile === 0) {
      listings.push(lines.join('\n'));
      lines = [...header];
    }
    const title = `${pick(titleHeads)}-${index + 1}: ${pick(titleTails)}`;
    const abstract = Array.from({ length: 6 + Math.floor(next() * 6) }, () => pick(sentences)).join(' ');
    lines.push(title, '', abstract, '');
    const roll = next();
    if (roll < 0.07) continue; // no metadata block, like nine of the default papers
    lines.push(roll < 0.12 ? pick(ORGANISATIONS) : `  • ${1 + Math.floor(next() * 20)} authors`, '·');
    const date = `${pick(MONTHS)} ${1 + Math.floor(next() * 28)}${next() < 0.3 ? `, ${2022 + Math.floor(next() * 3)}` : ''}`;
    lines.push(next() < 0.4 ? `${date} ${1 + Math.floor(next() * 30)}` : date, '');
  }
  listings.push(lines.join('\n'));
  return listings;
}
