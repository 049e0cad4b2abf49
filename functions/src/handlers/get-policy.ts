import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { getPolicy } from '../use-cases/policies/get-policy';
import { policyQueryDeps } from '../use-cases/policies/policy-view-loader';

export const handler = httpHandler(routes.getPolicy, ({ auth, pathParameters, container }) => {
  const { policyNo } = parseBody(PolicyPathSchema, pathParameters);
  return getPolicy(policyQueryDeps(container), auth, policyNo);
});
