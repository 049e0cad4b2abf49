import { getLatestHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getLatestHandoff } from '../use-cases/get-latest-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  getLatestHandoffRoute,
  assistantWiring,
  ({ auth, deps }) => getLatestHandoff(deps, auth),
  {
    roles: ['customer'],
  },
);
