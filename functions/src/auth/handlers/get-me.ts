import { getMeRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMe } from '../use-cases/get-me';
import { authWiring } from '../wiring';

export const handler = httpHandler(getMeRoute, authWiring, ({ deps, auth }) => getMe(deps, auth));
