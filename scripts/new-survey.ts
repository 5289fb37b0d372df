/**
 * `npm run new -- <folder> [--title "…"] [--from FILE …]`: starts a survey of one's own in a new content folder —
 * `survey.yaml` (the title, today as the capture day, and themes proposed from the papers), `listings/` holding the
 * `--from` files (any format ingest reads), `intro.mdx`, the facet vocabularies (copied), `notes/` and `themes/`.
 * Never touches an existing folder: it refuses, and says so. The folder is written beside its place and renamed into
 * it, so nothing half-made is ever left. Bad input prints one `file:line: problem — fix` line and writes nothing.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectListedPapers } from '../src/lib/ingest/build-survey.ts';
import { defaultGroupCount, proposeThemes } from '../src/lib/classify/theme-suggestions.ts';
import { planNewSurvey } from '../src/lib/curation/new-survey.ts';
import { InputError } from '../src/lib/input/input-error.ts';
import { isSourceFile, SOURCE_EXTENSIONS } from '../src/lib/sources/source-formats.ts';
import { resolveContentPaths } from '../src/loaders/content-paths.ts';
import { plural } from '../src/lib/text/plural.ts';
import { displayPath } from '../src/loaders/survey-files.ts';

const { values: options, positionals } = parseArgs({
  options: { title: { type: 'string' }, from: { type: 'string', multiple: true, default: [] }, groups: { type: 'string' } },
  allowPositionals: true,
});

try {
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0)
    throw new Error('name one new folder: npm run new -- <folder> [--title "My survey"] [--from library.bib --from arxiv.xml …]');
  const folder = resolve(target);
  if (existsSync(folder))
    throw new Error(
      `${displayPath(folder)} already exists; npm run new never writes into an existing folder — choose a new one (nothing was written)`,
    );
  const sources = (options.from ?? []).map((file) => {
    if (!existsSync(file) || !statSync(file).isFile())
      throw new InputError(
        file,
        1,
        existsSync(file) ? 'this is a folder, not a file' : 'no such file',
        'give the path of a listing or library export to start the survey from (each file with its own --from)',
      );
    if (!isSourceFile(basename(file)))
      throw new InputError(
        file,
        1,
        `ingest reads ${SOURCE_EXTENSIONS.join(', ')} files, not this one`,
        'export the library as BibTeX, RIS, CSL-JSON or CSV, or save an arXiv API response as .xml',
      );
    const modifiedDay = statSync(file).mtime.toISOString().slice(0, 10);
    return { file: displayPath(resolve(file)), name: basename(file, extname(file)), bytes: readFileSync(file), modifiedDay };
  });
  const names = sources.map((source) => basename(source.file));
  if (new Set(names).size !== names.length)
    throw new Error(`two --from files have the same name (${names.join(', ')}); rename one, as they go side by side in listings/`);
  const title = options.title?.trim() || titleFrom(basename(folder));
  const captured = today();
  // A paste leaves the year out of this year's dates (`Sep 24`), read in its capture year: a paste copied before today
  // is dated by its file's last change, not by today, or last year's paste would move to this year.
  const pastes = Object.fromEntries(
    sources.filter((source) => extname(source.file) === '.txt').map((source) => [source.name, { captured: source.modifiedDay }]),
  );
  // Read every file first: a bad one stops here, before anything is written.
  const { papers } = collectListedPapers({
    listings: sources,
    config: { survey: { title, subtitle: '', captured }, listings: pastes, themes: [] },
  });
  const themes =
    papers.length >= 2 ? proposeThemes(papers, options.groups ? Number(options.groups) : defaultGroupCount(papers.length)) : [];
  const plan = planNewSurvey({ title, captured, listings: names, pastesCaptured: pastes, themes, paperCount: papers.length });

  const staging = join(dirname(folder), `.${basename(folder)}.new-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const sub of plan.folders) mkdirSync(join(staging, sub), { recursive: true });
    for (const [path, text] of plan.files) writeFileSync(join(staging, path), text);
    for (const source of sources) cpSync(source.file, join(staging, 'listings', basename(source.file)));
    const vocabularies = resolveContentPaths('content').facets;
    if (existsSync(vocabularies)) cpSync(vocabularies, join(staging, 'facets'), { recursive: true });
    if (existsSync(folder)) throw new Error(`${displayPath(folder)} appeared meanwhile; not touching it (nothing was written)`);
    renameSync(staging, folder);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  const shown = displayPath(folder);
  // The commands are to be copied: a folder with a space or a quote in its name is quoted as the shell needs it.
  const folderWord = /^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
  console.log(
    `new: ${shown}/ — "${title}", ${plural(papers.length, 'paper')} from ${plural(sources.length, 'file')}, ${plural(themes.length, 'proposed theme')} in ${shown}/survey.yaml`,
  );
  for (const theme of themes) console.log(`    ${theme.id}: ${theme.title} (${theme.members.length} papers)`);
  for (const [name, { captured: day }] of Object.entries(pastes))
    console.log(
      `  ${name}.txt is dated ${day}, the day its file last changed: set listings.${name}.captured in survey.yaml to the day you copied it`,
    );
  console.log('Next:');
  if (sources.length === 0) console.log(`  put your listings or library exports in ${shown}/listings/ (see README, "Your sources")`);
  console.log(`  SURVEY_CONTENT_DIR=${folderWord} npm run ingest       # where each paper lands, and what to curate first`);
  console.log(`  SURVEY_CONTENT_DIR=${folderWord} npm run dev          # the site, as you edit survey.yaml, notes and intros`);
  console.log(`  SURVEY_CONTENT_DIR=${folderWord} npm run build && npm run preview`);
} catch (error) {
  console.error(`new: error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/** The day, in UTC, as the capture day of the listings the survey starts from. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `my-agents-survey` → `My agents survey`: a title to start from when none is given. */
function titleFrom(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)}` : 'A new survey';
}
