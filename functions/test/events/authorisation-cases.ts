import type { eventRoutes } from '@zhixiang/shared/events/routes';
import { type CasesFor, signedIn, staffOnly } from '../support/authorisation-matrix';

/** A well-formed event id nobody created. */
const NO_SUCH_EVENT = 'EV20261125DEADBEEF';
const PEOPLE_BUT_ADMIN = signedIn(200);

/** A valid 太有爱 event as the staff page sends it. */
const CHARITY_DRAFT = {
  brand: 'charity',
  title: '太有爱·希望小学图书捐赠',
  city: '上海',
  description: '为希望小学募集课外读物，欢迎客户、业务员和员工参与捐书与支教。',
  venues: [{ name: '张江营销服务部', address: '上海市浦东新区张江路88号' }],
  sessions: [
    {
      venueIndex: 0,
      startsAt: '2027-03-06T09:00:00+08:00',
      endsAt: '2027-03-06T12:00:00+08:00',
      capacity: 50,
    },
  ],
  audience: {
    roles: ['customer', 'agent', 'staff'],
    segment: null,
    ageBand: null,
    organiserBranchOnly: false,
  },
  registrationOpensAt: '2027-02-01T09:00:00+08:00',
  registrationClosesAt: '2027-03-05T18:00:00+08:00',
  whatToBring: '捐赠的图书',
  maxCompanions: 2,
};

