import type { identityRoutes } from '@zhixiang/shared/identity/routes';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { type CasesFor, signedIn, staffOnly } from '../support/authorisation-matrix';

/**
 * Agent attestation: the assigned agent reaches the consent check (A001 has not consented in this
 * run); nobody else gets that far.
 */
const assignedAgentOnly = {
  anonymous: 401,
  owner: 403,
  anotherCustomer: 403,
  unassignedAgent: 404,
  otherBranchStaff: 403,
  executive: 403,
} as const;

export const identityCases: CasesFor<typeof identityRoutes> = {
  // Identity verification: customers and agents only; another person's customer is a 404.
  recordIdentityConsent: {
    method: 'POST',
    path: '/identity/consent',
    body: { version: FACE_ID_CONSENT_VERSION },
    expected: { ...signedIn(201), otherBranchStaff: 403, executive: 403 },
  },
  getIdentityStatus: {
    method: 'GET',
    path: '/identity/status',
    // Without the purpose query every allowed caller gets 400 (the identity tests cover the rest).
    expected: { ...signedIn(400), otherBranchStaff: 403, executive: 403 },
  },
  startFaceVerification: {
    method: 'POST',
    path: '/identity/face',
    body: { purpose: 'document:MATRIX-1', customerId: 'C001' },
    expected: { ...signedIn(404), owner: 201, otherBranchStaff: 403, executive: 403 },
  },
  completeFaceVerification: {
    method: 'POST',
    path: '/identity/face/20260101000000/result',
    expected: { ...signedIn(404), otherBranchStaff: 403, executive: 403 },
  },
  answerSandboxFaceVerification: {
    method: 'POST',
    path: '/identity/face/sandbox/20260101000000',
    body: { outcome: 'success' },
    // A session nobody opened: not found for everyone allowed on the route.
    expected: { ...signedIn(404), otherBranchStaff: 403, executive: 403 },
  },
  createIdentityUpload: {
    method: 'POST',
    path: '/identity/uploads',
    body: { kind: 'id_card_front', customerId: 'C001' },
    expected: { ...signedIn(404), owner: 201, otherBranchStaff: 403, executive: 403 },
  },
  checkIdCard: {
    method: 'POST',
    path: '/identity/id-card',
    body: { frontUploadId: '20260101000000', backUploadId: '20260101000001', customerId: 'C001' },
    expected: { ...signedIn(404), otherBranchStaff: 403, executive: 403 },
  },
  sendAttestationCode: {
    method: 'POST',
    path: '/identity/attestations/code',
    ownerUserId: 'demo-agent-a001',
    body: { purpose: 'document:MATRIX-2', customerId: 'C001' },
    expected: assignedAgentOnly,
  },
  attestIdentity: {
    method: 'POST',
    path: '/identity/attestations',
    ownerUserId: 'demo-agent-a001',
    body: { purpose: 'document:MATRIX-2', customerId: 'C001', cardChecked: true, code: '000000' },
    expected: assignedAgentOnly,
  },
  submitIdentityReview: {
    method: 'POST',
    path: '/identity/reviews',
    body: {
      purpose: 'document:MATRIX-3',
      customerId: 'C001',
      frontUploadId: '20260101000000',
      backUploadId: '20260101000001',
      videoUploadId: '20260101000002',
    },
    expected: { ...signedIn(404), otherBranchStaff: 403, executive: 403 },
  },
  listIdentityReviews: {
    method: 'GET',
    path: '/identity/reviews',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  decideIdentityReview: {
    method: 'POST',
    path: '/identity/reviews/20260101000000/decision',
    ownerUserId: 'demo-staff-sh',
    body: { decision: 'approve' },
    expected: staffOnly(404),
  },
};
