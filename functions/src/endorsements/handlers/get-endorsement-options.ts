import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { getEndorsementOptions } from '../use-cases/get-endorsement-options';

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
