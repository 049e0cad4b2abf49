import { routes } from '@zhixiang/shared/api/routes';
import { FeedbackReportQuerySchema } from '@zhixiang/shared/assistant/feedback-report';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getAssistantFeedbackReport } from '../use-cases/get-assistant-feedback-report';

export const handler = httpHandler(
  routes.getAssistantFeedbackReport,
  ({ query, container }) =>
    getAssistantFeedbackReport(
      container,
      parseBody(FeedbackReportQuerySchema, { from: query.from, to: query.to }),
    ),
  { roles: ['staff', 'admin'] },
);
