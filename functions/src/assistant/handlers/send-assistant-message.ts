import { assistantRoutes } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { answerAssistantMessage } from '../use-cases/answer-assistant-message';
import { assistantWiring } from '../wiring';
import { assistantDeps } from '../wiring-chat';

export const handler = httpHandler(
  assistantRoutes.sendAssistantMessage,
  assistantWiring,
  ({ auth, body, deps }) => answerAssistantMessage(assistantDeps(deps), auth, body),
);
