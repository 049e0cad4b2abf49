import { getStandardEvaluationRoute } from '@zhixiang/shared/standards/routes';
import { StandardIdSchema } from '@zhixiang/shared/standards/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getStandardEvaluation } from '../use-cases/evaluate-standard';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  getStandardEvaluationRoute,
  standardsWiring,
  ({ pathParameters, query, deps }) =>
    getStandardEvaluation(deps, parseBody(StandardIdSchema, pathParameters.standardId), query.version),
  { roles: ['staff', 'executive', 'admin'] },
);
