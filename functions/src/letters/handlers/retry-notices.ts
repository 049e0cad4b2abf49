import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { retryDueNotices } from '../use-cases/notice-outbox';
import { lettersWiring } from '../wiring';
import { renewalRunDeps } from '../wiring-issuing';

/** EventBridge schedule (letters/functions.yml), every 5 minutes: the notice outbox's retry job. */
export const handler = scheduledJob(lettersWiring, (deps) => retryDueNotices(renewalRunDeps(deps)), {
  logMessage: 'renewal notice outbox retried',
  quietWhen: (report) => report.due === 0,
});
