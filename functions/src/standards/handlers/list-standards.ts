import { listStandardsRoute } from '@zhixiang/shared/standards/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listStandards } from '../use-cases/manage-standards';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(listStandardsRoute, standardsWiring, ({ deps }) => listStandards(deps), {
  roles: ['staff', 'executive', 'admin'],
});
