import type { complaintRoutes } from '@zhixiang/shared/complaints/routes';
import {
  agentsCustomer,
  type CasesFor,
  customersOnly,
  OWNER_POLICY,
  signedIn,
  staffOnly,
} from '../support/authorisation-matrix';

/** A well-formed reference number nobody filed. */
const NO_SUCH_COMPLAINT = 'TS20261125000000';

export const complaintCases: CasesFor<typeof complaintRoutes> = {
  // Complaints (投诉工单): a customer files about their own policy; another's policy is the 404 of a
  // policy that does not exist; agents and staff do not file here (403).
  fileComplaint: {
    method: 'POST',
    path: '/complaints',
    body: {
      category: 'claims',
      description: '理赔材料提交后两周没有任何进度',
      policyNo: OWNER_POLICY,
      preferredContactTime: 'any',
    },
    expected: { ...signedIn(403), owner: 201, anotherCustomer: 404 },
  },
  // A photo's upload for a complaint about to be filed: the customer, an agent, a seat (each stages
  // under their own folder); executives file nothing (403). Upload → filing → viewing:
  // functions/test/complaints/photos.test.ts.
  createComplaintPhotoUpload: {
    method: 'POST',
    path: '/complaints/photo-uploads',
    expected: { ...signedIn(200), executive: 403 },
  },
  // The complaint's own access rule: a complaint out of reach is the 404 of one nobody filed.
  listComplaintPhotos: {
    method: 'GET',
    path: `/complaints/${NO_SUCH_COMPLAINT}/photos`,
    expected: { ...signedIn(404), executive: 404 },
  },
  listMyComplaints: { method: 'GET', path: '/me/complaints', expected: customersOnly(200) },
  // Agents only their own customers'; Beijing staff do not reach a Shanghai customer (404).
  listCustomerComplaints: {
    method: 'GET',
    path: '/customers/C001/complaints',
    ownerUserId: 'demo-agent-a001',
    expected: agentsCustomer(200),
  },
  // An agent files for their own customer; an unassigned agent and Beijing staff get the 404 of a
  // customer that does not exist; customers file through fileComplaint (403 here).
  fileComplaintForCustomer: {
    method: 'POST',
    path: '/customers/C001/complaints',
    ownerUserId: 'demo-agent-a001',
    body: {
      category: 'service_attitude',
      description: '客户来电反映柜面人员态度生硬，未解释退保损失',
      policyNo: OWNER_POLICY,
      preferredContactTime: 'afternoon',
    },
    expected: agentsCustomer(201),
  },
  // Real complaints seen by their customer, agent and staff are covered in functions/test/complaints/.
  getComplaint: {
    method: 'GET',
    path: `/complaints/${NO_SUCH_COMPLAINT}`,
    // Executives read their subtree's complaints.
    expected: { ...signedIn(404), executive: 404 },
  },
  // Only the complainant rates or re-opens (agents and staff 403); rating and re-opening a real
  // complaint, and another customer's 404, are covered in functions/test/complaints/.
  rateComplaint: {
    method: 'POST',
    path: `/complaints/${NO_SUCH_COMPLAINT}/rating`,
    body: { score: 5 },
    expected: customersOnly(404),
  },
  reopenComplaint: {
    method: 'POST',
    path: `/complaints/${NO_SUCH_COMPLAINT}/reopen`,
    body: { reason: '答复没有解决我的问题，仍未收到理赔款' },
    expected: customersOnly(404),
  },
  // Executives read their subtree's queue too.
  listComplaintQueue: {
    method: 'GET',
    path: '/staff/complaints',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  claimComplaint: {
    method: 'POST',
    path: `/staff/complaints/${NO_SUCH_COMPLAINT}/claim`,
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(404),
  },
  recordComplaintStep: {
    method: 'POST',
    path: `/staff/complaints/${NO_SUCH_COMPLAINT}/steps`,
    ownerUserId: 'demo-staff-sh',
    body: { step: 'contacted', note: '已电话联系客户' },
    expected: staffOnly(404),
  },
  reclassifyComplaint: {
    method: 'POST',
    path: `/staff/complaints/${NO_SUCH_COMPLAINT}/classification`,
    ownerUserId: 'demo-staff-sh',
    body: { category: 'sales_misleading', severity: 'urgent', reason: '客户反映销售时承诺保本' },
    expected: staffOnly(404),
  },
  extendComplaint: {
    method: 'POST',
    path: `/staff/complaints/${NO_SUCH_COMPLAINT}/extension`,
    ownerUserId: 'demo-staff-sh',
    body: { limitDays: 30, reason: '需调取销售录音录像核实' },
    expected: staffOnly(404),
  },
  recordCustomerWait: {
    method: 'POST',
    path: `/staff/complaints/${NO_SUCH_COMPLAINT}/customer-wait`,
    ownerUserId: 'demo-staff-sh',
    body: { waiting: true, note: '等待客户补充材料' },
    expected: staffOnly(404),
  },
  // The report and its CSV: staff and executives read their own subtree's (Beijing staff theirs);
  // customers and agents 403.
  getComplaintReport: {
    method: 'GET',
    path: '/staff/complaints/report',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  exportComplaintReport: {
    method: 'GET',
    path: '/staff/complaints/report.csv',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  // Only executives join a complaint (督办); one that does not exist is their 404. Joining a real one,
  // and another subtree's 404, are covered in functions/test/complaints/.
  joinComplaint: {
    method: 'POST',
    path: `/complaints/${NO_SUCH_COMPLAINT}/oversight`,
    body: { action: 'request_update', note: '请今天内联系客户并反馈进展' },
    expected: { ...signedIn(403), executive: 404 },
  },
};
