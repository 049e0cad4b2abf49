import { type RouteSpec, responds } from '../api/route-spec';
import {
  CancelEndorsementRequestSchema,
  CreateEndorsementRequestSchema,
  DecideEndorsementRequestSchema,
  type EndorsementApplicationSchema,
  type EndorsementListResponseSchema,
  type EndorsementOptionsSchema,
  type EndorsementReviewQueueSchema,
  type SendPhoneCodeResponseSchema,
  SubmitEndorsementRequestSchema,
} from './application';

export const getEndorsementOptionsRoute = {
  method: 'GET',
  path: '/policies/{policyNo}/endorsements/options',
  auth: 'user',
  response: responds<typeof EndorsementOptionsSchema>(),
} as const satisfies RouteSpec;

export const createEndorsementRoute = {
  method: 'POST',
  path: '/policies/{policyNo}/endorsements',
  auth: 'user',
  request: CreateEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

export const getEndorsementRoute = {
  method: 'GET',
  path: '/endorsements/{applicationId}',
  auth: 'user',
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

export const listMyEndorsementsRoute = {
  method: 'GET',
  path: '/me/endorsements',
  auth: 'user',
  response: responds<typeof EndorsementListResponseSchema>(),
} as const satisfies RouteSpec;

export const listCustomerEndorsementsRoute = {
  method: 'GET',
  path: '/customers/{customerId}/endorsements',
  auth: 'user',
  response: responds<typeof EndorsementListResponseSchema>(),
} as const satisfies RouteSpec;

export const sendEndorsementPhoneCodeRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/phone-code',
  auth: 'user',
  response: responds<typeof SendPhoneCodeResponseSchema>(),
} as const satisfies RouteSpec;

/** Loan, dividend withdrawal and surrender need an Idempotency-Key header. */
export const submitEndorsementRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/submit',
  auth: 'user',
  request: SubmitEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

export const cancelEndorsementRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/cancel',
  auth: 'user',
  request: CancelEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

export const listEndorsementReviewsRoute = {
  method: 'GET',
  path: '/staff/endorsements',
  auth: 'user',
  response: responds<typeof EndorsementReviewQueueSchema>(),
} as const satisfies RouteSpec;

export const decideEndorsementRoute = {
  method: 'POST',
  path: '/staff/endorsements/{applicationId}/decision',
  auth: 'user',
  request: DecideEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

/**
 * Staff of the policy's branch subtree process a matter themselves on the strength of an approved
 * video authorisation (柜面代办, docs/authorisations.md): prepared verified and signed on the
 * reviewed recording, then submitted (money matters with an Idempotency-Key header) or withdrawn.
 */
export const prepareCounterEndorsementRoute = {
  method: 'POST',
  path: '/staff/authorisations/{authorisationId}/policies/{policyNo}/endorsements',
  auth: 'user',
  request: CreateEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

export const submitCounterEndorsementRoute = {
  method: 'POST',
  path: '/staff/authorisations/{authorisationId}/endorsements/{applicationId}/submit',
  auth: 'user',
  request: SubmitEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

/** Staff withdraw an application they prepared at the counter, until it is submitted. */
export const cancelCounterEndorsementRoute = {
  method: 'POST',
  path: '/staff/authorisations/{authorisationId}/endorsements/{applicationId}/cancel',
  auth: 'user',
  request: CancelEndorsementRequestSchema,
  response: responds<typeof EndorsementApplicationSchema>(),
} as const satisfies RouteSpec;

/** Endorsements (保全; docs/endorsements.md): options, drafts, submission, review. */
export const endorsementRoutes = {
  getEndorsementOptions: getEndorsementOptionsRoute,
  createEndorsement: createEndorsementRoute,
  getEndorsement: getEndorsementRoute,
  listMyEndorsements: listMyEndorsementsRoute,
  listCustomerEndorsements: listCustomerEndorsementsRoute,
  sendEndorsementPhoneCode: sendEndorsementPhoneCodeRoute,
  submitEndorsement: submitEndorsementRoute,
  cancelEndorsement: cancelEndorsementRoute,
  listEndorsementReviews: listEndorsementReviewsRoute,
  decideEndorsement: decideEndorsementRoute,
  prepareCounterEndorsement: prepareCounterEndorsementRoute,
  submitCounterEndorsement: submitCounterEndorsementRoute,
  cancelCounterEndorsement: cancelCounterEndorsementRoute,
} as const satisfies Record<string, RouteSpec>;
