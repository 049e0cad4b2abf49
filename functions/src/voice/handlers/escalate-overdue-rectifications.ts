import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { escalateOverdueRectifications } from '../use-cases/escalate-overdue-rectifications';
import { voiceWiring } from '../wiring';

/** EventBridge schedule (voice/functions.yml), every 5 minutes. */
export const handler = scheduledJob(voiceWiring, escalateOverdueRectifications, {
  logMessage: 'rectification escalation run',
  // Logged when it did something or met a problem; Lambda's Invocations metric counts every run.
  quietWhen: (report) => report.escalated + report.failed === 0,
});
