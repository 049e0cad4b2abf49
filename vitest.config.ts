import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests of shared/ and functions/ (the mini program has its own config).
 * One DynamoDB Local and one s3rver serve the whole run (global setup); each test file gets its
 * own table (setup file). Forked workers, two at most: the machine has 2 cores and the JVM needs one.
 */
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'functions/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'miniprogram/**', '**/dist/**', '.local/**'],
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['functions/test/support/global-setup.ts'],
    setupFiles: ['functions/test/support/setup-local-env.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
