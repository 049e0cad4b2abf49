import { listMyComplaintsRoute } from '@zhixiang/shared/complaints/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listMyComplaints } from '../use-cases/list-my-complaints';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  listMyComplaintsRoute,
  complaintsWiring,
  ({ auth, deps }) => listMyComplaints(deps, auth),
  { roles: ['customer'] },
);
