import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The browser and build tests share one built site and one Chromium; running files one at a time keeps the
    // two-core CI machine responsive.
    fileParallelism: false,
  },
});
