import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { getMe } from '../use-cases/auth/get-me';

export const handler = httpHandler(routes.getMe, ({ container, auth }) => getMe(container, auth));
