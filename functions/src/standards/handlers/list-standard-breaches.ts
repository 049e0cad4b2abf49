import { listStandardBreachesRoute } from '@zhixiang/shared/standards/routes';
import { StandardIdSchema } from '@zhixiang/shared/standards/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listStandardBreaches } from '../use-cases/list-breaches';
import { parseWindow } from '../use-cases/standards-access';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  listStandardBreachesRoute,
  standardsWiring,
  ({ auth, pathParameters, query, deps }) =>
    listStandardBreaches(
      deps,
      auth,
      parseBody(StandardIdSchema, pathParameters.standardId),
      parseWindow(query, deps.now()),
    ),
  { roles: ['staff', 'executive', 'admin'] },
);
