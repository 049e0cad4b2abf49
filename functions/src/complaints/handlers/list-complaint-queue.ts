import { listComplaintQueueRoute } from '@zhixiang/shared/complaints/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { listComplaintQueue } from '../use-cases/list-complaint-queue';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  listComplaintQueueRoute,
  complaintsWiring,
  ({ auth, deps }) => listComplaintQueue(deps, auth),
  { roles: ['staff', 'executive', 'admin'] },
);
