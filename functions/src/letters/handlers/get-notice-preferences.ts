import { getNoticePreferencesRoute } from '@zhixiang/shared/letters/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getNoticePreferences } from '../use-cases/notice-preferences';
import { lettersWiring, noticePreferenceDeps } from '../wiring';

export const handler = httpHandler(
  getNoticePreferencesRoute,
  lettersWiring,
  ({ auth, pathParameters, deps }) =>
    getNoticePreferences(
      noticePreferenceDeps(deps),
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
    ),
);
