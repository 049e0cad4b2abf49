import { rateAssistantAnswerRoute } from '@zhixiang/shared/assistant/routes';
import { limitAddress } from '../../platform/http/address-limits';
import { httpHandler } from '../../platform/http/http-handler';
import { rateAssistantAnswer } from '../use-cases/rate-assistant-answer';
import { assistantWiring } from '../wiring';

const ANONYMOUS_RATINGS = [
  { per: 'minute', limit: 60, windowSeconds: 60 },
  { per: 'hour', limit: 1000, windowSeconds: 3600 },
] as const;

/** Signed in or not; a visitor without a token is limited per address. */
export const handler = httpHandler(
  rateAssistantAnswerRoute,
  assistantWiring,
  async ({ auth, body, deps, sourceIp }) => {
    if (!auth) await limitAddress(deps, 'assistant-feedback', sourceIp, ANONYMOUS_RATINGS);
    return rateAssistantAnswer(deps, auth, body);
  },
);
