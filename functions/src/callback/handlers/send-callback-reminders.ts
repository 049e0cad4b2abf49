import { sendCallbackReminders } from '../use-cases/send-callback-reminders';
import { callbackWiring } from '../wiring';

/** EventBridge schedule (serverless.yml), every 5 minutes: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const deps = callbackWiring();
  const report = await sendCallbackReminders({
    bookings: deps.repositories.callbackBookings,
    customers: deps.repositories.customers,
    sms: deps.sms,
    now: deps.now,
    logger: deps.logger,
  });
  deps.logger.info('callback reminders sent', { ...report });
}
