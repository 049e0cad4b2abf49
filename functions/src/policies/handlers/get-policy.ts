import { getPolicyRoute } from '@zhixiang/shared/policy/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getPolicy } from '../use-cases/get-policy';
import { policyQueryDeps } from '../use-cases/policy-view-loader';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(getPolicyRoute, policiesWiring, ({ auth, pathParameters, deps }) => {
  const { policyNo } = parseBody(PolicyPathSchema, pathParameters);
  return getPolicy(policyQueryDeps(deps), auth, policyNo);
});
