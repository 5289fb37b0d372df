/**
 * What every reader does to a field the same way, whatever the format: white space, DOIs, arXiv ids, dates at their
 * precision, names written as one string, links. Each reader takes its format's fields apart; these put them into
 * the one record.
 */
import type { PersonName, SourceRecord } from '../../schemas/source-record.ts';

/** Runs of white space (line breaks and indentation of wrapped fields) as one space, trimmed; NFC. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** A field's text, or null when it is empty after collapsing its white space. */
export function textOrNull(text: string | null | undefined): string | null {
  const collapsed = collapseSpace(text ?? '');
  return collapsed === '' ? null : collapsed;
}

/** `https://doi.org/10.1000/ABC`, `doi:10.1000/abc` or `10.1000/ABC` → `10.1000/abc`; null when it is no DOI. */
export function normaliseDoi(value: string | null | undefined): string | null {
  const match = /(?:^|doi\.org\/|doi:\s*)(10\.\d{4,9}\/\S+)$/i.exec(
    collapseSpace(value ?? '').replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, ''),
  );
  return match ? decodeURIComponentSafely(match[1]!).toLowerCase() : null;
}

const NEW_ARXIV_ID = /(\d{4}\.\d{4,5})(?:v\d+)?/;
const OLD_ARXIV_ID = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;

/**
 * An old-style id without the subject class some write in it (`math.GT/0309136` is `math/0309136`, as arXiv's own
 * links and API write it), so the two spellings are one paper.
 */
const withoutSubjectClass = (id: string) => id.replace(/^([a-z-]+)\.[a-z]{2}\//i, '$1/');

/** An arXiv id as written in an `eprint` field or after `arXiv:` (`2303.11366v2`, `cs/0101001`), without its version. */
export function normaliseArxivId(value: string | null | undefined): string | null {
  const text = collapseSpace(value ?? '').replace(/^arxiv:\s*/i, '');
  const match = new RegExp(`^(?:${NEW_ARXIV_ID.source}|${OLD_ARXIV_ID.source})$`, 'i').exec(text);
  return match ? withoutSubjectClass(match[1] ?? match[2]!) : null;
}

/**
 * The arXiv id a record's other fields reveal: a `10.48550/arXiv.…` DOI, an `arxiv.org/abs/…` or `/pdf/…` link, or
 * `arXiv:NNNN.NNNNN` in a free-text field (a journal written as "arXiv preprint arXiv:2303.14792").
 */
export function arxivIdIn(values: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of values) {
    if (!value) continue;
    const fromDoi = /10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i.exec(value);
    if (fromDoi) return fromDoi[1]!;
    const fromUrl = new RegExp(`arxiv\\.org\\/(?:abs|pdf)\\/(?:${NEW_ARXIV_ID.source}|${OLD_ARXIV_ID.source})`, 'i').exec(value);
    if (fromUrl) return withoutSubjectClass(fromUrl[1] ?? fromUrl[2]!);
    const written = new RegExp(`arxiv:\\s*${NEW_ARXIV_ID.source}`, 'i').exec(value);
    if (written) return written[1]!;
  }
  return null;
}

const FULL_MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
const MONTH_NAMES = FULL_MONTH_NAMES.map((name) => name.slice(0, 3));

/** A month given as a number (`3`, `03`) or a name (`mar`, `March`) → 1–12, or null. */
export function monthNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) return Number(text) >= 1 && Number(text) <= 12 ? Number(text) : null;
  const index = MONTH_NAMES.indexOf(text.slice(0, 3));
  return index >= 0 && text.length >= 3 ? index + 1 : null;
}

/**
 * A date at the precision its parts give: `2023-03-20`, `2023-03` or `2023`; null without a year, or for a day that
 * does not exist. A month or day that cannot be read is left out rather than guessed.
 */
export function partialDate(year: number | string | null | undefined, month?: number | null, day?: number | null): string | null {
  const y = Number(String(year ?? '').trim());
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return null;
  if (!month || month < 1 || month > 12) return String(y);
  const monthText = `${y}-${String(month).padStart(2, '0')}`;
  if (!day) return monthText;
  const daysInMonth = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? `${monthText}-${String(day).padStart(2, '0')}` : monthText;
}

