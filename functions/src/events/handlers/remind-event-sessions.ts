import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { remindEventSessions } from '../use-cases/event-notices';
import { eventNoticesWiring } from '../wiring-notices';

/** EventBridge schedule (events/functions.yml), hourly. */
export const handler = scheduledJob(eventNoticesWiring, remindEventSessions, {
  logMessage: 'event reminder run',
  quietWhen: (report) => report.reminded === 0 && report.failed === 0,
});
