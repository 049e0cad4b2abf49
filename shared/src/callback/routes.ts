import { type RouteSpec, responds } from '../api/route-spec';
import {
  BookCallbackRequestSchema,
  type CallbackBookingSchema,
  type CallbackDayResponseSchema,
  type CallbackFollowUpListResponseSchema,
  type CallbackFollowUpSchema,
  type CallbackSlotSchema,
  type CallbackSlotsResponseSchema,
  CreateCallbackSlotsRequestSchema,
  type CreateCallbackSlotsResponseSchema,
  type MyCallbackResponseSchema,
  RecordCallbackOutcomeRequestSchema,
  RescheduleCallbackRequestSchema,
  ResolveFollowUpRequestSchema,
  type SendOnlineCallbackCodeResponseSchema,
  SubmitOnlineCallbackRequestSchema,
  UpdateCallbackSlotRequestSchema,
} from './schemas';

// New-policy callback (回访预约): the customer (or their agent) books a call inside the cooling-off period.
export const listCallbackSlotsRoute = {
  method: 'GET',
  path: '/policies/{policyNo}/callback/slots',
  auth: 'user',
  response: responds<typeof CallbackSlotsResponseSchema>(),
} as const satisfies RouteSpec;

export const getCallbackBookingRoute = {
  method: 'GET',
  path: '/policies/{policyNo}/callback',
  auth: 'user',
  response: responds<typeof MyCallbackResponseSchema>(),
} as const satisfies RouteSpec;

export const bookCallbackSlotRoute = {
  method: 'POST',
  path: '/policies/{policyNo}/callback',
  auth: 'user',
  request: BookCallbackRequestSchema,
  response: responds<typeof CallbackBookingSchema>(),
} as const satisfies RouteSpec;

export const rescheduleCallbackRoute = {
  method: 'PUT',
  path: '/policies/{policyNo}/callback',
  auth: 'user',
  request: RescheduleCallbackRequestSchema,
  response: responds<typeof CallbackBookingSchema>(),
} as const satisfies RouteSpec;

export const cancelCallbackRoute = {
  method: 'DELETE',
  path: '/policies/{policyNo}/callback',
  auth: 'user',
} as const satisfies RouteSpec;

// Online self-callback (自助回访): the holder alone, after an SMS code to the phone on record.
export const sendOnlineCallbackCodeRoute = {
  method: 'POST',
  path: '/policies/{policyNo}/callback/online/code',
  auth: 'user',
  response: responds<typeof SendOnlineCallbackCodeResponseSchema>(),
} as const satisfies RouteSpec;

export const submitOnlineCallbackRoute = {
  method: 'POST',
  path: '/policies/{policyNo}/callback/online',
  auth: 'user',
  request: SubmitOnlineCallbackRequestSchema,
  response: responds<typeof CallbackBookingSchema>(),
} as const satisfies RouteSpec;

// The call centre's schedule and day (staff).
export const createCallbackSlotsRoute = {
  method: 'POST',
  path: '/callback/slots',
  auth: 'user',
  request: CreateCallbackSlotsRequestSchema,
  response: responds<typeof CreateCallbackSlotsResponseSchema>(),
} as const satisfies RouteSpec;

export const updateCallbackSlotRoute = {
  method: 'PUT',
  path: '/callback/slots/{slotId}',
  auth: 'user',
  request: UpdateCallbackSlotRequestSchema,
  response: responds<typeof CallbackSlotSchema>(),
} as const satisfies RouteSpec;

export const listCallbackFollowUpsRoute = {
  method: 'GET',
  path: '/callback/follow-ups',
  auth: 'user',
  response: responds<typeof CallbackFollowUpListResponseSchema>(),
} as const satisfies RouteSpec;

export const resolveCallbackFollowUpRoute = {
  method: 'POST',
  path: '/callback/follow-ups/{policyNo}/resolve',
  auth: 'user',
  request: ResolveFollowUpRequestSchema,
  response: responds<typeof CallbackFollowUpSchema>(),
} as const satisfies RouteSpec;

export const listCallbackBookingsRoute = {
  method: 'GET',
  path: '/callback/bookings',
  auth: 'user',
  response: responds<typeof CallbackDayResponseSchema>(),
} as const satisfies RouteSpec;

export const recordCallbackOutcomeRoute = {
  method: 'POST',
  path: '/callback/bookings/{policyNo}/outcome',
  auth: 'user',
  request: RecordCallbackOutcomeRequestSchema,
  response: responds<typeof CallbackBookingSchema>(),
} as const satisfies RouteSpec;

export const callbackRoutes = {
  listCallbackSlots: listCallbackSlotsRoute,
  getCallbackBooking: getCallbackBookingRoute,
  bookCallbackSlot: bookCallbackSlotRoute,
  rescheduleCallback: rescheduleCallbackRoute,
  cancelCallback: cancelCallbackRoute,
  sendOnlineCallbackCode: sendOnlineCallbackCodeRoute,
  submitOnlineCallback: submitOnlineCallbackRoute,
  createCallbackSlots: createCallbackSlotsRoute,
  updateCallbackSlot: updateCallbackSlotRoute,
  listCallbackFollowUps: listCallbackFollowUpsRoute,
  resolveCallbackFollowUp: resolveCallbackFollowUpRoute,
  listCallbackBookings: listCallbackBookingsRoute,
  recordCallbackOutcome: recordCallbackOutcomeRoute,
} as const satisfies Record<string, RouteSpec>;
