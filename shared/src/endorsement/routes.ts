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

/** Endorsements (保全; docs/endorsements.md): options, drafts, submission, review. */
export const endorsementRoutes = {
  getEndorsementOptions: {
    method: 'GET',
    path: '/policies/{policyNo}/endorsements/options',
    auth: 'user',
    response: responds<typeof EndorsementOptionsSchema>(),
  },
  createEndorsement: {
    method: 'POST',
    path: '/policies/{policyNo}/endorsements',
    auth: 'user',
    request: CreateEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  getEndorsement: {
    method: 'GET',
    path: '/endorsements/{applicationId}',
    auth: 'user',
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  listMyEndorsements: {
    method: 'GET',
    path: '/me/endorsements',
    auth: 'user',
    response: responds<typeof EndorsementListResponseSchema>(),
  },
  listCustomerEndorsements: {
    method: 'GET',
    path: '/customers/{customerId}/endorsements',
    auth: 'user',
    response: responds<typeof EndorsementListResponseSchema>(),
  },
  sendEndorsementPhoneCode: {
    method: 'POST',
    path: '/endorsements/{applicationId}/phone-code',
    auth: 'user',
    response: responds<typeof SendPhoneCodeResponseSchema>(),
  },
  /** Loan, dividend withdrawal and surrender need an Idempotency-Key header. */
  submitEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/submit',
    auth: 'user',
    request: SubmitEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  cancelEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/cancel',
    auth: 'user',
    request: CancelEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  listEndorsementReviews: {
    method: 'GET',
    path: '/staff/endorsements',
    auth: 'user',
    response: responds<typeof EndorsementReviewQueueSchema>(),
  },
  decideEndorsement: {
    method: 'POST',
    path: '/staff/endorsements/{applicationId}/decision',
    auth: 'user',
    request: DecideEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  /**
   * Staff of the policy's branch subtree process a matter themselves on the strength of an approved
   * video authorisation (柜面代办, docs/authorisations.md): prepared verified and signed on the
   * reviewed recording, then submitted (money matters with an Idempotency-Key header) or withdrawn.
   */
  prepareCounterEndorsement: {
    method: 'POST',
    path: '/staff/authorisations/{authorisationId}/policies/{policyNo}/endorsements',
    auth: 'user',
    request: CreateEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  submitCounterEndorsement: {
    method: 'POST',
    path: '/staff/authorisations/{authorisationId}/endorsements/{applicationId}/submit',
    auth: 'user',
    request: SubmitEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
  /** Staff withdraw an application they prepared at the counter, until it is submitted. */
  cancelCounterEndorsement: {
    method: 'POST',
    path: '/staff/authorisations/{authorisationId}/endorsements/{applicationId}/cancel',
    auth: 'user',
    request: CancelEndorsementRequestSchema,
    response: responds<typeof EndorsementApplicationSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
