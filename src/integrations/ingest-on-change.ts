import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSourceFile } from '../lib/sources/source-formats.ts';
import { resolveContentPaths } from '../loaders/content-paths.ts';

/**
 * In `npm run dev`, re-runs ingest when a listing (of any format) or `survey.yaml` changes, so the site follows a new paste on
 * reload (open pages reload themselves). Notes and intros need no ingest: they are content collections Astro already watches.
 */
export function ingestOnChange(): AstroIntegration {
  return {
    name: 'survey-ingest-on-change',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const paths = resolveContentPaths();
        server.watcher.add([paths.listings, paths.surveyConfig]);
        let running: Promise<void> | null = null;
        let again = false;
        const ingest = () => {
          if (running) {
            again = true;
            return;
          }
          running = new Promise<void>((resolve) => {
            const script = fileURLToPath(new URL('../../scripts/ingest.ts', import.meta.url));
            // As `npm run ingest` runs it (package.json).
            const run = fileURLToPath(new URL('../../scripts/run.mjs', import.meta.url));
            const child = spawn(process.execPath, [run, script, '--content', paths.root], { stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            child.stdout.on('data', (chunk) => (output += chunk));
            child.stderr.on('data', (chunk) => (output += chunk));
            child.on('exit', (code) => {
              const last = output.trim().split('\n').at(-1) ?? '';
              if (code === 0) {
                logger.info(last.replace(/^ingest: /, 're-ingested: '));
                // The site reads the generated papers itself (src/loaders/generated-papers.ts): open pages reload.
                server.ws.send({ type: 'full-reload', path: '*' });
              } else logger.error(output.trim());
              resolve();
            });
          }).finally(() => {
            running = null;
            if (again) {
              again = false;
              ingest();
            }
          });
        };
        // Any listing ingest reads: a paste, or a reference manager's export kept up to date (Better BibTeX's "keep
        // updated", Zotero's auto-export) flows into the running site. Removing a listing re-ingests too.
        const isListing = (file: string) => file.startsWith(`${paths.listings}${sep}`) && isSourceFile(basename(file));
        server.watcher.on('change', (file) => {
          if (file === paths.surveyConfig || isListing(file)) ingest();
        });
        server.watcher.on('add', (file) => {
          if (isListing(file)) ingest();
        });
        server.watcher.on('unlink', (file) => {
          if (isListing(file)) ingest();
        });
      },
    },
  };
}
