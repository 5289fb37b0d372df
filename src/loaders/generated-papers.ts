import type { Loader } from 'astro/loaders';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEntries } from '../lib/ingest/plan-entries.ts';

/**
 * The `papers` collection: every paper in the generated files `npm run ingest` writes (`<folder>/<theme>.json`, a
 * list of papers each), validated with the collection's schema. Each entry carries a digest, so Astro re-validates
 * only what changed; in `npm run dev` a re-ingest reloads the collection.
 */
export function generatedPapers(folder: string): Loader {
  // Astro may call `load` again in one dev session: the folder is watched once, and a change syncs the latest store.
  let watching = false;
  let syncLatest: (() => Promise<void>) | undefined;
  return {
    name: 'survey-generated-papers',
    load: async ({ store, parseData, generateDigest, watcher, logger, config }) => {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const files = existsSync(folder)
          ? readdirSync(folder)
              .filter((name) => name.endsWith('.json'))
              .sort()
          : [];
        if (files.length === 0) logger.warn(`no papers in ${folder}: run \`npm run ingest\` first`);
        const seen = new Set<string>();
        for (const file of files) {
          // Astro keeps entry paths relative to the project.
          const filePath = relative(root, join(folder, file));
          for (const entry of readEntries(readFileSync(join(folder, file), 'utf8'))) {
            const id = String((entry as { id?: unknown }).id);
            seen.add(id);
            const digest = generateDigest(entry as Record<string, unknown>);
            if (store.get(id)?.digest === digest) continue;
            const data = await parseData({ id, data: entry as Record<string, unknown>, filePath });
            store.set({ id, data, digest, filePath });
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      syncLatest = sync;
      await sync();
      if (watcher && !watching) {
        watching = true;
        watcher.add(folder);
        watcher.on('all', (_event, path) => {
          if (path.startsWith(folder) && path.endsWith('.json')) void syncLatest?.();
        });
      }
    },
  };
}
