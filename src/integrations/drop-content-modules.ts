import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Astro 5 leaves its content layer's module list (`content-modules.mjs`) in the built site when the content folder is
 * outside the project (`SURVEY_CONTENT_DIR=/elsewhere`): an internal file naming every note's path, which must not be
 * published. It is removed once the site is built.
 */
export function dropContentModules(): AstroIntegration {
  return {
    name: 'survey-drop-content-modules',
    hooks: {
      'astro:build:done': ({ dir }) => {
        rmSync(fileURLToPath(new URL('content-modules.mjs', dir)), { force: true });
      },
    },
  };
}
