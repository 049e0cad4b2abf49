import { TrusteeActQuerySchema } from '@zhixiang/shared/authorisations/trustee';
import { createEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createEndorsement } from '../use-cases/create-endorsement';
import { endorsementDeps } from '../wiring';
import { trusteeActWiring } from '../wiring-trustee';

export const handler = httpHandler(
  createEndorsementRoute,
  trusteeActWiring,
  ({ auth, pathParameters, query, sourceIp, userAgent, deps, body }) => {
    const { authorisationId } = parseBody(TrusteeActQuerySchema, query);
    return createEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
      authorisationId ? { authorisationId } : {},
    );
  },
  { roles: ['customer', 'agent'], successStatus: 201 },
);
