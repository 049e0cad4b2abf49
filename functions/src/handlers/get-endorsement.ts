import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';
import { getEndorsement } from '../use-cases/endorsements/get-endorsement';

export const handler = httpHandler(routes.getEndorsement, ({ auth, pathParameters, container }) =>
  getEndorsement(
    endorsementDeps(container),
    auth,
    parseBody(EndorsementPathSchema, pathParameters).applicationId,
  ),
);
