import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';
import { getEndorsementOptions } from '../use-cases/endorsements/get-endorsement-options';

export const handler = httpHandler(
  routes.getEndorsementOptions,
  ({ auth, pathParameters, container }) =>
    getEndorsementOptions(
      endorsementDeps(container),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
    ),
  { roles: ['customer', 'agent'] },
);
