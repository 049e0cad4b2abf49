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

export const fileComplaintRoute = {
  method: 'POST',
  path: '/complaints',
  auth: 'user',
  request: FileComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

/**
 * One photo's upload for a complaint about to be filed (the customer, their agent, a seat): a
 * presigned PUT to a key of the caller's own; `photos` of the filing names it.
 */
export const createComplaintPhotoUploadRoute = {
  method: 'POST',
  path: '/complaints/photo-uploads',
  auth: 'user',
  response: responds<typeof UploadTicketSchema>(),
} as const satisfies RouteSpec;

/** Short-lived links to a complaint's photos, for whoever may read it; staff views are audited. */
export const listComplaintPhotosRoute = {
  method: 'GET',
  path: '/complaints/{complaintId}/photos',
  auth: 'user',
  response: responds<typeof AttachmentLinksSchema>(),
} as const satisfies RouteSpec;

export const listMyComplaintsRoute = {
  method: 'GET',
  path: '/me/complaints',
  auth: 'user',
  response: responds<typeof ComplaintListResponseSchema>(),
} as const satisfies RouteSpec;

/** An agent's (or staff member's) view of one customer's complaints. */
export const listCustomerComplaintsRoute = {
  method: 'GET',
  path: '/customers/{customerId}/complaints',
  auth: 'user',
  response: responds<typeof ComplaintListResponseSchema>(),
} as const satisfies RouteSpec;

/** An agent files for an assigned customer, or a seat for a caller of their branch subtree. */
export const fileComplaintForCustomerRoute = {
  method: 'POST',
  path: '/customers/{customerId}/complaints',
  auth: 'user',
  request: FileComplaintForCustomerRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const getComplaintRoute = {
  method: 'GET',
  path: '/complaints/{complaintId}',
  auth: 'user',
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

/** The complainant rates a decided complaint, once. */
export const rateComplaintRoute = {
  method: 'POST',
  path: '/complaints/{complaintId}/rating',
  auth: 'user',
  request: RateComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

/** The complainant re-opens a decided complaint within 30 days: the answer is the new complaint. */
export const reopenComplaintRoute = {
  method: 'POST',
  path: '/complaints/{complaintId}/reopen',
  auth: 'user',
  request: ReopenComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const listComplaintQueueRoute = {
  method: 'GET',
  path: '/staff/complaints',
  auth: 'user',
  response: responds<typeof ComplaintQueueResponseSchema>(),
} as const satisfies RouteSpec;

export const claimComplaintRoute = {
  method: 'POST',
  path: '/staff/complaints/{complaintId}/claim',
  auth: 'user',
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const recordComplaintStepRoute = {
  method: 'POST',
  path: '/staff/complaints/{complaintId}/steps',
  auth: 'user',
  request: RecordComplaintStepRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const reclassifyComplaintRoute = {
  method: 'POST',
  path: '/staff/complaints/{complaintId}/classification',
  auth: 'user',
  request: ReclassifyComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const extendComplaintRoute = {
  method: 'POST',
  path: '/staff/complaints/{complaintId}/extension',
  auth: 'user',
  request: ExtendComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

export const recordCustomerWaitRoute = {
  method: 'POST',
  path: '/staff/complaints/{complaintId}/customer-wait',
  auth: 'user',
  request: RecordCustomerWaitRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

/** The complaints report of the reader's subtree over `?from&to` (YYYY-MM-DD, at most 366 days). */
export const getComplaintReportRoute = {
  method: 'GET',
  path: '/staff/complaints/report',
  auth: 'user',
  response: responds<typeof ComplaintReportSchema>(),
} as const satisfies RouteSpec;

/** The same report as CSV (UTF-8 with BOM, CRLF), branches and figures only. */
export const exportComplaintReportRoute = {
  method: 'GET',
  path: '/staff/complaints/report.csv',
  auth: 'user',
  response: responds<z.ZodMiniString>(),
} as const satisfies RouteSpec;

/** An executive of the subtree joins a complaint: comments, asks for an update, or assigns it. */
export const joinComplaintRoute = {
  method: 'POST',
  path: '/complaints/{complaintId}/oversight',
  auth: 'user',
  request: JoinComplaintRequestSchema,
  response: responds<typeof ComplaintDetailSchema>(),
} as const satisfies RouteSpec;

/**
 * Complaints (投诉工单): the customer files and follows their complaints; staff of the branch
 * subtree work the queue (claim, contact, response, decision); the assigned agent reads.
 */
export const complaintRoutes = {
  fileComplaint: fileComplaintRoute,
  createComplaintPhotoUpload: createComplaintPhotoUploadRoute,
  listComplaintPhotos: listComplaintPhotosRoute,
  listMyComplaints: listMyComplaintsRoute,
  listCustomerComplaints: listCustomerComplaintsRoute,
  fileComplaintForCustomer: fileComplaintForCustomerRoute,
  getComplaint: getComplaintRoute,
  rateComplaint: rateComplaintRoute,
  reopenComplaint: reopenComplaintRoute,
  listComplaintQueue: listComplaintQueueRoute,
  claimComplaint: claimComplaintRoute,
  recordComplaintStep: recordComplaintStepRoute,
  reclassifyComplaint: reclassifyComplaintRoute,
  extendComplaint: extendComplaintRoute,
  recordCustomerWait: recordCustomerWaitRoute,
  getComplaintReport: getComplaintReportRoute,
  exportComplaintReport: exportComplaintReportRoute,
  joinComplaint: joinComplaintRoute,
} as const satisfies Record<string, RouteSpec>;
