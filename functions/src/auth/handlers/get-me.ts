import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMe } from '../use-cases/get-me';
import { authWiring } from '../wiring';

export const handler = httpHandler(routes.getMe, authWiring, ({ deps, auth }) => getMe(deps, auth));
