import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Tests of shared/ and functions/ (the mini program and the browser journeys have their own
 * configs), in two projects:
 * - `integration`: every test under functions/test/ and functions/local/, and a test file beside
 *   the code in functions/src/ that writes `@local-stack` in a comment. One DynamoDB Local and one
 *   s3rver serve the whole run (global setup); each test file gets its own table (setup file).
 * - `unit`: every other test (shared/, and functions/src/ beside the code). No emulator, no Java:
 *   `vitest run --project unit`. A unit test that calls AWS fails at once naming this rule.
 * Forked workers, two at most: the machine has 2 cores and the JVM needs one. Files share their
 * worker (no isolation): each worker imports the module graph once rather than once per file, which
 * was a third of the run. The setup files put back what a file may leave in the process (the
 * environment, the process wiring): functions/test/support/test-file-isolation.ts.
 */
const besideTheCodeWithLocalStack = readdirSync('functions/src', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `functions/src/${file}`)
  .filter((file) => readFileSync(file, 'utf8').includes('@local-stack'));

const exclude = ['**/node_modules/**', '**/dist/**', '.local/**'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 20_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'functions/src/**/*.test.ts'],
          exclude: [...exclude, ...besideTheCodeWithLocalStack],
          setupFiles: ['functions/test/support/setup-without-local-stack.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'functions/test/**/*.test.ts',
            'functions/local/**/*.test.ts',
            ...besideTheCodeWithLocalStack,
          ],
          exclude,
          globalSetup: ['functions/test/support/global-setup.ts'],
          setupFiles: ['functions/test/support/setup-local-env.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
