import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAgentCustomers } from '../use-cases/list-agent-customers';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(routes.listAgentCustomers, policiesWiring, ({ auth, deps }) =>
  listAgentCustomers(deps, auth),
);
