import type { endorsementRoutes } from '@zhixiang/shared/endorsement/routes';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import {
  agentsCustomer,
  type CasesFor,
  customersOnly,
  holderOrAgent,
  OUT_OF_REACH_FOR_EXECUTIVES,
  OWNER_POLICY,
  signedIn,
  staffOnly,
} from '../support/authorisation-matrix';

export const endorsementCases: CasesFor<typeof endorsementRoutes> = {
  // Endorsements (保全): the holder and the assigned agent; staff of the branch subtree review.
  getEndorsementOptions: {
    method: 'GET',
    path: `/policies/${OWNER_POLICY}/endorsements/options`,
    expected: holderOrAgent(200),
  },
  // An empty contact change is refused by the rule (400) only after access was granted.
  createEndorsement: {
    method: 'POST',
    path: `/policies/${OWNER_POLICY}/endorsements`,
    body: { type: 'contact_change' },
    expected: holderOrAgent(400),
  },
  getEndorsement: {
    method: 'GET',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}`,
    ownerUserId: 'demo-customer-c002',
    expected: { ...signedIn(404), owner: 200, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  listMyEndorsements: {
    method: 'GET',
    path: '/me/endorsements',
    expected: customersOnly(200),
  },
  listCustomerEndorsements: {
    method: 'GET',
    path: '/customers/C001/endorsements',
    ownerUserId: 'demo-agent-a001',
    expected: agentsCustomer(200),
  },
  // 李娜's demo application is withdrawn (final): her actions on it are conflicts, nothing changes.
  sendEndorsementPhoneCode: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/phone-code`,
    ownerUserId: 'demo-customer-c002',
    expected: holderOrAgent(409),
  },
  submitEndorsement: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/submit`,
    ownerUserId: 'demo-customer-c002',
    body: {},
    expected: holderOrAgent(409),
  },
  cancelEndorsement: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/cancel`,
    ownerUserId: 'demo-customer-c002',
    body: {},
    expected: holderOrAgent(409),
  },
  listEndorsementReviews: {
    method: 'GET',
    path: '/staff/endorsements',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  decideEndorsement: {
    method: 'POST',
    path: `/staff/endorsements/${DEMO_ENDORSEMENT_ID}/decision`,
    ownerUserId: 'demo-staff-sh',
    body: { decision: 'approve' },
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
      executive: 403,
    },
  },
  // 柜面代办: staff only (customers, agents and executives 403); an authorisation nobody created is
  // the same 404 for staff of any branch. Staff outside the subtree of a real one, and the whole
  // path, are covered in functions/test/authorisations/counter.test.ts.
  prepareCounterEndorsement: {
    method: 'POST',
    path: `/staff/authorisations/SQ20261125DEADBEEF/policies/${OWNER_POLICY}/endorsements`,
    ownerUserId: 'demo-staff-sh',
    body: { type: 'contact_change' },
    expected: staffOnly(404),
  },
  submitCounterEndorsement: {
    method: 'POST',
    path: `/staff/authorisations/SQ20261125DEADBEEF/endorsements/${DEMO_ENDORSEMENT_ID}/submit`,
    ownerUserId: 'demo-staff-sh',
    body: {},
    expected: staffOnly(404),
  },
  // The demo application was not prepared at the counter: the 404 of the counter's own routes.
  cancelCounterEndorsement: {
    method: 'POST',
    path: `/staff/authorisations/SQ20261125DEADBEEF/endorsements/${DEMO_ENDORSEMENT_ID}/cancel`,
    ownerUserId: 'demo-staff-sh',
    body: {},
    expected: staffOnly(404),
  },
};
