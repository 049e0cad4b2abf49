import { listHandoffQueueRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listHandoffQueue } from '../use-cases/list-handoff-queue';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  listHandoffQueueRoute,
  assistantWiring,
  ({ auth, deps }) => listHandoffQueue(deps, auth),
  { roles: ['staff', 'admin'] },
);
