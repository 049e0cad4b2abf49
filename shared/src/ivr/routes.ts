import type { RouteSpec } from '../api/route-spec';
import { IdentifyCallerRequestSchema, IdentifyCallerResponseSchema, ScreenPopSchema } from './schemas';

/**
 * Caller pre-verification (IVR, seed case 示例一): `identifyCaller` is 'public' to tokens, proven by
 * an HMAC signature; the call's screen-pop is for staff.
 */
export const ivrRoutes = {
  identifyCaller: {
    method: 'POST',
    path: '/ivr/identify',
    auth: 'public',
    request: IdentifyCallerRequestSchema,
    response: IdentifyCallerResponseSchema,
  },
  getCallScreenPop: { method: 'GET', path: '/ivr/calls/{callId}', auth: 'user', response: ScreenPopSchema },
} as const satisfies Record<string, RouteSpec>;
