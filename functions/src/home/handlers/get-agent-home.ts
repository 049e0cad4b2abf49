import { homeRoutes } from '@zhixiang/shared/home/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getAgentHome } from '../use-cases/get-agent-home';
import { homeWiring } from '../wiring';

export const handler = httpHandler(homeRoutes.getAgentHome, homeWiring, ({ auth, deps }) =>
  getAgentHome(deps, auth),
);
