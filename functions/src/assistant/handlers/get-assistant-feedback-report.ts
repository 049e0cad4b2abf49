import { FeedbackReportQuerySchema } from '@zhixiang/shared/assistant/feedback-report';
import { getAssistantFeedbackReportRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getAssistantFeedbackReport } from '../use-cases/get-assistant-feedback-report';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  getAssistantFeedbackReportRoute,
  assistantWiring,
  ({ query, deps }) =>
    getAssistantFeedbackReport(
      deps,
      parseBody(FeedbackReportQuerySchema, { from: query.from, to: query.to }),
    ),
  { roles: ['staff', 'admin'] },
);
