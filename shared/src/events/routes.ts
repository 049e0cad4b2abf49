import { type RouteSpec, responds } from '../api/route-spec';
import {
  ChangeSessionRequestSchema,
  CheckInRequestSchema,
  type CheckInResultSchema,
  CreateEventRequestSchema,
  type EventCoverUploadSchema,
  type EventDetailSchema,
  type EventInviteesResponseSchema,
  type EventListResponseSchema,
  type EventOrganisersResponseSchema,
  type EventReportSchema,
  type EventTicketSchema,
  type MyPledgesResponseSchema,
  type MyRegistrationsResponseSchema,
  type PledgeViewSchema,
  RateEventRequestSchema,
  RecordPledgeRequestSchema,
  RegisterForEventRequestSchema,
  type RegistrationViewSchema,
  SetEventCoverRequestSchema,
  type StaffEventDetailSchema,
  type StaffEventListResponseSchema,
  type StaffEventSchema,
  WalkInRequestSchema,
  type WalkInResultSchema,
} from './schemas';

export const listEventsRoute = {
  method: 'GET',
  path: '/events',
  auth: 'user',
  response: responds<typeof EventListResponseSchema>(),
} as const satisfies RouteSpec;

export const getEventRoute = {
  method: 'GET',
  path: '/events/{eventId}',
  auth: 'user',
  response: responds<typeof EventDetailSchema>(),
} as const satisfies RouteSpec;

export const registerForEventRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration',
  auth: 'user',
  request: RegisterForEventRequestSchema,
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

export const listMyEventRegistrationsRoute = {
  method: 'GET',
  path: '/me/event-registrations',
  auth: 'user',
  response: responds<typeof MyRegistrationsResponseSchema>(),
} as const satisfies RouteSpec;

export const cancelEventRegistrationRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/cancel',
  auth: 'user',
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

export const changeEventSessionRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/session',
  auth: 'user',
  request: ChangeSessionRequestSchema,
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

export const acceptEventOfferRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/offer/accept',
  auth: 'user',
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

export const declineEventOfferRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/offer/decline',
  auth: 'user',
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

/** An attendee rates the session after it ended, once; a low rating joins the customer-voice stream. */
export const rateEventRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/rating',
  auth: 'user',
  request: RateEventRequestSchema,
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

/** The registrant withdraws the marketing consent they gave; the registration stays. */
export const withdrawEventMarketingConsentRoute = {
  method: 'POST',
  path: '/events/{eventId}/registration/marketing-consent/withdraw',
  auth: 'user',
  response: responds<typeof RegistrationViewSchema>(),
} as const satisfies RouteSpec;

/** 太有爱: a pledge of money, goods, books or volunteer hours by anyone the event admits. */
export const recordEventPledgeRoute = {
  method: 'POST',
  path: '/events/{eventId}/pledges',
  auth: 'user',
  request: RecordPledgeRequestSchema,
  response: responds<typeof PledgeViewSchema>(),
} as const satisfies RouteSpec;

export const listMyEventPledgesRoute = {
  method: 'GET',
  path: '/events/{eventId}/pledges/mine',
  auth: 'user',
  response: responds<typeof MyPledgesResponseSchema>(),
} as const satisfies RouteSpec;

/** The registrant's entry QR code (a signed ticket), once registered. */
export const getEventTicketRoute = {
  method: 'GET',
  path: '/events/{eventId}/registration/ticket',
  auth: 'user',
  response: responds<typeof EventTicketSchema>(),
} as const satisfies RouteSpec;

/** Staff at the door check a ticket in: a forged or foreign one is refused, a second scan caught. */
export const checkInEventTicketRoute = {
  method: 'POST',
  path: '/staff/events/{eventId}/check-in',
  auth: 'user',
  request: CheckInRequestSchema,
  response: responds<typeof CheckInResultSchema>(),
} as const satisfies RouteSpec;

/** Staff at the door let a party in on the session's free seats without a registration (现场报名). */
export const addEventWalkInRoute = {
  method: 'POST',
  path: '/staff/events/{eventId}/walk-ins',
  auth: 'user',
  request: WalkInRequestSchema,
  response: responds<typeof WalkInResultSchema>(),
} as const satisfies RouteSpec;

/** Registrations, attendance and waiting-list conversion by the registrants' branch, with CSV. */
export const getEventReportRoute = {
  method: 'GET',
  path: '/staff/events/{eventId}/report',
  auth: 'user',
  response: responds<typeof EventReportSchema>(),
} as const satisfies RouteSpec;

