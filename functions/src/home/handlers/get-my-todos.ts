import { homeRoutes } from '@zhixiang/shared/home/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMyTodos } from '../use-cases/get-my-todos';
import { homeWiring } from '../wiring';

export const handler = httpHandler(homeRoutes.getMyTodos, homeWiring, ({ auth, deps }) =>
  getMyTodos(deps, auth),
);
