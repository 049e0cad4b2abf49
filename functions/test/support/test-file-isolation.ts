/**
 * Test files run one after another in a shared worker process (vitest `isolate: false`): modules
 * are imported once per worker instead of once per file. What a file may leave behind in the
 * process is put back before the next file starts: the environment variables, as the worker first
 * had them. Module-level caches are each setup file's to reset (the process wiring, for the
 * integration project).
 */
const ENV_AT_WORKER_START = Symbol.for('zhixiang.test.envAtWorkerStart');

type WithSnapshot = typeof globalThis & { [ENV_AT_WORKER_START]?: Record<string, string | undefined> };

export function startFileWithCleanProcess(): void {
  const holder = globalThis as WithSnapshot;
  holder[ENV_AT_WORKER_START] ??= { ...process.env };
  const snapshot = holder[ENV_AT_WORKER_START];
  for (const name of Object.keys(process.env)) if (!(name in snapshot)) delete process.env[name];
  Object.assign(process.env, snapshot);
}
