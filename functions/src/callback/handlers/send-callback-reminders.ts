import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { sendCallbackReminders } from '../use-cases/send-callback-reminders';
import { callbackWiring } from '../wiring';

/** EventBridge schedule (callback/functions.yml), every 5 minutes. */
export const handler = scheduledJob(
  callbackWiring,
  (deps) =>
    sendCallbackReminders({
      bookings: deps.repositories.callbackBookings,
      customers: deps.repositories.customers,
      sms: deps.sms,
      now: deps.now,
      logger: deps.logger,
    }),
  { logMessage: 'callback reminders sent', quietWhen: (report) => report.due === 0 },
);
