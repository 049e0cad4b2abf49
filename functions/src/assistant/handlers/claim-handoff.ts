import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { claimHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { claimHandoff } from '../use-cases/claim-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  claimHandoffRoute,
  assistantWiring,
  ({ auth, pathParameters, deps }) =>
    claimHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
