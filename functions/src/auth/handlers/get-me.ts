import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMe } from '../use-cases/get-me';

export const handler = httpHandler(routes.getMe, ({ container, auth }) => getMe(container, auth));
