import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { rateAssistantAnswer } from '../use-cases/assistant/rate-assistant-answer';

export const handler = httpHandler(routes.rateAssistantAnswer, ({ auth, body, container }) =>
  rateAssistantAnswer(container, auth, body),
);