/** `March`, `Mar`, `Mar.`, `Sept` → 3, 9; null for a word that is no month's name or its abbreviation. */
function monthNamed(word: string): number | null {
  const text = word.toLowerCase().replace(/\.$/, '');
  const index = FULL_MONTH_NAMES.findIndex((name) => text.length >= 3 && name.startsWith(text));
  return index >= 0 ? index + 1 : null;
}

/**
 * A date with its month written out, as reference managers and databases write it: `March 2023`, `20 March 2023`,
 * `Mar. 20, 2023`, `SEP 22 2010` (Web of Science), `Jun2023` (CINAHL), or a range — `13-17 May 2024` (a conference's
 * days), `Jan.-Feb. 2024` (an issue's months) — read as its first day or month.
 */
const WRITTEN_MONTH_DATE =
  /^\s*(?:(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+)?(\p{L}{3,}\.?)(?:\s*[-–/]\s*\p{L}{3,}\.?)?\s*(?:(\d{1,2})(?:\s*[-–]\s*\d{1,2})?,?\s+)?(\d{4})\s*$/u;

/**
 * A date written as text: ISO (`2023-03-20`, `2023-03`, `2023`, `2023-03-20T12:00:00Z`), RIS (`2023/03/20/`,
 * `2023///`), a BibLaTeX range (`2023-03/2024`: its start), or with the month's name (`March 2023`, `20 March 2023`,
 * `Mar 20, 2023`, `13-17 May 2024`: see {@link WRITTEN_MONTH_DATE}); `4/3/2024` gives its year alone. Null when no
 * year can be read.
 */
export function parseDateText(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})(?![\d])(?:[-/](\d{1,2})?(?!\d)(?:[-/](\d{1,2})?(?!\d))?)?/.exec(value ?? '');
  if (match) return partialDate(match[1], match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null);
  // `4/3/2024` is April 3rd in one country and March 4th in another: its year alone is certain.
  const numeric = /^\s*\d{1,2}[/.]\d{1,2}[/.](\d{4})\s*$/.exec(value ?? '');
  if (numeric) return partialDate(numeric[1]);
  const written = WRITTEN_MONTH_DATE.exec(value ?? '');
  const month = written ? monthNamed(written[2]!) : null;
  if (!written || month === null || (written[1] && written[3])) return null;
  const day = written[1] ?? written[3];
  return partialDate(written[4], month, day ? Number(day) : null);
}

/** The more precise of two dates: a day beats a month beats a year; of two alike, the first. */
export function morePreciseDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.length > a.length ? b : a;
}

const NAME_SUFFIXES = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|ter|ten|bin|al|el)$/;

/**
 * A name written as one string: "Family, Given" (or with a suffix, "Family, Suffix, Given" or "Family, Given, Suffix"), or "Given Family" where the family is
 * the last word with any lower-case particles before it ("Anna van der Berg") and a suffix after ("Martin King Jr.").
 * A single word is a family name.
 */
export function parsePersonName(text: string): PersonName | null {
  const name = collapseSpace(text);
  if (name === '') return null;
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length >= 2) {
    const [family, second, third] = parts;
    // "King, Jr., Martin" (BibTeX's order) and "King, Martin, Jr." (RIS's).
    if (parts.length >= 3 && NAME_SUFFIXES.test(second!)) return { given: third || null, family: `${family} ${second}` };
    if (parts.length >= 3 && NAME_SUFFIXES.test(third!)) return { given: second || null, family: `${family} ${third}` };
    return { given: second || null, family: family || second! };
  }
  const words = name.split(' ');
  let end = words.length;
  const suffix = end > 2 && NAME_SUFFIXES.test(words[end - 1]!) ? words[--end] : null;
  let start = end - 1;
  while (start > 1 && PARTICLE.test(words[start - 1]!)) start -= 1;
  const family = [...words.slice(start, end), ...(suffix ? [suffix] : [])].join(' ');
  const given = words.slice(0, start).join(' ');
  return { given: given || null, family };
}

/** Initials with their full stops, as one word: `N.`, `J.-P.`, `Á.`, `-P.`. */
const DOTTED_INITIALS = /^-?\p{Lu}\.(?:-?\p{Lu}\.)*$/u;
/** Initials without full stops (PubMed's `Griffin DK`): one to three capitals. */
const UNDOTTED_INITIALS = /^\p{Lu}{1,3}$/u;

