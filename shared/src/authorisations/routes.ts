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

export const createAuthorisationRoute = {
  method: 'POST',
  path: '/me/authorisations',
  auth: 'user',
  request: PowerOfAttorneyInputSchema,
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const listMyAuthorisationsRoute = {
  method: 'GET',
  path: '/me/authorisations',
  auth: 'user',
  response: responds<typeof AuthorisationListSchema>(),
} as const satisfies RouteSpec;

export const getMyAuthorisationRoute = {
  method: 'GET',
  path: '/me/authorisations/{authorisationId}',
  auth: 'user',
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const updateAuthorisationRoute = {
  method: 'PUT',
  path: '/me/authorisations/{authorisationId}',
  auth: 'user',
  request: PowerOfAttorneyInputSchema,
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const revokeAuthorisationRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/revoke',
  auth: 'user',
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const consentToAuthorisationRecordingRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/consent',
  auth: 'user',
  request: ConsentRequestSchema,
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const createAuthorisationDocumentUploadRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/document-photo/upload',
  auth: 'user',
  response: responds<typeof DocumentPhotoTicketSchema>(),
} as const satisfies RouteSpec;

export const checkAuthorisationDocumentPhotoRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/document-photo',
  auth: 'user',
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const startAuthorisationVideoUploadRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/video',
  auth: 'user',
  request: StartVideoUploadRequestSchema,
  response: responds<typeof VideoUploadSchema>(),
} as const satisfies RouteSpec;

export const getAuthorisationVideoUploadRoute = {
  method: 'GET',
  path: '/me/authorisations/{authorisationId}/video',
  auth: 'user',
  response: responds<typeof VideoUploadSchema>(),
} as const satisfies RouteSpec;

export const presignAuthorisationVideoPartsRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/video/part-urls',
  auth: 'user',
  request: PresignVideoPartsRequestSchema,
  response: responds<typeof PartUrlsSchema>(),
} as const satisfies RouteSpec;

export const recordAuthorisationVideoPartRoute = {
  method: 'PUT',
  path: '/me/authorisations/{authorisationId}/video/parts/{partNumber}',
  auth: 'user',
  request: RecordVideoPartRequestSchema,
  response: responds<typeof VideoUploadSchema>(),
} as const satisfies RouteSpec;

export const completeAuthorisationVideoRoute = {
  method: 'POST',
  path: '/me/authorisations/{authorisationId}/video/complete',
  auth: 'user',
  response: responds<typeof AuthorisationViewSchema>(),
} as const satisfies RouteSpec;

export const listAuthorisationReviewsRoute = {
  method: 'GET',
  path: '/staff/authorisations',
  auth: 'user',
  response: responds<typeof ReviewListSchema>(),
} as const satisfies RouteSpec;

export const getAuthorisationReviewRoute = {
  method: 'GET',
  path: '/staff/authorisations/{authorisationId}',
  auth: 'user',
  response: responds<typeof ReviewViewSchema>(),
} as const satisfies RouteSpec;

export const decideAuthorisationRoute = {
  method: 'POST',
  path: '/staff/authorisations/{authorisationId}/decision',
  auth: 'user',
  request: DecideAuthorisationRequestSchema,
  response: responds<typeof ReviewViewSchema>(),
} as const satisfies RouteSpec;

/** The trustee, signed in with their own WeChat: a code to the phone recorded for them. */
export const sendTrusteeBindCodeRoute = {
  method: 'POST',
  path: '/trustee/authorisations/code',
  auth: 'user',
  request: TrusteeBindCodeRequestSchema,
  response: responds<typeof TrusteeBindCodeResponseSchema>(),
} as const satisfies RouteSpec;

export const bindTrusteeRoute = {
  method: 'POST',
  path: '/trustee/authorisations',
  auth: 'user',
  request: TrusteeBindRequestSchema,
  response: responds<typeof TrusteeAuthorisationSchema>(),
} as const satisfies RouteSpec;

export const listTrusteeAuthorisationsRoute = {
  method: 'GET',
  path: '/trustee/authorisations',
  auth: 'user',
  response: responds<typeof TrusteeAuthorisationListSchema>(),
} as const satisfies RouteSpec;

/**
 * Video authorisations (境外客户录像授权): an overseas policyholder fills in a power of attorney,
 * consents separately to the recording, uploads their document's photo page and a video of
 * themselves reading the generated script (multipart, resumable), which is checked and submitted
 * for review. Staff of the branch subtree holding the policies review: the recording beside the
 * script and the fields, a checklist, approve or reject with a reason. A customer reaches only
 * their own authorisations.
 */
export const authorisationRoutes = {
  createAuthorisation: createAuthorisationRoute,
  listMyAuthorisations: listMyAuthorisationsRoute,
  getMyAuthorisation: getMyAuthorisationRoute,
  updateAuthorisation: updateAuthorisationRoute,
  revokeAuthorisation: revokeAuthorisationRoute,
  consentToAuthorisationRecording: consentToAuthorisationRecordingRoute,
  createAuthorisationDocumentUpload: createAuthorisationDocumentUploadRoute,
  checkAuthorisationDocumentPhoto: checkAuthorisationDocumentPhotoRoute,
  startAuthorisationVideoUpload: startAuthorisationVideoUploadRoute,
  getAuthorisationVideoUpload: getAuthorisationVideoUploadRoute,
  presignAuthorisationVideoParts: presignAuthorisationVideoPartsRoute,
  recordAuthorisationVideoPart: recordAuthorisationVideoPartRoute,
  completeAuthorisationVideo: completeAuthorisationVideoRoute,
  listAuthorisationReviews: listAuthorisationReviewsRoute,
  getAuthorisationReview: getAuthorisationReviewRoute,
  decideAuthorisation: decideAuthorisationRoute,
  sendTrusteeBindCode: sendTrusteeBindCodeRoute,
  bindTrustee: bindTrusteeRoute,
  listTrusteeAuthorisations: listTrusteeAuthorisationsRoute,
} as const satisfies Record<string, RouteSpec>;
