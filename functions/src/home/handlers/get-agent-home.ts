import { getAgentHomeRoute } from '@zhixiang/shared/home/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getAgentHome } from '../use-cases/get-agent-home';
import { homeWiring } from '../wiring';

export const handler = httpHandler(getAgentHomeRoute, homeWiring, ({ auth, deps }) =>
  getAgentHome(deps, auth),
);
