import type { RouteSpec } from '../api/route-spec';
import {
  ComplaintDetailSchema,
  ComplaintListResponseSchema,
  ComplaintQueueResponseSchema,
  ExtendComplaintRequestSchema,
  FileComplaintRequestSchema,
  ReclassifyComplaintRequestSchema,
  RecordComplaintStepRequestSchema,
  RecordCustomerWaitRequestSchema,
} from './schemas';

/**
 * Complaints (投诉工单): the customer files and follows their complaints; staff of the branch
 * subtree work the queue (claim, contact, response, decision); the assigned agent reads.
 */
export const complaintRoutes = {
  fileComplaint: {
    method: 'POST',
    path: '/complaints',
    auth: 'user',
    request: FileComplaintRequestSchema,
    response: ComplaintDetailSchema,
  },
  listMyComplaints: {
    method: 'GET',
    path: '/me/complaints',
    auth: 'user',
    response: ComplaintListResponseSchema,
  },
  /** An agent's (or staff member's) view of one customer's complaints. */
  listCustomerComplaints: {
    method: 'GET',
    path: '/customers/{customerId}/complaints',
    auth: 'user',
    response: ComplaintListResponseSchema,
  },
  getComplaint: {
    method: 'GET',
    path: '/complaints/{complaintId}',
    auth: 'user',
    response: ComplaintDetailSchema,
  },
  listComplaintQueue: {
    method: 'GET',
    path: '/staff/complaints',
    auth: 'user',
    response: ComplaintQueueResponseSchema,
  },
  claimComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/claim',
    auth: 'user',
    response: ComplaintDetailSchema,
  },
  recordComplaintStep: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/steps',
    auth: 'user',
    request: RecordComplaintStepRequestSchema,
    response: ComplaintDetailSchema,
  },
  reclassifyComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/classification',
    auth: 'user',
    request: ReclassifyComplaintRequestSchema,
    response: ComplaintDetailSchema,
  },
  extendComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/extension',
    auth: 'user',
    request: ExtendComplaintRequestSchema,
    response: ComplaintDetailSchema,
  },
  recordCustomerWait: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/customer-wait',
    auth: 'user',
    request: RecordCustomerWaitRequestSchema,
    response: ComplaintDetailSchema,
  },
} as const satisfies Record<string, RouteSpec>;
