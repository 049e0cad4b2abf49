import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { escalateBreachedComplaints } from '../use-cases/escalate-breached-complaints';
import { fileCallbackDisputes } from '../use-cases/file-callback-disputes';
import { complaintsWiring } from '../wiring';

/**
 * EventBridge schedule (complaints/functions.yml), every 5 minutes: the SLA escalation, then the
 * complaints asked for by callbacks whose customer disputes the sale (their outbox).
 */
export const handler = scheduledJob(
  complaintsWiring,
  async (deps) => ({
    ...(await escalateBreachedComplaints(deps)),
    disputes: await fileCallbackDisputes(deps),
  }),
  {
    logMessage: 'complaint escalation run',
    // Logged when it did something or met a problem; Lambda's Invocations metric counts every run.
    quietWhen: (report) =>
      report.escalated + report.failed + report.calendarMissing + report.disputes.pending === 0,
  },
);
