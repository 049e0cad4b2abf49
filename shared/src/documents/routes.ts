import type { RouteSpec } from '../api/route-spec';
import {
  AuditTrailResponseSchema,
  DocumentDetailSchema,
  DocumentLinkResponseSchema,
  DocumentListResponseSchema,
  SignatureUploadResponseSchema,
  SignDocumentRequestSchema,
  VerifyDocumentRequestSchema,
  VerifyDocumentResponseSchema,
} from './schemas';

/** Electronic documents (电子批单): 我的批单, signing by the policyholder, delivery, audit, public verification. */
export const documentRoutes = {
  listMyDocuments: {
    method: 'GET',
    path: '/me/documents',
    auth: 'user',
    response: DocumentListResponseSchema,
  },
  getDocument: {
    method: 'GET',
    path: '/documents/{documentId}',
    auth: 'user',
    response: DocumentDetailSchema,
  },
  createSignatureUpload: {
    method: 'POST',
    path: '/documents/{documentId}/signature-upload',
    auth: 'user',
    response: SignatureUploadResponseSchema,
  },
  signDocument: {
    method: 'POST',
    path: '/documents/{documentId}/signature',
    auth: 'user',
    request: SignDocumentRequestSchema,
    response: DocumentDetailSchema,
  },
  getDocumentLink: {
    method: 'GET',
    path: '/documents/{documentId}/file',
    auth: 'user',
    response: DocumentLinkResponseSchema,
  },
  getDocumentAuditTrail: {
    method: 'GET',
    path: '/documents/{documentId}/audit-trail',
    auth: 'user',
    response: AuditTrailResponseSchema,
  },
  exportAuditCertificate: {
    method: 'POST',
    path: '/documents/{documentId}/audit-certificate',
    auth: 'user',
    response: DocumentLinkResponseSchema,
  },
  listCustomerDocuments: {
    method: 'GET',
    path: '/customers/{customerId}/documents',
    auth: 'user',
    response: DocumentListResponseSchema,
  },
  verifyDocument: {
    method: 'POST',
    path: '/documents/verify',
    auth: 'public',
    request: VerifyDocumentRequestSchema,
    response: VerifyDocumentResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
