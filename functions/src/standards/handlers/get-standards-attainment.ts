import { getStandardsAttainmentRoute } from '@zhixiang/shared/standards/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getStandardsAttainment } from '../use-cases/get-attainment';
import { parseWindow } from '../use-cases/standards-access';
import { standardsWiring } from '../wiring';

export const handler = httpHandler(
  getStandardsAttainmentRoute,
  standardsWiring,
  ({ auth, query, deps }) => getStandardsAttainment(deps, auth, parseWindow(query, deps.now())),
  { roles: ['staff', 'executive', 'admin'] },
);
