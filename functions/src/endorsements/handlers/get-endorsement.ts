import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { getEndorsement } from '../use-cases/get-endorsement';

export const handler = httpHandler(routes.getEndorsement, ({ auth, pathParameters, container }) =>
  getEndorsement(
    endorsementDeps(container),
    auth,
    parseBody(EndorsementPathSchema, pathParameters).applicationId,
  ),
);
