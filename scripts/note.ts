/**
 * `npm run note -- <paper id or words of its title>`: creates `content/notes/<paper-id>.mdx` for a curator to
 * write in, and prints its path. Never overwrites a note; creates nothing when the words match several papers.
 */
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSurvey } from '../src/lib/ingest/build-survey.ts';
import { resolveContentPaths } from '../src/loaders/content-paths.ts';
import { findPaper } from '../src/lib/curation/find-paper.ts';
import { createNoteStub } from '../src/lib/curation/note-stub.ts';
import { displayPath, loadSurveyConfig } from '../src/loaders/survey-files.ts';
import { readListings } from './lib/read-content.ts';

const { values: options, positionals } = parseArgs({ options: { content: { type: 'string' } }, allowPositionals: true });
const paths = resolveContentPaths(options.content);
const query = positionals.join(' ').trim();

try {
  if (!query) throw new Error('name the paper: npm run note -- <paper id or words of its title>');
  const config = loadSurveyConfig(paths).data;
  const listings = readListings(paths.listings);
  // Notes are not needed to find the paper; an unreadable note elsewhere must not stop a new one being created.
  const { papers } = buildSurvey({ listings, config, notes: [] });
  const match = findPaper(papers, query);
  if (match.kind === 'none') {
    throw new Error(`no paper matches "${query}"${match.closest ? ` — did you mean ${match.closest}?` : ''}`);
  }
  if (match.kind === 'many') {
    console.error(`note: "${query}" matches ${match.papers.length} papers; use more words or the id:`);
    for (const paper of match.papers) console.error(`  ${paper.id}  ${paper.title}`);
    console.error('note: nothing was created.');
    process.exitCode = 1;
  } else {
    const file = join(paths.notes, `${match.paper.id}.mdx`);
    if (existsSync(file)) throw new Error(`${displayPath(file)} already exists; not overwriting it — open it to edit`);
    mkdirSync(paths.notes, { recursive: true });
    // 'wx' fails if the file appeared meanwhile: a note is never overwritten.
    const fd = openSync(file, 'wx');
    writeSync(fd, createNoteStub(match.paper));
    closeSync(fd);
    console.log(displayPath(file));
  }
} catch (error) {
  console.error(`note: error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
