import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser journeys (`npm run e2e -w miniprogram`, part of `npm test -w miniprogram`). One
 * seeded stack and one Chromium serve the run (global setup); each journey file runs in a process
 * of its own with its own copy of the data, its own gateway and H5 server, and browser contexts of
 * its own (setup file and useE2eSession). Two files at a time: the machine has 2 cores, shared with
 * the JVM and Chromium.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['e2e/support/global-setup.ts'],
    setupFiles: ['e2e/support/journey-file-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
