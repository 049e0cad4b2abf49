import { assistantRoutes } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { rateAssistantAnswer } from '../use-cases/rate-assistant-answer';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  assistantRoutes.rateAssistantAnswer,
  assistantWiring,
  ({ auth, body, deps }) => rateAssistantAnswer(deps, auth, body),
);
