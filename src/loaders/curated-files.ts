import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether any file matches the patterns under `base` (`intro.mdx`, `themes/*.mdx`: a folder, then a name where `*`
 * is any text): a new survey has no notes or intros yet.
 */
export function hasFiles(base: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const at = pattern.lastIndexOf('/');
    const folder = join(base, pattern.slice(0, Math.max(0, at)));
    const name = new RegExp(
      `^${pattern
        .slice(at + 1)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')}$`,
    );
    return existsSync(folder) && readdirSync(folder).some((file) => name.test(file));
  });
}

/**
 * Astro's `glob` loader for curated files that may not exist yet (a new survey has no notes and no intros): it
 * loads nothing, and says nothing, until a file is there. Astro's own loader would warn that the folder or the
 * files are missing, which for a new survey is simply its state. In `npm run dev` the first file to appear is
 * picked up without a restart.
 */
export function curatedFiles(options: { base: string; pattern: string[]; generateId: (entry: { entry: string }) => string }): Loader {
  const inner = glob({ ...options, generateId: ({ entry }) => options.generateId({ entry }) });
  return {
    name: 'survey-curated-files',
    load: async (context: LoaderContext) => {
      if (hasFiles(options.base, options.pattern)) return inner.load(context);
      if (!context.watcher) return;
      context.watcher.add(options.base);
      const onAdd = (path: string) => {
        if (!path.startsWith(join(options.base)) || !hasFiles(options.base, options.pattern)) return;
        context.watcher!.off('add', onAdd);
        void inner.load(context);
      };
      context.watcher.on('add', onAdd);
    },
  };
}
