import { sendAssistantMessageRoute } from '@zhixiang/shared/assistant/routes';
import { limitAddress } from '../../platform/http/address-limits';
import { httpHandler } from '../../platform/http/http-handler';
import { answerAssistantMessage } from '../use-cases/answer-assistant-message';
import { assistantWiring } from '../wiring';
import { assistantDeps } from '../wiring-chat';

const ANONYMOUS_QUESTIONS = [
  { per: 'minute', limit: 60, windowSeconds: 60 },
  { per: 'hour', limit: 1000, windowSeconds: 3600 },
] as const;

/** Signed in or not; a visitor without a token is limited per address. */
export const handler = httpHandler(
  sendAssistantMessageRoute,
  assistantWiring,
  async ({ auth, body, deps, sourceIp }) => {
    if (!auth) await limitAddress(deps, 'assistant-message', sourceIp, ANONYMOUS_QUESTIONS);
    return answerAssistantMessage(assistantDeps(deps), auth, body);
  },
);
