import { listMyPoliciesRoute } from '@zhixiang/shared/policy/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyPolicies } from '../use-cases/list-my-policies';
import { policyQueryDeps } from '../use-cases/policy-view-loader';
import { policiesWiring } from '../wiring';

export const handler = httpHandler(listMyPoliciesRoute, policiesWiring, ({ auth, deps }) =>
  listMyPolicies(policyQueryDeps(deps), auth),
);
