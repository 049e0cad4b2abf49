import { listCustomerEndorsementsRoute } from '@zhixiang/shared/endorsement/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listCustomerEndorsements } from '../use-cases/list-endorsements';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  listCustomerEndorsementsRoute,
  endorsementsWiring,
  ({ auth, pathParameters, deps }) =>
    listCustomerEndorsements(
      endorsementDeps(deps),
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
    ),
  { roles: ['agent', 'staff', 'admin'] },
);
