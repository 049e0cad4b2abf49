import { policyRoutes } from '@zhixiang/shared/policy/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAgentCustomers } from '../use-cases/list-agent-customers';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(policyRoutes.listAgentCustomers, policiesWiring, ({ auth, deps }) =>
  listAgentCustomers(deps, auth),
);
