import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { rateAssistantAnswer } from '../use-cases/rate-assistant-answer';

export const handler = httpHandler(routes.rateAssistantAnswer, ({ auth, body, container }) =>
  rateAssistantAnswer(container, auth, body),
);
