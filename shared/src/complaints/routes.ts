import type * as z from 'zod/mini';
import { type RouteSpec, responds } from '../api/route-spec';
import type { AttachmentLinksSchema, UploadTicketSchema } from '../uploads/attachments';
import type { ComplaintReportSchema } from './report';
import {
  type ComplaintDetailSchema,
  type ComplaintListResponseSchema,
  type ComplaintQueueResponseSchema,
  ExtendComplaintRequestSchema,
  FileComplaintForCustomerRequestSchema,
  FileComplaintRequestSchema,
  JoinComplaintRequestSchema,
  RateComplaintRequestSchema,
  ReclassifyComplaintRequestSchema,
  RecordComplaintStepRequestSchema,
  RecordCustomerWaitRequestSchema,
  ReopenComplaintRequestSchema,
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
    response: responds<typeof ComplaintDetailSchema>(),
  },
  /**
   * One photo's upload for a complaint about to be filed (the customer, their agent, a seat): a
   * presigned PUT to a key of the caller's own; `photos` of the filing names it.
   */
  createComplaintPhotoUpload: {
    method: 'POST',
    path: '/complaints/photo-uploads',
    auth: 'user',
    response: responds<typeof UploadTicketSchema>(),
  },
  /** Short-lived links to a complaint's photos, for whoever may read it; staff views are audited. */
  listComplaintPhotos: {
    method: 'GET',
    path: '/complaints/{complaintId}/photos',
    auth: 'user',
    response: responds<typeof AttachmentLinksSchema>(),
  },
  listMyComplaints: {
    method: 'GET',
    path: '/me/complaints',
    auth: 'user',
    response: responds<typeof ComplaintListResponseSchema>(),
  },
  /** An agent's (or staff member's) view of one customer's complaints. */
  listCustomerComplaints: {
    method: 'GET',
    path: '/customers/{customerId}/complaints',
    auth: 'user',
    response: responds<typeof ComplaintListResponseSchema>(),
  },
  /** An agent files for an assigned customer, or a seat for a caller of their branch subtree. */
  fileComplaintForCustomer: {
    method: 'POST',
    path: '/customers/{customerId}/complaints',
    auth: 'user',
    request: FileComplaintForCustomerRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  getComplaint: {
    method: 'GET',
    path: '/complaints/{complaintId}',
    auth: 'user',
    response: responds<typeof ComplaintDetailSchema>(),
  },
  /** The complainant rates a decided complaint, once. */
  rateComplaint: {
    method: 'POST',
    path: '/complaints/{complaintId}/rating',
    auth: 'user',
    request: RateComplaintRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  /** The complainant re-opens a decided complaint within 30 days: the answer is the new complaint. */
  reopenComplaint: {
    method: 'POST',
    path: '/complaints/{complaintId}/reopen',
    auth: 'user',
    request: ReopenComplaintRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  listComplaintQueue: {
    method: 'GET',
    path: '/staff/complaints',
    auth: 'user',
    response: responds<typeof ComplaintQueueResponseSchema>(),
  },
  claimComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/claim',
    auth: 'user',
    response: responds<typeof ComplaintDetailSchema>(),
  },
  recordComplaintStep: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/steps',
    auth: 'user',
    request: RecordComplaintStepRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  reclassifyComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/classification',
    auth: 'user',
    request: ReclassifyComplaintRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  extendComplaint: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/extension',
    auth: 'user',
    request: ExtendComplaintRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  recordCustomerWait: {
    method: 'POST',
    path: '/staff/complaints/{complaintId}/customer-wait',
    auth: 'user',
    request: RecordCustomerWaitRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
  /** The complaints report of the reader's subtree over `?from&to` (YYYY-MM-DD, at most 366 days). */
  getComplaintReport: {
    method: 'GET',
    path: '/staff/complaints/report',
    auth: 'user',
    response: responds<typeof ComplaintReportSchema>(),
  },
  /** The same report as CSV (UTF-8 with BOM, CRLF), branches and figures only. */
  exportComplaintReport: {
    method: 'GET',
    path: '/staff/complaints/report.csv',
    auth: 'user',
    response: responds<z.ZodMiniString>(),
  },
  /** An executive of the subtree joins a complaint: comments, asks for an update, or assigns it. */
  joinComplaint: {
    method: 'POST',
    path: '/complaints/{complaintId}/oversight',
    auth: 'user',
    request: JoinComplaintRequestSchema,
    response: responds<typeof ComplaintDetailSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
