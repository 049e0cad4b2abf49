import type { Logger } from '@aws-lambda-powertools/logger';
import { REMINDER_LEAD_MINUTES, slotStartAt } from '@zhixiang/shared/callback/window';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';

export interface SendCallbackRemindersDeps {
  bookings: CallbackBookingRepository;
  customers: Pick<CustomerRepository, 'get'>;
  sms: SmsSender;
  now: () => number;
  logger: Pick<Logger, 'warn'>;
}

/**
 * The scheduled reminder run (every 5 minutes): each booked callback whose reminder is due gets
 * one SMS. A booking is claimed (marked sent) before sending, so overlapping runs never send
 * twice; a failed send is logged, not retried — the call still happens.
 */
export async function sendCallbackReminders(
  deps: SendCallbackRemindersDeps,
): Promise<{ due: number; sent: number; failed: number }> {
  const now = deps.now();
  const due = await deps.bookings.listDueReminders(now);
  let sent = 0;
  let failed = 0;
  for (const booking of due) {
    // A reminder found after the call started is pointless.
    if (slotStartAt(booking) <= now) continue;
    if (!(await deps.bookings.markReminderSent(booking.policyNo, booking.version, now))) continue;
    const customer = await deps.customers.get(booking.customerId);
    try {
      if (!customer) throw new Error(`customer ${booking.customerId} missing`);
      await deps.sms.send({
        to: customer.phone,
        template: 'callback_reminder',
        code: `${booking.date.slice(5, 7)}月${booking.date.slice(8, 10)}日 ${booking.start}`,
        validMinutes: Math.max(
          1,
          Math.min(REMINDER_LEAD_MINUTES, Math.round((slotStartAt(booking) - now) / 60_000)),
        ),
      });
      sent++;
    } catch (error) {
      failed++;
      deps.logger.warn('callback reminder not sent', { policyNo: booking.policyNo, error });
    }
  }
  return { due: due.length, sent, failed };
}
