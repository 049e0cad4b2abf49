import { draftStandardVersionRoute } from '@zhixiang/shared/standards/routes';
import { StandardIdSchema } from '@zhixiang/shared/standards/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { draftStandardVersion } from '../use-cases/manage-standards';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  draftStandardVersionRoute,
  standardsWiring,
  ({ auth, body, pathParameters, deps }) =>
    draftStandardVersion(deps, auth, parseBody(StandardIdSchema, pathParameters.standardId), body),
  { roles: ['admin'], successStatus: 201 },
);
