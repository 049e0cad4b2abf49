import { type RouteSpec, responds } from '../api/route-spec';
import {
  IdentifyCallerRequestSchema,
  type IdentifyCallerResponseSchema,
  type ScreenPopSchema,
} from './schemas';

export const identifyCallerRoute = {
  method: 'POST',
  path: '/ivr/identify',
  auth: 'public',
  request: IdentifyCallerRequestSchema,
  response: responds<typeof IdentifyCallerResponseSchema>(),
} as const satisfies RouteSpec;

export const getCallScreenPopRoute = {
  method: 'GET',
  path: '/ivr/calls/{callId}',
  auth: 'user',
  response: responds<typeof ScreenPopSchema>(),
} as const satisfies RouteSpec;

/**
 * Caller pre-verification (IVR, seed case 示例一): `identifyCaller` is 'public' to tokens, proven by
 * an HMAC signature; the call's screen-pop is for staff.
 */
export const ivrRoutes = {
  identifyCaller: identifyCallerRoute,
  getCallScreenPop: getCallScreenPopRoute,
} as const satisfies Record<string, RouteSpec>;
