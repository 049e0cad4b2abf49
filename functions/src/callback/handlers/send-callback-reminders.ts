import { getContainer } from '../../container';
import { sendCallbackReminders } from '../use-cases/send-callback-reminders';

/** EventBridge schedule (serverless.yml), every 5 minutes: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const container = getContainer();
  const report = await sendCallbackReminders({
    bookings: container.repositories.callbackBookings,
    customers: container.repositories.customers,
    sms: container.sms,
    now: container.now,
    logger: container.logger,
  });
  container.logger.info('callback reminders sent', { ...report });
}