/**
 * A name written with initials and no comma, as databases write names: initials first (`N. Shinn`, `M. Á. Fernández`:
 * IEEE) or after the family name (`Shinn N.`, `van der Berg A.-M.`: Scopus). With `undotted`, also initials without
 * full stops after it (`Griffin DK`, `Brownstein C D`: PubMed), which an organisation's name may look like (`Meta AI`):
 * for a format whose names are people's. Null for a name without initials (`OpenAI`, `Anna Smith`): whether that is a
 * person's or an organisation's is the format's to say.
 */
export function parseNameWithInitials(text: string, options: { undotted?: boolean } = {}): PersonName | null {
  const words = collapseSpace(text).split(' ');
  if (words.length < 2 || words.some((word) => word.includes(','))) return null;
  const isInitial = (word: string) => DOTTED_INITIALS.test(word) || (options.undotted === true && UNDOTTED_INITIALS.test(word));
  // Initials after the family name, which has a lower-case letter (so `DK Griffin` is not read backwards).
  let split = words.length;
  while (split > 1 && isInitial(words[split - 1]!)) split -= 1;
  if (split < words.length && words.slice(0, split).some((word) => /\p{Ll}/u.test(word)))
    return { given: words.slice(split).join(' '), family: words.slice(0, split).join(' ') };
  // Initials first: `N. Shinn`, `J. -P. Dupont`.
  let start = 0;
  while (start < words.length - 1 && DOTTED_INITIALS.test(words[start]!)) start += 1;
  if (start > 0 && /\p{Ll}/u.test(words.slice(start).join(' ')))
    return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
  return null;
}

/**
 * A text with the inline markup some sources put in titles and abstracts taken out: CSL-JSON's rich text (`<i>`,
 * `<sup>`, `<span class="nocase">`), Web of Science's `<i>`, Crossref's JATS (`<jats:p>`) and MathML. Only these
 * tags: a `<` in prose (`a <b and c> d`) is text. Then the entities such text escapes with (`&amp;`, `&lt;`, `&#233;`)
 * as their characters — in that order, so an escaped `&lt;i&gt;` stays text.
 */
export function stripMarkup(text: string): string {
  const stripped = text.includes('<')
    ? collapseSpace(text.replace(MARKUP_TAG, (tag) => (/^<\/?(?:jats:)?p\b|^<br/i.test(tag) ? ' ' : '')))
    : text;
  return stripped.includes('&') ? stripped.replace(ENTITY, decodeEntity) : stripped;
}

const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string, decimal?: string, hex?: string, name?: string): string {
  const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : null;
  if (code === null) return NAMED_ENTITIES[name!.toLowerCase()]!;
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

const MARKUP_TAG =
  /<\/?(?:i|b|em|strong|u|sup|sub|sc|span|p|br|div|jats:[a-z-]+|mml:[a-z]+)(?:\s+[a-z-:]+=(?:"[^"<>]*"|'[^'<>]*'))*\s*\/?>/gi;

/** A record's authors from the names a source lists (none: count unknown). */
export function authorsFrom(names: readonly PersonName[]): SourceRecord['authors'] {
  return { count: names.length > 0 ? names.length : null, names: [...names] };
}

/** The http(s) links among `values`, each once, in order. */
export function httpLinks(values: ReadonlyArray<string | null | undefined>): string[] {
  const links: string[] = [];
  for (const value of values) {
    const url = collapseSpace(value ?? '');
    if (!/^https?:\/\/[^\s]+\.[^\s]+/i.test(url)) continue;
    try {
      new URL(url);
    } catch {
      continue;
    }
    if (!links.includes(url)) links.push(url);
  }
  return links;
}

/** Keywords written as one list (`a, b; c`), split, trimmed, each once. */
export function splitKeywords(value: string | readonly string[] | null | undefined): string[] {
  const items = typeof value === 'string' ? value.split(/[,;]/) : [...(value ?? [])];
  return [...new Set(items.map((item) => collapseSpace(item)).filter(Boolean))];
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A record with every field empty but the title and line: each reader fills in what its format has. */
export function emptyRecord(title: string, line: number): SourceRecord {
  return {
    title,
    abstract: null,
    authors: { count: null, names: [] },
    organization: null,
    date: null,
    dateHasYear: false,
    doi: null,
    arxiv: null,
    venue: null,
    urls: [],
    keywords: [],
    citationKey: null,
    upvotes: null,
    line,
  };
}
