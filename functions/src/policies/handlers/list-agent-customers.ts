import { listAgentCustomersRoute } from '@zhixiang/shared/policy/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAgentCustomers } from '../use-cases/list-agent-customers';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(listAgentCustomersRoute, policiesWiring, ({ auth, deps }) =>
  listAgentCustomers(deps, auth),
);
