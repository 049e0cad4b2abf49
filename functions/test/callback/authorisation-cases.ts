import type { callbackRoutes } from '@zhixiang/shared/callback/routes';
import { CALLBACK_POINTS } from '@zhixiang/shared/callback/schemas';
import { type CasesFor, data, holderOrAgent, staffOnly } from '../support/authorisation-matrix';

// 张伟's new annuity, inside its cooling-off period and awaiting its callback (回访).
const CALLBACK_POLICY = data.policies.find(
  (p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01',
)!.policyNo;
/** A slot long past: refused by the window rules without changing anything. */
const PAST_SLOT = '202001010900';

export const callbackCases: CasesFor<typeof callbackRoutes> = {
  // New-policy callback: the customer's own routes; staff use the call-centre routes instead.
  listCallbackSlots: {
    method: 'GET',
    path: `/policies/${CALLBACK_POLICY}/callback/slots`,
    expected: holderOrAgent(200),
  },
  getCallbackBooking: {
    method: 'GET',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    expected: holderOrAgent(200),
  },
  bookCallbackSlot: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    body: { slotId: PAST_SLOT },
    expected: holderOrAgent(409),
  },
  rescheduleCallback: {
    method: 'PUT',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    body: { slotId: PAST_SLOT, version: 1 },
    expected: holderOrAgent(404),
  },
  cancelCallback: {
    method: 'DELETE',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    expected: holderOrAgent(404),
  },
  // The owner's code is rate-limited per policy; the submit with a code never sent is a 400.
  sendOnlineCallbackCode: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback/online/code`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 403,
      executive: 403,
    },
  },
  submitOnlineCallback: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback/online`,
    body: { code: '000000', answers: Object.fromEntries(CALLBACK_POINTS.map((p) => [p, true])) },
    expected: {
      anonymous: 401,
      owner: 400,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 403,
      executive: 403,
    },
  },
  createCallbackSlots: {
    method: 'POST',
    path: '/callback/slots',
    ownerUserId: 'demo-staff-sh',
    body: {
      from: '2020-01-01',
      to: '2020-01-01',
      weekdays: { open: '09:00', close: '10:00' },
      weekends: null,
      seats: 2,
    },
    expected: staffOnly(201),
  },
  updateCallbackSlot: {
    method: 'PUT',
    path: '/callback/slots/202001020900',
    ownerUserId: 'demo-staff-sh',
    body: { open: false },
    expected: staffOnly(404),
  },
  listCallbackFollowUps: {
    method: 'GET',
    path: '/callback/follow-ups',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  // No problem case exists for the policy: the owner's staff get 404, like another branch's.
  resolveCallbackFollowUp: {
    method: 'POST',
    path: `/callback/follow-ups/${CALLBACK_POLICY}/resolve`,
    ownerUserId: 'demo-staff-sh',
    body: { note: '已联系客户核实' },
    expected: staffOnly(404),
  },
  listCallbackBookings: {
    method: 'GET',
    path: '/callback/bookings',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  recordCallbackOutcome: {
    method: 'POST',
    path: `/callback/bookings/${CALLBACK_POLICY}/outcome`,
    ownerUserId: 'demo-staff-sh',
    body: { outcome: 'unreachable' },
    expected: staffOnly(404),
  },
};
