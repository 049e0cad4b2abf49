import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAgentCustomers } from '../use-cases/list-agent-customers';

export const handler = httpHandler(routes.listAgentCustomers, ({ auth, container }) =>
  listAgentCustomers(container, auth),
);
