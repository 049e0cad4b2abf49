import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { escalateBreachedComplaints } from '../use-cases/escalate-breached-complaints';
import { complaintsWiring } from '../wiring';

/** EventBridge schedule (complaints/functions.yml), every 5 minutes. */
export const handler = scheduledJob(complaintsWiring, escalateBreachedComplaints, {
  logMessage: 'complaint escalation run',
  // Logged when it did something or met a problem; Lambda's Invocations metric counts every run.
  quietWhen: (report) => report.escalated + report.failed + report.calendarMissing === 0,
});
