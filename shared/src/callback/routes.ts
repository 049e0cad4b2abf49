import type { RouteSpec } from '../api/route-spec';
import {
  BookCallbackRequestSchema,
  CallbackBookingSchema,
  CallbackDayResponseSchema,
  CallbackFollowUpListResponseSchema,
  CallbackFollowUpSchema,
  CallbackSlotSchema,
  CallbackSlotsResponseSchema,
  CreateCallbackSlotsRequestSchema,
  CreateCallbackSlotsResponseSchema,
  MyCallbackResponseSchema,
  RecordCallbackOutcomeRequestSchema,
  RescheduleCallbackRequestSchema,
  ResolveFollowUpRequestSchema,
  SendOnlineCallbackCodeResponseSchema,
  SubmitOnlineCallbackRequestSchema,
  UpdateCallbackSlotRequestSchema,
} from './schemas';

export const callbackRoutes = {
  // New-policy callback (回访预约): the customer (or their agent) books a call inside the cooling-off period.
  listCallbackSlots: {
    method: 'GET',
    path: '/policies/{policyNo}/callback/slots',
    auth: 'user',
    response: CallbackSlotsResponseSchema,
  },
  getCallbackBooking: {
    method: 'GET',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    response: MyCallbackResponseSchema,
  },
  bookCallbackSlot: {
    method: 'POST',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: BookCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  rescheduleCallback: {
    method: 'PUT',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: RescheduleCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  cancelCallback: { method: 'DELETE', path: '/policies/{policyNo}/callback', auth: 'user' },
  // Online self-callback (自助回访): the holder alone, after an SMS code to the phone on record.
  sendOnlineCallbackCode: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online/code',
    auth: 'user',
    response: SendOnlineCallbackCodeResponseSchema,
  },
  submitOnlineCallback: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online',
    auth: 'user',
    request: SubmitOnlineCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  // The call centre's schedule and day (staff).
  createCallbackSlots: {
    method: 'POST',
    path: '/callback/slots',
    auth: 'user',
    request: CreateCallbackSlotsRequestSchema,
    response: CreateCallbackSlotsResponseSchema,
  },
  updateCallbackSlot: {
    method: 'PUT',
    path: '/callback/slots/{slotId}',
    auth: 'user',
    request: UpdateCallbackSlotRequestSchema,
    response: CallbackSlotSchema,
  },
  listCallbackFollowUps: {
    method: 'GET',
    path: '/callback/follow-ups',
    auth: 'user',
    response: CallbackFollowUpListResponseSchema,
  },
  resolveCallbackFollowUp: {
    method: 'POST',
    path: '/callback/follow-ups/{policyNo}/resolve',
    auth: 'user',
    request: ResolveFollowUpRequestSchema,
    response: CallbackFollowUpSchema,
  },
  listCallbackBookings: {
    method: 'GET',
    path: '/callback/bookings',
    auth: 'user',
    response: CallbackDayResponseSchema,
  },
  recordCallbackOutcome: {
    method: 'POST',
    path: '/callback/bookings/{policyNo}/outcome',
    auth: 'user',
    request: RecordCallbackOutcomeRequestSchema,
    response: CallbackBookingSchema,
  },
} as const satisfies Record<string, RouteSpec>;
