import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { listMyPolicies } from '../use-cases/policies/list-my-policies';
import { policyQueryDeps } from '../use-cases/policies/policy-view-loader';

export const handler = httpHandler(routes.listMyPolicies, ({ auth, container }) =>
  listMyPolicies(policyQueryDeps(container), auth),
);