export const eventCases: CasesFor<typeof eventRoutes> = {
  // Everyone signed in sees the published events, each with their own eligibility.
  listEvents: { method: 'GET', path: '/events', expected: PEOPLE_BUT_ADMIN },
  getEvent: { method: 'GET', path: '/events/EV-DEMO-RUN', expected: PEOPLE_BUT_ADMIN },
  // 太活力 for Shanghai customers: 张伟 registers (201); 吴刚 of Beijing, agents and staff are not
  // in its audience (403 with the reason).
  registerForEvent: {
    method: 'POST',
    path: '/events/EV-DEMO-RUN/registration',
    body: { sessionId: 'S1', companions: [], guardianConsent: false, waitIfFull: false },
    expected: { ...signedIn(403), owner: 201 },
  },
  // Each person lists only their own registrations (the others' lists are empty, 200).
  listMyEventRegistrations: { method: 'GET', path: '/me/event-registrations', expected: PEOPLE_BUT_ADMIN },
  // Only the registrant moves or cancels their registration; anyone else has none of their own (404).
  changeEventSession: {
    method: 'POST',
    path: '/events/EV-DEMO-RUN/registration/session',
    body: { sessionId: 'S2' },
    expected: { ...signedIn(404), owner: 200 },
  },
  cancelEventRegistration: {
    method: 'POST',
    path: '/events/EV-DEMO-RUN/registration/cancel',
    expected: { ...signedIn(404), owner: 200 },
  },
  // Nobody holds an offer here: the same 404 for everyone signed in; offers themselves are
  // covered in functions/test/events/.
  acceptEventOffer: {
    method: 'POST',
    path: '/events/EV-DEMO-EYES/registration/offer/accept',
    expected: signedIn(404),
  },
  declineEventOffer: {
    method: 'POST',
    path: `/events/${NO_SUCH_EVENT}/registration/offer/decline`,
    expected: signedIn(404),
  },
  // Only an attendee rates: anyone without a registration of the event gets 404.
  rateEvent: {
    method: 'POST',
    path: '/events/EV-DEMO-WEALTH/registration/rating',
    body: { score: 5 },
    expected: signedIn(404),
  },
  // Only a registrant has a consent to withdraw: anyone without a registration gets 404.
  withdrawEventMarketingConsent: {
    method: 'POST',
    path: '/events/EV-DEMO-WEALTH/registration/marketing-consent/withdraw',
    expected: signedIn(404),
  },
  // 太有爱 is open to customers, agents and staff of every branch: everyone signed in pledges (201)
  // and reads only their own pledges (200).
  recordEventPledge: {
    method: 'POST',
    path: '/events/EV-DEMO-EYES/pledges',
    body: { kind: 'books', amount: 20, note: '儿童绘本 20 册' },
    expected: signedIn(201),
  },
  listMyEventPledges: { method: 'GET', path: '/events/EV-DEMO-EYES/pledges/mine', expected: signedIn(200) },
  // Only a registrant holds a ticket: everyone signed in without a registration gets 404.
  getEventTicket: {
    method: 'GET',
    path: '/events/EV-DEMO-WEALTH/registration/ticket',
    expected: signedIn(404),
  },
  // Staff of the organising subtree check tickets in (a forged one is 400); Beijing staff do not
  // reach a Shanghai event (404); customers and agents 403.
  checkInEventTicket: {
    method: 'POST',
    path: '/staff/events/EV-DEMO-RUN/check-in',
    ownerUserId: 'demo-staff-sh',
    body: { ticket: 'eyJ2IjoiRVYtREVNTy1SVU4ifQ.forged' },
    expected: { ...staffOnly(404), owner: 400 },
  },
  // A walk-in at the door: staff of the organising subtree only (the demo run's sessions are weeks
  // away, so the door is not open yet: 409); Beijing staff 404; customers and agents 403.
  addEventWalkIn: {
    method: 'POST',
    path: '/staff/events/EV-DEMO-RUN/walk-ins',
    ownerUserId: 'demo-staff-sh',
    body: { sessionId: 'S1', name: '王芳', mobile: '13800138000', partySize: 2 },
    expected: { ...staffOnly(404), owner: 409 },
  },
  // The report of a Shanghai event: Shanghai staff 200, Beijing staff 404, customers and agents 403.
  getEventReport: {
    method: 'GET',
    path: '/staff/events/EV-DEMO-RUN/report',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), owner: 200 },
  },
  // Agents only (customers and staff 403); an agent sees their own invitees only (an empty list
  // for one who invited nobody; the invitees themselves are covered in functions/test/events/).
  listEventInvitees: {
    method: 'GET',
    path: '/agent/events/EV-DEMO-RUN/invitees',
    ownerUserId: 'demo-agent-a001',
    expected: { ...signedIn(403), owner: 200, unassignedAgent: 200 },
  },
  // Staff create events for their own branch (Beijing staff create a Beijing one: 201 too).
  createEvent: {
    method: 'POST',
    path: '/staff/events',
    ownerUserId: 'demo-staff-sh',
    body: CHARITY_DRAFT,
    expected: staffOnly(201),
  },
  // A Shanghai event: Beijing staff do not reach it (404, like one that does not exist).
  publishEvent: {
    method: 'POST',
    path: '/staff/events/EV-DEMO-WEALTH/publish',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), owner: 409 },
  },
  listStaffEvents: {
    method: 'GET',
    path: '/staff/events',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  // A Shanghai event with its trail: Shanghai staff 200, Beijing staff 404, customers and agents 403.
  getStaffEvent: {
    method: 'GET',
    path: '/staff/events/EV-DEMO-WEALTH',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), owner: 200 },
  },
  // Editing a Shanghai event: it is published, so its own staff get 409; Beijing staff 404.
  updateEvent: {
    method: 'PUT',
    path: '/staff/events/EV-DEMO-WEALTH',
    ownerUserId: 'demo-staff-sh',
    body: CHARITY_DRAFT,
    expected: { ...staffOnly(404), owner: 409 },
  },
  // A cover's upload link: staff of the organising subtree 200, Beijing staff 404, others 403.
  createEventCoverUpload: {
    method: 'POST',
    path: '/staff/events/EV-DEMO-WEALTH/cover/upload',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), owner: 200 },
  },
  // Setting a cover nobody uploaded: its own staff get 400 (not uploaded), Beijing staff 404.
  setEventCover: {
    method: 'POST',
    path: '/staff/events/EV-DEMO-WEALTH/cover',
    ownerUserId: 'demo-staff-sh',
    body: { uploadId: '00000000-0000-4000-8000-000000000000' },
    expected: { ...staffOnly(404), owner: 400 },
  },
  // Every staff member lists their own subtree's branches (200); customers and agents 403.
  listEventOrganisers: {
    method: 'GET',
    path: '/staff/event-organisers',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
};
