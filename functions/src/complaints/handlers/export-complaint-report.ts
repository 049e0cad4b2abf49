import { complaintReportCsv } from '@zhixiang/shared/complaints/report';
import { exportComplaintReportRoute } from '@zhixiang/shared/complaints/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getComplaintReport, parseReportPeriod } from '../use-cases/get-complaint-report';
import { complaintsWiring } from '../wiring';

/** 投诉报表 as CSV (UTF-8 with BOM, CRLF): the same readers and figures as the report. */
export const handler = httpHandler(
  exportComplaintReportRoute,
  complaintsWiring,
  async ({ auth, query, deps }) =>
    complaintReportCsv(await getComplaintReport(deps, auth, parseReportPeriod(query, deps.now()))),
  {
    roles: ['staff', 'executive', 'admin'],
    textResponse: { contentType: 'text/csv; charset=utf-8', filename: 'complaints-report.csv' },
  },
);
