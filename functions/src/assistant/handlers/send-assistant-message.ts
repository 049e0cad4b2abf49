import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { answerAssistantMessage, assistantDeps } from '../use-cases/answer-assistant-message';

export const handler = httpHandler(routes.sendAssistantMessage, ({ auth, body, container }) =>
  answerAssistantMessage(assistantDeps(container), auth, body),
);
