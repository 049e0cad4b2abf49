import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { getEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getEndorsement } from '../use-cases/get-endorsement';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  getEndorsementRoute,
  endorsementsWiring,
  ({ auth, pathParameters, deps }) =>
    getEndorsement(
      endorsementDeps(deps),
      auth,
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
    ),
);
