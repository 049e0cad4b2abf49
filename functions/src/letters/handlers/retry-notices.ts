import { retryDueNotices } from '../use-cases/notice-outbox';
import { lettersWiring } from '../wiring';
import { renewalRunDeps } from '../wiring-issuing';

/** EventBridge schedule (letters/functions.yml), every 5 minutes: the notice outbox's retry job. */
export async function handler(): Promise<void> {
  const deps = lettersWiring();
  const report = await retryDueNotices(renewalRunDeps(deps));
  if (report.due > 0) deps.logger.info('renewal notice outbox retried', { ...report });
}
