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

/**
 * Club events (e生相伴 客户俱乐部: 太尊享 / 太活力 / 太有爱): staff of a branch create and publish
 * events for their subtree; signed-in people see the published events with whether they may come
 * (and why not), register with companions or join the waiting list, change session, cancel, and
 * accept or decline an offered seat. A person reaches only their own registrations.
 */
export const eventRoutes = {
  listEvents: {
    method: 'GET',
    path: '/events',
    auth: 'user',
    response: responds<typeof EventListResponseSchema>(),
  },
  getEvent: {
    method: 'GET',
    path: '/events/{eventId}',
    auth: 'user',
    response: responds<typeof EventDetailSchema>(),
  },
  registerForEvent: {
    method: 'POST',
    path: '/events/{eventId}/registration',
    auth: 'user',
    request: RegisterForEventRequestSchema,
    response: responds<typeof RegistrationViewSchema>(),
  },
  listMyEventRegistrations: {
    method: 'GET',
    path: '/me/event-registrations',
    auth: 'user',
    response: responds<typeof MyRegistrationsResponseSchema>(),
  },
  cancelEventRegistration: {
    method: 'POST',
    path: '/events/{eventId}/registration/cancel',
    auth: 'user',
    response: responds<typeof RegistrationViewSchema>(),
  },
  changeEventSession: {
    method: 'POST',
    path: '/events/{eventId}/registration/session',
    auth: 'user',
    request: ChangeSessionRequestSchema,
    response: responds<typeof RegistrationViewSchema>(),
  },
  acceptEventOffer: {
    method: 'POST',
    path: '/events/{eventId}/registration/offer/accept',
    auth: 'user',
    response: responds<typeof RegistrationViewSchema>(),
  },
  declineEventOffer: {
    method: 'POST',
    path: '/events/{eventId}/registration/offer/decline',
    auth: 'user',
    response: responds<typeof RegistrationViewSchema>(),
  },
  /** An attendee rates the session after it ended, once; a low rating joins the customer-voice stream. */
  rateEvent: {
    method: 'POST',
    path: '/events/{eventId}/registration/rating',
    auth: 'user',
    request: RateEventRequestSchema,
    response: responds<typeof RegistrationViewSchema>(),
  },
  /** The registrant withdraws the marketing consent they gave; the registration stays. */
  withdrawEventMarketingConsent: {
    method: 'POST',
    path: '/events/{eventId}/registration/marketing-consent/withdraw',
    auth: 'user',
    response: responds<typeof RegistrationViewSchema>(),
  },
  /** 太有爱: a pledge of money, goods, books or volunteer hours by anyone the event admits. */
  recordEventPledge: {
    method: 'POST',
    path: '/events/{eventId}/pledges',
    auth: 'user',
    request: RecordPledgeRequestSchema,
    response: responds<typeof PledgeViewSchema>(),
  },
  listMyEventPledges: {
    method: 'GET',
    path: '/events/{eventId}/pledges/mine',
    auth: 'user',
    response: responds<typeof MyPledgesResponseSchema>(),
  },
  /** The registrant's entry QR code (a signed ticket), once registered. */
  getEventTicket: {
    method: 'GET',
    path: '/events/{eventId}/registration/ticket',
    auth: 'user',
    response: responds<typeof EventTicketSchema>(),
  },
  /** Staff at the door check a ticket in: a forged or foreign one is refused, a second scan caught. */
  checkInEventTicket: {
    method: 'POST',
    path: '/staff/events/{eventId}/check-in',
    auth: 'user',
    request: CheckInRequestSchema,
    response: responds<typeof CheckInResultSchema>(),
  },
  /** Staff at the door let a party in on the session's free seats without a registration (现场报名). */
  addEventWalkIn: {
    method: 'POST',
    path: '/staff/events/{eventId}/walk-ins',
    auth: 'user',
    request: WalkInRequestSchema,
    response: responds<typeof WalkInResultSchema>(),
  },
  /** Registrations, attendance and waiting-list conversion by the registrants' branch, with CSV. */
  getEventReport: {
    method: 'GET',
    path: '/staff/events/{eventId}/report',
    auth: 'user',
    response: responds<typeof EventReportSchema>(),
  },
  /** An agent's invitees of an event (registrations made through their shared link), and no one else. */
  listEventInvitees: {
    method: 'GET',
    path: '/agent/events/{eventId}/invitees',
    auth: 'user',
    response: responds<typeof EventInviteesResponseSchema>(),
  },
  createEvent: {
    method: 'POST',
    path: '/staff/events',
    auth: 'user',
    request: CreateEventRequestSchema,
    response: responds<typeof StaffEventSchema>(),
  },
  publishEvent: {
    method: 'POST',
    path: '/staff/events/{eventId}/publish',
    auth: 'user',
    response: responds<typeof StaffEventSchema>(),
  },
  listStaffEvents: {
    method: 'GET',
    path: '/staff/events',
    auth: 'user',
    response: responds<typeof StaffEventListResponseSchema>(),
  },
  /** One event of the staff member's subtree: its editable fields and its publishing trail. */
  getStaffEvent: {
    method: 'GET',
    path: '/staff/events/{eventId}',
    auth: 'user',
    response: responds<typeof StaffEventDetailSchema>(),
  },
  /** Staff of the organising subtree edit a draft (the same checks as creating it). */
  updateEvent: {
    method: 'PUT',
    path: '/staff/events/{eventId}',
    auth: 'user',
    request: CreateEventRequestSchema,
    response: responds<typeof StaffEventSchema>(),
  },
  /** Staff of the organising subtree get a link to upload a cover image (JPEG or PNG, ≤ 2 MB). */
  createEventCoverUpload: {
    method: 'POST',
    path: '/staff/events/{eventId}/cover/upload',
    auth: 'user',
    response: responds<typeof EventCoverUploadSchema>(),
  },
  /** The uploaded cover checked by the server (type by its first bytes, size) and set; audited. */
  setEventCover: {
    method: 'POST',
    path: '/staff/events/{eventId}/cover',
    auth: 'user',
    request: SetEventCoverRequestSchema,
    response: responds<typeof StaffEventSchema>(),
  },
  /** The branches a staff member may organise an event for, and the configured customer segments. */
  listEventOrganisers: {
    method: 'GET',
    path: '/staff/event-organisers',
    auth: 'user',
    response: responds<typeof EventOrganisersResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
