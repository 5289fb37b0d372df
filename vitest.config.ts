import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure modules and fixtures, no build, seconds), then `integration` (the real ingest and
 * build, and the built sites' files) and `browser` (Debian's Chromium against the built sites), which share one set
 * of test builds (tests/helpers/build-once.ts). Each group runs after the one before. `npm test` runs all three;
 * `npm run test:unit` the first alone.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The browser and build tests share one built site and one Chromium on a two-core machine: one file at a time.
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-once.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // A page's first search loads Pagefind and its index; on a busy two-core machine that can pass the poll's
          // default second. A condition that never holds still fails, after ten seconds.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['tests/helpers/build-once.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
