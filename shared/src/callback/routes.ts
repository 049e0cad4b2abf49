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

export const callbackRoutes = {
  // New-policy callback (回访预约): the customer (or their agent) books a call inside the cooling-off period.
  listCallbackSlots: {
    method: 'GET',
    path: '/policies/{policyNo}/callback/slots',
    auth: 'user',
    response: responds<typeof CallbackSlotsResponseSchema>(),
  },
  getCallbackBooking: {
    method: 'GET',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    response: responds<typeof MyCallbackResponseSchema>(),
  },
  bookCallbackSlot: {
    method: 'POST',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: BookCallbackRequestSchema,
    response: responds<typeof CallbackBookingSchema>(),
  },
  rescheduleCallback: {
    method: 'PUT',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: RescheduleCallbackRequestSchema,
    response: responds<typeof CallbackBookingSchema>(),
  },
  cancelCallback: { method: 'DELETE', path: '/policies/{policyNo}/callback', auth: 'user' },
  // Online self-callback (自助回访): the holder alone, after an SMS code to the phone on record.
  sendOnlineCallbackCode: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online/code',
    auth: 'user',
    response: responds<typeof SendOnlineCallbackCodeResponseSchema>(),
  },
  submitOnlineCallback: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online',
    auth: 'user',
    request: SubmitOnlineCallbackRequestSchema,
    response: responds<typeof CallbackBookingSchema>(),
  },
  // The call centre's schedule and day (staff).
  createCallbackSlots: {
    method: 'POST',
    path: '/callback/slots',
    auth: 'user',
    request: CreateCallbackSlotsRequestSchema,
    response: responds<typeof CreateCallbackSlotsResponseSchema>(),
  },
  updateCallbackSlot: {
    method: 'PUT',
    path: '/callback/slots/{slotId}',
    auth: 'user',
    request: UpdateCallbackSlotRequestSchema,
    response: responds<typeof CallbackSlotSchema>(),
  },
  listCallbackFollowUps: {
    method: 'GET',
    path: '/callback/follow-ups',
    auth: 'user',
    response: responds<typeof CallbackFollowUpListResponseSchema>(),
  },
  resolveCallbackFollowUp: {
    method: 'POST',
    path: '/callback/follow-ups/{policyNo}/resolve',
    auth: 'user',
    request: ResolveFollowUpRequestSchema,
    response: responds<typeof CallbackFollowUpSchema>(),
  },
  listCallbackBookings: {
    method: 'GET',
    path: '/callback/bookings',
    auth: 'user',
    response: responds<typeof CallbackDayResponseSchema>(),
  },
  recordCallbackOutcome: {
    method: 'POST',
    path: '/callback/bookings/{policyNo}/outcome',
    auth: 'user',
    request: RecordCallbackOutcomeRequestSchema,
    response: responds<typeof CallbackBookingSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
