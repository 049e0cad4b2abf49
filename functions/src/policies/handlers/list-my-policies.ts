import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyPolicies } from '../use-cases/list-my-policies';
import { policyQueryDeps } from '../use-cases/policy-view-loader';

export const handler = httpHandler(routes.listMyPolicies, ({ auth, container }) =>
  listMyPolicies(policyQueryDeps(container), auth),
);
