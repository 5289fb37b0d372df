import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isSourceFile } from '../../src/lib/sources/source-formats.ts';
import type { ListingSource } from '../../src/lib/ingest/build-survey.ts';
import { InputError } from '../../src/lib/input/input-error.ts';
import { displayPath } from '../../src/loaders/survey-files.ts';

/**
 * The largest listing ingest reads. A page of search results is a few hundred kilobytes; a file past this is
 * refused before it is read, so memory stays bounded, and never silently cut short.
 */
export const MAX_LISTING_BYTES = 20 * 1024 * 1024;

/**
 * Every listing in the folder — each file in a format ingest reads (`.txt` pastes, `.bib`, `.ris`, `.json`, `.xml`,
 * `.atom`, `.csv`) — in file-name order. None is a survey with no papers yet (`npm run new` without `--from`, or every
 * listing taken out): it builds, and ingest says what to put there. Other files (a README, an editor's backup) are
 * left alone.
 */
export function readListings(folder: string): ListingSource[] {
  const names = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => !name.startsWith('.') && isSourceFile(name))
        .sort()
    : [];
  return names.map((name) => {
    const path = join(folder, name);
    const size = statSync(path).size;
    if (size > MAX_LISTING_BYTES) {
      throw new InputError(
        displayPath(path),
        1,
        `this listing is ${(size / 1024 / 1024).toFixed(1)} MB; listings over ${MAX_LISTING_BYTES / 1024 / 1024} MB are refused rather than read in part`,
        `split it into several listings in ${displayPath(folder)}/`,
      );
    }
    return {
      file: displayPath(path),
      name: name.slice(0, name.length - extname(name).length),
      bytes: readFileSync(path),
      modifiedDay: statSync(path).mtime.toISOString().slice(0, 10),
    };
  });
}

/**
 * Writes a machine-owned file whole or not at all (a temporary file beside it, then a rename), and not at all when
 * its content is already the same, so its modification time only moves when it changed.
 */
export function writeFileAtomically(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
