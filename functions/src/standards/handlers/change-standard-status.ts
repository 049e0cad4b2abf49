import { changeStandardStatusRoute } from '@zhixiang/shared/standards/routes';
import { StandardIdSchema } from '@zhixiang/shared/standards/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { changeStandardStatus } from '../use-cases/manage-standards';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  changeStandardStatusRoute,
  standardsWiring,
  ({ auth, body, pathParameters, deps }) =>
    changeStandardStatus(deps, auth, parseBody(StandardIdSchema, pathParameters.standardId), body),
  { roles: ['admin'] },
);