/** An agent's invitees of an event (registrations made through their shared link), and no one else. */
export const listEventInviteesRoute = {
  method: 'GET',
  path: '/agent/events/{eventId}/invitees',
  auth: 'user',
  response: responds<typeof EventInviteesResponseSchema>(),
} as const satisfies RouteSpec;

export const createEventRoute = {
  method: 'POST',
  path: '/staff/events',
  auth: 'user',
  request: CreateEventRequestSchema,
  response: responds<typeof StaffEventSchema>(),
} as const satisfies RouteSpec;

export const publishEventRoute = {
  method: 'POST',
  path: '/staff/events/{eventId}/publish',
  auth: 'user',
  response: responds<typeof StaffEventSchema>(),
} as const satisfies RouteSpec;

export const listStaffEventsRoute = {
  method: 'GET',
  path: '/staff/events',
  auth: 'user',
  response: responds<typeof StaffEventListResponseSchema>(),
} as const satisfies RouteSpec;

/** One event of the staff member's subtree: its editable fields and its publishing trail. */
export const getStaffEventRoute = {
  method: 'GET',
  path: '/staff/events/{eventId}',
  auth: 'user',
  response: responds<typeof StaffEventDetailSchema>(),
} as const satisfies RouteSpec;

/** Staff of the organising subtree edit a draft (the same checks as creating it). */
export const updateEventRoute = {
  method: 'PUT',
  path: '/staff/events/{eventId}',
  auth: 'user',
  request: CreateEventRequestSchema,
  response: responds<typeof StaffEventSchema>(),
} as const satisfies RouteSpec;

/** Staff of the organising subtree get a link to upload a cover image (JPEG or PNG, ≤ 2 MB). */
export const createEventCoverUploadRoute = {
  method: 'POST',
  path: '/staff/events/{eventId}/cover/upload',
  auth: 'user',
  response: responds<typeof EventCoverUploadSchema>(),
} as const satisfies RouteSpec;

/** The uploaded cover checked by the server (type by its first bytes, size) and set; audited. */
export const setEventCoverRoute = {
  method: 'POST',
  path: '/staff/events/{eventId}/cover',
  auth: 'user',
  request: SetEventCoverRequestSchema,
  response: responds<typeof StaffEventSchema>(),
} as const satisfies RouteSpec;

/** The branches a staff member may organise an event for, and the configured customer segments. */
export const listEventOrganisersRoute = {
  method: 'GET',
  path: '/staff/event-organisers',
  auth: 'user',
  response: responds<typeof EventOrganisersResponseSchema>(),
} as const satisfies RouteSpec;

/**
 * Club events (e生相伴 客户俱乐部: 太尊享 / 太活力 / 太有爱): staff of a branch create and publish
 * events for their subtree; signed-in people see the published events with whether they may come
 * (and why not), register with companions or join the waiting list, change session, cancel, and
 * accept or decline an offered seat. A person reaches only their own registrations.
 */
export const eventRoutes = {
  listEvents: listEventsRoute,
  getEvent: getEventRoute,
  registerForEvent: registerForEventRoute,
  listMyEventRegistrations: listMyEventRegistrationsRoute,
  cancelEventRegistration: cancelEventRegistrationRoute,
  changeEventSession: changeEventSessionRoute,
  acceptEventOffer: acceptEventOfferRoute,
  declineEventOffer: declineEventOfferRoute,
  rateEvent: rateEventRoute,
  withdrawEventMarketingConsent: withdrawEventMarketingConsentRoute,
  recordEventPledge: recordEventPledgeRoute,
  listMyEventPledges: listMyEventPledgesRoute,
  getEventTicket: getEventTicketRoute,
  checkInEventTicket: checkInEventTicketRoute,
  addEventWalkIn: addEventWalkInRoute,
  getEventReport: getEventReportRoute,
  listEventInvitees: listEventInviteesRoute,
  createEvent: createEventRoute,
  publishEvent: publishEventRoute,
  listStaffEvents: listStaffEventsRoute,
  getStaffEvent: getStaffEventRoute,
  updateEvent: updateEventRoute,
  createEventCoverUpload: createEventCoverUploadRoute,
  setEventCover: setEventCoverRoute,
  listEventOrganisers: listEventOrganisersRoute,
} as const satisfies Record<string, RouteSpec>;
