import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { answerAssistantMessage, assistantDeps } from '../use-cases/assistant/answer-assistant-message';

export const handler = httpHandler(routes.sendAssistantMessage, ({ auth, body, container }) =>
  answerAssistantMessage(assistantDeps(container), auth, body),
);
