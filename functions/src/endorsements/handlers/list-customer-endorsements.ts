import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { listCustomerEndorsements } from '../use-cases/list-endorsements';

export const handler = httpHandler(
  routes.listCustomerEndorsements,
  ({ auth, pathParameters, container }) =>
    listCustomerEndorsements(
      endorsementDeps(container),
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
    ),
  { roles: ['agent', 'staff', 'admin'] },
);
