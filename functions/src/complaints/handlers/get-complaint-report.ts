import { getComplaintReportRoute } from '@zhixiang/shared/complaints/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getComplaintReport, parseReportPeriod } from '../use-cases/get-complaint-report';
import { complaintsWiring } from '../wiring';

/** 投诉报表: staff and executives for their branch subtree, admins for every branch. */
export const handler = httpHandler(
  getComplaintReportRoute,
  complaintsWiring,
  ({ auth, query, deps }) => getComplaintReport(deps, auth, parseReportPeriod(query, deps.now())),
  { roles: ['staff', 'executive', 'admin'] },
);
