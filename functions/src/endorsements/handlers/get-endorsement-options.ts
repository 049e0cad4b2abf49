import { TrusteeActQuerySchema } from '@zhixiang/shared/authorisations/trustee';
import { getEndorsementOptionsRoute } from '@zhixiang/shared/endorsement/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getEndorsementOptions } from '../use-cases/get-endorsement-options';
import { endorsementDeps } from '../wiring';
import { trusteeActWiring } from '../wiring-trustee';

export const handler = httpHandler(
  getEndorsementOptionsRoute,
  trusteeActWiring,
  ({ auth, pathParameters, query, deps }) =>
    getEndorsementOptions(
      endorsementDeps(deps),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      parseBody(TrusteeActQuerySchema, query).authorisationId,
    ),
  { roles: ['customer', 'agent'] },
);
