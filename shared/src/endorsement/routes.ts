import type { RouteSpec } from '../api/route-spec';
import {
  CancelEndorsementRequestSchema,
  CreateEndorsementRequestSchema,
  DecideEndorsementRequestSchema,
  EndorsementApplicationSchema,
  EndorsementListResponseSchema,
  EndorsementOptionsSchema,
  EndorsementReviewQueueSchema,
  SendPhoneCodeResponseSchema,
  SubmitEndorsementRequestSchema,
} from './application';

/** Endorsements (保全; docs/endorsements.md): options, drafts, submission, review. */
export const endorsementRoutes = {
  getEndorsementOptions: {
    method: 'GET',
    path: '/policies/{policyNo}/endorsements/options',
    auth: 'user',
    response: EndorsementOptionsSchema,
  },
  createEndorsement: {
    method: 'POST',
    path: '/policies/{policyNo}/endorsements',
    auth: 'user',
    request: CreateEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  getEndorsement: {
    method: 'GET',
    path: '/endorsements/{applicationId}',
    auth: 'user',
    response: EndorsementApplicationSchema,
  },
  listMyEndorsements: {
    method: 'GET',
    path: '/me/endorsements',
    auth: 'user',
    response: EndorsementListResponseSchema,
  },
  listCustomerEndorsements: {
    method: 'GET',
    path: '/customers/{customerId}/endorsements',
    auth: 'user',
    response: EndorsementListResponseSchema,
  },
  sendEndorsementPhoneCode: {
    method: 'POST',
    path: '/endorsements/{applicationId}/phone-code',
    auth: 'user',
    response: SendPhoneCodeResponseSchema,
  },
  /** Loan, dividend withdrawal and surrender need an Idempotency-Key header. */
  submitEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/submit',
    auth: 'user',
    request: SubmitEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  cancelEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/cancel',
    auth: 'user',
    request: CancelEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  listEndorsementReviews: {
    method: 'GET',
    path: '/staff/endorsements',
    auth: 'user',
    response: EndorsementReviewQueueSchema,
  },
  decideEndorsement: {
    method: 'POST',
    path: '/staff/endorsements/{applicationId}/decision',
    auth: 'user',
    request: DecideEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
} as const satisfies Record<string, RouteSpec>;
