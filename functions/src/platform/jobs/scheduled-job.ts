import type { Platform } from '../process';

/**
 * Every scheduled job (EventBridge schedule in a context's functions.yml): builds the context's
 * wiring, runs the job, logs its report (or, with `quietWhen`, only when there was something to
 * do) and flushes the invocation's business metrics, also when the job fails. A failure is
 * rethrown: Lambda counts it in `Errors`, retries it and then sends the event to the jobs' failure
 * queue (docs/operations.md).
 */
export function scheduledJob<D extends Platform, R extends object>(
  wiring: () => D,
  run: (deps: D) => Promise<R>,
  options: { logMessage: string; quietWhen?: (report: R) => boolean },
): () => Promise<void> {
  return async () => {
    const deps = wiring();
    try {
      const report = await run(deps);
      if (!options.quietWhen?.(report))
        deps.logger.info(options.logMessage, { ...(report as Record<string, unknown>) });
    } finally {
      deps.metrics.flush();
    }
  };
}
