import * as z from 'zod/mini';
import { PolicySummarySchema } from '../policy/schemas';

/**
 * Caller pre-verification (seed case 示例一): the call centre's phone system (IVR) posts the
 * calling number and the ID number the caller typed; the seat that takes the call reads the
 * screen-pop, so nobody asks the caller for policy number, ID or birth date again.
 */
export const IVR_HEADERS = {
  /** Epoch milliseconds when the IVR signed the request. */
  timestamp: 'x-ivr-timestamp',
  /** A random value used once (16–64 letters, digits, `-`, `_`). */
  nonce: 'x-ivr-nonce',
  /** Lower-case hex HMAC-SHA256 of `${timestamp}.${nonce}.${raw body}` with the shared secret. */
  signature: 'x-ivr-signature',
} as const;

export const IdentifyCallerRequestSchema = z.object({
  /** The number the call comes from (caller ID), mainland mobile or fixed line, digits only. */
  callingNumber: z.string().check(z.regex(/^\d{5,20}$/, '来电号码格式不正确')),
  /** The 18 characters typed on the keypad; the IVR sends X typed as `*` either way. */
  idNumber: z.string().check(z.regex(/^\d{17}[\dXx*]$/, '证件号码格式不正确')),
});
export type IdentifyCallerRequest = z.infer<typeof IdentifyCallerRequestSchema>;

export const IdentifyCallerResponseSchema = z.object({
  callId: z.string(),
  verified: z.boolean(),
});

export const CallPathSchema = z.object({
  callId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '来电编号格式不正确')),
});

export const ScreenPopSchema = z.object({
  callId: z.string(),
  verified: z.boolean(),
  callingNumberMasked: z.string(),
  receivedAt: z.string(),
  /** Null when the caller was not verified: the seat verifies them the usual way. */
  customer: z.nullable(
    z.object({
      customerId: z.string(),
      name: z.string(),
      idNumberMasked: z.string(),
      phoneMasked: z.string(),
      birthDate: z.string(),
    }),
  ),
  policies: z.array(PolicySummarySchema),
  /** The customer's recent service requests, newest first (callback bookings so far). */
  recentRequests: z.array(
    z.object({ kind: z.literal('callback'), policyNo: z.string(), status: z.string(), summary: z.string() }),
  ),
  /** Items still waiting for the company: booked callbacks and callback problem cases. */
  openItems: z.array(z.object({ kind: z.string(), policyNo: z.string(), summary: z.string() })),
});
export type ScreenPop = z.infer<typeof ScreenPopSchema>;
