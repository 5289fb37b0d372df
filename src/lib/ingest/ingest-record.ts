import { createHash } from 'node:crypto';
import type { InputWarning } from '../input/input-error.ts';
import type { Vocabularies } from '../../schemas/facets.ts';
import type { SurveyConfig } from '../../schemas/survey.ts';
import type { ListingSource } from './build-survey.ts';
import { GENERATED_MARKER } from './plan-entries.ts';

/** The generated file that records what the last ingest read, relative to the generated root. */
export const INGEST_RECORD_FILE = 'ingest.json';

/**
 * Everything an ingest's generated files are made from. Notes count only by their pinned themes: the rest of a note
 * (its text, tags, summary) is read by the site, not by ingest.
 */
export interface IngestInputs {
  /** A digest of ingest's own code: a change to how papers are read or classified is a change of input. */
  code: string;
  listings: readonly ListingSource[];
  config: SurveyConfig;
  vocabularies: Partial<Vocabularies>;
  /** Each note's pinned themes, by paper id (notes without pins are left out). */
  pins: ReadonlyMap<string, readonly string[]>;
  /** The text of the survey's history file: as read before an ingest (empty when there is none), or as it writes it. */
  history: string;
}

/** What the last ingest leaves in the generated folder besides the papers. */
export interface IngestRecord {
  /** {@link digestIngestInputs} of what it read, with the history it wrote. */
  digest: string;
  /** {@link digestGeneratedFiles} of the files it wrote, so that a file changed or lost since is written again. */
  files: string;
  papers: number;
  /** What it said of the listings (not of the curated files, which it reads afresh each time). */
  warnings: InputWarning[];
}

/**
 * One digest of all an ingest reads. Equal digests mean an ingest would write the same files byte for byte (it is a
 * pure function of these), so it can stop early: the generated files of the last one stand. The history is part of
 * it as the last ingest wrote it, so a second ingest with nothing changed finds the same digest.
 */
export function digestIngestInputs(inputs: IngestInputs): string {
  const hash = createHash('sha256');
  // Each part's length keeps one part's end from reading as the next one's start: a text's length in UTF-16 units,
  // which is as unambiguous as its bytes and costs no second encoding of megabytes of listings and history.
  const part = (label: string, value: string | Uint8Array) => {
    hash.update(`${label}\0${value.length}\0`);
    hash.update(value);
  };
  part('code', inputs.code);
  for (const listing of inputs.listings) {
    // The file's day counts: it is the capture date of a listing that gives none.
    part('listing', `${listing.file}\0${listing.name}\0${listing.modifiedDay}`);
    part('bytes', listing.bytes);
  }
  part('config', stableJson(inputs.config));
  part('vocabularies', stableJson(inputs.vocabularies));
  part('pins', stableJson(Object.fromEntries(inputs.pins)));
  part('history', inputs.history);
  return hash.digest('hex');
}

/**
 * One digest of a generated folder's files (path and bytes), the record file itself left out: the ingest digests the
 * bytes it is about to write, and a reader the bytes it read, so neither encodes tens of megabytes of text again.
 */
export function digestGeneratedFiles(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) {
    if (path === INGEST_RECORD_FILE) continue;
    const bytes = files.get(path)!;
    // Its length keeps one file's end from reading as the next one's path.
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The record file's text: a generated file like the others, so the folder's own checks know it as ingest's. */
export function serialiseIngestRecord(record: IngestRecord): string {
  const fields = [
    `${GENERATED_MARKER}: what the last ingest read and wrote (digests) and said, so that the next one knows when nothing has changed."`,
    `  "digest": ${JSON.stringify(record.digest)}`,
    `  "files": ${JSON.stringify(record.files)}`,
    `  "papers": ${record.papers}`,
    `  "warnings": ${JSON.stringify(record.warnings)}`,
  ];
  return `${fields.join(',\n')}\n}\n`;
}

/** The record in a generated folder's file, or nothing when it is missing or not one ingest wrote. */
export function parseIngestRecord(text: string | undefined): IngestRecord | undefined {
  if (text === undefined || !text.startsWith(GENERATED_MARKER)) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<IngestRecord>;
    if (
      typeof parsed.digest !== 'string' ||
      typeof parsed.files !== 'string' ||
      typeof parsed.papers !== 'number' ||
      !Array.isArray(parsed.warnings)
    )
      return undefined;
    return { digest: parsed.digest, files: parsed.files, papers: parsed.papers, warnings: parsed.warnings };
  } catch {
    return undefined;
  }
}

/** JSON with every object's keys in order, so equal values give equal text whatever order their keys were made in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
