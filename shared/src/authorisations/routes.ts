import { type RouteSpec, responds } from '../api/route-spec';
import { PowerOfAttorneyInputSchema } from './power-of-attorney';
import {
  type AuthorisationListSchema,
  type AuthorisationViewSchema,
  ConsentRequestSchema,
  DecideAuthorisationRequestSchema,
  type DocumentPhotoTicketSchema,
  type PartUrlsSchema,
  PresignVideoPartsRequestSchema,
  RecordVideoPartRequestSchema,
  type ReviewListSchema,
  type ReviewViewSchema,
  StartVideoUploadRequestSchema,
  type VideoUploadSchema,
} from './schemas';
import {
  type TrusteeAuthorisationListSchema,
  type TrusteeAuthorisationSchema,
  TrusteeBindCodeRequestSchema,
  type TrusteeBindCodeResponseSchema,
  TrusteeBindRequestSchema,
} from './trustee';

/**
 * Video authorisations (境外客户录像授权): an overseas policyholder fills in a power of attorney,
 * consents separately to the recording, uploads their document's photo page and a video of
 * themselves reading the generated script (multipart, resumable), which is checked and submitted
 * for review. Staff of the branch subtree holding the policies review: the recording beside the
 * script and the fields, a checklist, approve or reject with a reason. A customer reaches only
 * their own authorisations.
 */
export const authorisationRoutes = {
  createAuthorisation: {
    method: 'POST',
    path: '/me/authorisations',
    auth: 'user',
    request: PowerOfAttorneyInputSchema,
    response: responds<typeof AuthorisationViewSchema>(),
  },
  listMyAuthorisations: {
    method: 'GET',
    path: '/me/authorisations',
    auth: 'user',
    response: responds<typeof AuthorisationListSchema>(),
  },
  getMyAuthorisation: {
    method: 'GET',
    path: '/me/authorisations/{authorisationId}',
    auth: 'user',
    response: responds<typeof AuthorisationViewSchema>(),
  },
  updateAuthorisation: {
    method: 'PUT',
    path: '/me/authorisations/{authorisationId}',
    auth: 'user',
    request: PowerOfAttorneyInputSchema,
    response: responds<typeof AuthorisationViewSchema>(),
  },
  revokeAuthorisation: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/revoke',
    auth: 'user',
    response: responds<typeof AuthorisationViewSchema>(),
  },
  consentToAuthorisationRecording: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/consent',
    auth: 'user',
    request: ConsentRequestSchema,
    response: responds<typeof AuthorisationViewSchema>(),
  },
  createAuthorisationDocumentUpload: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/document-photo/upload',
    auth: 'user',
    response: responds<typeof DocumentPhotoTicketSchema>(),
  },
  checkAuthorisationDocumentPhoto: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/document-photo',
    auth: 'user',
    response: responds<typeof AuthorisationViewSchema>(),
  },
  startAuthorisationVideoUpload: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/video',
    auth: 'user',
    request: StartVideoUploadRequestSchema,
    response: responds<typeof VideoUploadSchema>(),
  },
  getAuthorisationVideoUpload: {
    method: 'GET',
    path: '/me/authorisations/{authorisationId}/video',
    auth: 'user',
    response: responds<typeof VideoUploadSchema>(),
  },
  presignAuthorisationVideoParts: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/video/part-urls',
    auth: 'user',
    request: PresignVideoPartsRequestSchema,
    response: responds<typeof PartUrlsSchema>(),
  },
  recordAuthorisationVideoPart: {
    method: 'PUT',
    path: '/me/authorisations/{authorisationId}/video/parts/{partNumber}',
    auth: 'user',
    request: RecordVideoPartRequestSchema,
    response: responds<typeof VideoUploadSchema>(),
  },
  completeAuthorisationVideo: {
    method: 'POST',
    path: '/me/authorisations/{authorisationId}/video/complete',
    auth: 'user',
    response: responds<typeof AuthorisationViewSchema>(),
  },
  listAuthorisationReviews: {
    method: 'GET',
    path: '/staff/authorisations',
    auth: 'user',
    response: responds<typeof ReviewListSchema>(),
  },
  getAuthorisationReview: {
    method: 'GET',
    path: '/staff/authorisations/{authorisationId}',
    auth: 'user',
    response: responds<typeof ReviewViewSchema>(),
  },
  decideAuthorisation: {
    method: 'POST',
    path: '/staff/authorisations/{authorisationId}/decision',
    auth: 'user',
    request: DecideAuthorisationRequestSchema,
    response: responds<typeof ReviewViewSchema>(),
  },
  /** The trustee, signed in with their own WeChat: a code to the phone recorded for them. */
  sendTrusteeBindCode: {
    method: 'POST',
    path: '/trustee/authorisations/code',
    auth: 'user',
    request: TrusteeBindCodeRequestSchema,
    response: responds<typeof TrusteeBindCodeResponseSchema>(),
  },
  bindTrustee: {
    method: 'POST',
    path: '/trustee/authorisations',
    auth: 'user',
    request: TrusteeBindRequestSchema,
    response: responds<typeof TrusteeAuthorisationSchema>(),
  },
  listTrusteeAuthorisations: {
    method: 'GET',
    path: '/trustee/authorisations',
    auth: 'user',
    response: responds<typeof TrusteeAuthorisationListSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
