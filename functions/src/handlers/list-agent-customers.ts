import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { listAgentCustomers } from '../use-cases/customers/list-agent-customers';

export const handler = httpHandler(routes.listAgentCustomers, ({ auth, container }) =>
  listAgentCustomers(container, auth),
);
