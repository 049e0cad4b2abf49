import { complaintRoutes } from '@zhixiang/shared/complaints/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listMyComplaints } from '../use-cases/list-my-complaints';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  complaintRoutes.listMyComplaints,
  complaintsWiring,
  ({ auth, deps }) => listMyComplaints(deps, auth),
  { roles: ['customer'] },
);
