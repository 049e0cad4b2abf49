import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getPolicy } from '../use-cases/get-policy';
import { policyQueryDeps } from '../use-cases/policy-view-loader';

export const handler = httpHandler(routes.getPolicy, ({ auth, pathParameters, container }) => {
  const { policyNo } = parseBody(PolicyPathSchema, pathParameters);
  return getPolicy(policyQueryDeps(container), auth, policyNo);
});
