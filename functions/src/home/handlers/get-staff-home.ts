import { getStaffHomeRoute } from '@zhixiang/shared/home/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getStaffHome } from '../use-cases/get-staff-home';
import { homeWiring } from '../wiring';

export const handler = httpHandler(getStaffHomeRoute, homeWiring, ({ auth, deps }) =>
  getStaffHome(deps, auth),
);
