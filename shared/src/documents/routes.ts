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

/** Electronic documents (电子批单): 我的批单, signing by the policyholder, delivery, audit, public verification. */
export const documentRoutes = {
  listMyDocuments: {
    method: 'GET',
    path: '/me/documents',
    auth: 'user',
    response: responds<typeof DocumentListResponseSchema>(),
  },
  getDocument: {
    method: 'GET',
    path: '/documents/{documentId}',
    auth: 'user',
    response: responds<typeof DocumentDetailSchema>(),
  },
  createSignatureUpload: {
    method: 'POST',
    path: '/documents/{documentId}/signature-upload',
    auth: 'user',
    response: responds<typeof SignatureUploadResponseSchema>(),
  },
  signDocument: {
    method: 'POST',
    path: '/documents/{documentId}/signature',
    auth: 'user',
    request: SignDocumentRequestSchema,
    response: responds<typeof DocumentDetailSchema>(),
  },
  getDocumentLink: {
    method: 'GET',
    path: '/documents/{documentId}/file',
    auth: 'user',
    response: responds<typeof DocumentLinkResponseSchema>(),
  },
  getDocumentAuditTrail: {
    method: 'GET',
    path: '/documents/{documentId}/audit-trail',
    auth: 'user',
    response: responds<typeof AuditTrailResponseSchema>(),
  },
  exportAuditCertificate: {
    method: 'POST',
    path: '/documents/{documentId}/audit-certificate',
    auth: 'user',
    response: responds<typeof DocumentLinkResponseSchema>(),
  },
  listCustomerDocuments: {
    method: 'GET',
    path: '/customers/{customerId}/documents',
    auth: 'user',
    response: responds<typeof DocumentListResponseSchema>(),
  },
  verifyDocument: {
    method: 'POST',
    path: '/documents/verify',
    auth: 'public',
    request: VerifyDocumentRequestSchema,
    response: responds<typeof VerifyDocumentResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
