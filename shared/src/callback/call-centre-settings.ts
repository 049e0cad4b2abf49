import * as z from 'zod/mini';
import settingsJson from '../../../config/call-centre.json';
import type { OpeningHours } from './window';

/**
 * The call centre's own settings (config/call-centre.json), an insurer's choice rather than code:
 * how far ahead a callback must be booked, and the opening hours and seats a new schedule starts
 * from (staff can change any day's slots afterwards). Checked when the module loads, so a bad
 * edit fails the first test and the first cold start rather than a customer's booking.
 */
const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):(00|30)$/));
const hours = z.nullable(z.object({ open: clock, close: clock }).check(z.refine((h) => h.open < h.close)));

const CallCentreSettingsSchema = z.object({
  minNoticeMinutes: z.number().check(z.int(), z.minimum(0), z.maximum(7 * 24 * 60)),
  openingHours: z.object({ weekdays: hours, weekends: hours }),
  seatsPerSlot: z.number().check(z.int(), z.minimum(1), z.maximum(200)),
});

export type CallCentreSettings = z.infer<typeof CallCentreSettingsSchema>;

export const callCentreSettings: CallCentreSettings =
  /* @__PURE__ */ CallCentreSettingsSchema.parse(settingsJson);

/** Weekday and weekend hours as the week the slot layout works on (0 = Sunday). */
export function weeklyOpeningHours({ weekdays, weekends }: CallCentreSettings['openingHours']): OpeningHours {
  return { 0: weekends, 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays, 6: weekends };
}
