import { type RouteSpec, responds } from '../api/route-spec';
import {
  type AuditTrailResponseSchema,
  type DocumentDetailSchema,
  type DocumentLinkResponseSchema,
  type DocumentListResponseSchema,
  type SignatureUploadResponseSchema,
  SignDocumentRequestSchema,
  VerifyDocumentRequestSchema,
  type VerifyDocumentResponseSchema,
} from './schemas';

export const listMyDocumentsRoute = {
  method: 'GET',
  path: '/me/documents',
  auth: 'user',
  response: responds<typeof DocumentListResponseSchema>(),
} as const satisfies RouteSpec;

export const getDocumentRoute = {
  method: 'GET',
  path: '/documents/{documentId}',
  auth: 'user',
  response: responds<typeof DocumentDetailSchema>(),
} as const satisfies RouteSpec;

export const createSignatureUploadRoute = {
  method: 'POST',
  path: '/documents/{documentId}/signature-upload',
  auth: 'user',
  response: responds<typeof SignatureUploadResponseSchema>(),
} as const satisfies RouteSpec;

export const signDocumentRoute = {
  method: 'POST',
  path: '/documents/{documentId}/signature',
  auth: 'user',
  request: SignDocumentRequestSchema,
  response: responds<typeof DocumentDetailSchema>(),
} as const satisfies RouteSpec;

export const getDocumentLinkRoute = {
  method: 'GET',
  path: '/documents/{documentId}/file',
  auth: 'user',
  response: responds<typeof DocumentLinkResponseSchema>(),
} as const satisfies RouteSpec;

export const getDocumentAuditTrailRoute = {
  method: 'GET',
  path: '/documents/{documentId}/audit-trail',
  auth: 'user',
  response: responds<typeof AuditTrailResponseSchema>(),
} as const satisfies RouteSpec;

export const exportAuditCertificateRoute = {
  method: 'POST',
  path: '/documents/{documentId}/audit-certificate',
  auth: 'user',
  response: responds<typeof DocumentLinkResponseSchema>(),
} as const satisfies RouteSpec;

export const listCustomerDocumentsRoute = {
  method: 'GET',
  path: '/customers/{customerId}/documents',
  auth: 'user',
  response: responds<typeof DocumentListResponseSchema>(),
} as const satisfies RouteSpec;

export const verifyDocumentRoute = {
  method: 'POST',
  path: '/documents/verify',
  auth: 'public',
  request: VerifyDocumentRequestSchema,
  response: responds<typeof VerifyDocumentResponseSchema>(),
} as const satisfies RouteSpec;

/** Electronic documents (电子批单): 我的批单, signing by the policyholder, delivery, audit, public verification. */
export const documentRoutes = {
  listMyDocuments: listMyDocumentsRoute,
  getDocument: getDocumentRoute,
  createSignatureUpload: createSignatureUploadRoute,
  signDocument: signDocumentRoute,
  getDocumentLink: getDocumentLinkRoute,
  getDocumentAuditTrail: getDocumentAuditTrailRoute,
  exportAuditCertificate: exportAuditCertificateRoute,
  listCustomerDocuments: listCustomerDocumentsRoute,
  verifyDocument: verifyDocumentRoute,
} as const satisfies Record<string, RouteSpec>;
