import type { documentRoutes } from '@zhixiang/shared/documents/routes';
import { DEMO_DOCUMENT_ID } from '../../src/seed/demo-documents';
import {
  agentsCustomer,
  all,
  type CasesFor,
  OUT_OF_REACH_FOR_EXECUTIVES,
  signedIn,
} from '../support/authorisation-matrix';

export const documentCases: CasesFor<typeof documentRoutes> = {
  // Electronic documents (电子批单): 张伟's demo document; only he, agent A001, Shanghai staff and admins open it.
  listMyDocuments: {
    method: 'GET',
    path: '/me/documents',
    expected: { ...signedIn(200), unassignedAgent: 403, otherBranchStaff: 403 },
  },
  getDocument: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}`,
    expected: { ...signedIn(404), owner: 200, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  createSignatureUpload: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/signature-upload`,
    expected: { ...signedIn(404), owner: 200, otherBranchStaff: 403 },
  },
  signDocument: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/signature`,
    // A content hash that is not the document's: refused before anything is read or written.
    body: { uploadId: '00000000-0000-4000-8000-000000000000', contentHash: '0'.repeat(64) },
    expected: { ...signedIn(404), owner: 409, otherBranchStaff: 403 },
  },
  getDocumentLink: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}/file`,
    expected: { ...signedIn(404), owner: 409, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  getDocumentAuditTrail: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}/audit-trail`,
    expected: { ...signedIn(404), owner: 200, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  exportAuditCertificate: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/audit-certificate`,
    expected: { ...signedIn(404), owner: 200, ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  listCustomerDocuments: {
    method: 'GET',
    path: '/customers/C001/documents',
    ownerUserId: 'demo-agent-a001',
    expected: { ...agentsCustomer(200), ...OUT_OF_REACH_FOR_EXECUTIVES },
  },
  verifyDocument: { method: 'POST', path: '/documents/verify', body: {}, expected: all(400) },
};
