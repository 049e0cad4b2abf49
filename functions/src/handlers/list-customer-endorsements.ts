import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';
import { listCustomerEndorsements } from '../use-cases/endorsements/list-endorsements';

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
