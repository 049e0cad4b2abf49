import { listStandardAlertsRoute } from '@zhixiang/shared/standards/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listStandardAlerts } from '../use-cases/list-alerts';
import { parseWindow } from '../use-cases/standards-access';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  listStandardAlertsRoute,
  standardsWiring,
  ({ auth, query, deps }) => listStandardAlerts(deps, auth, parseWindow(query, deps.now())),
  { roles: ['staff', 'executive', 'admin'] },
);
