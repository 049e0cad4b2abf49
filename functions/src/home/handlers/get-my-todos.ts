import { getMyTodosRoute } from '@zhixiang/shared/home/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMyTodos } from '../use-cases/get-my-todos';
import { homeWiring } from '../wiring';

export const handler = httpHandler(getMyTodosRoute, homeWiring, ({ auth, deps }) => getMyTodos(deps, auth));
