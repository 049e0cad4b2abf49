import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { noticePreferenceDeps } from '../use-cases/notice-deps';
import { getNoticePreferences } from '../use-cases/notice-preferences';

export const handler = httpHandler(routes.getNoticePreferences, ({ auth, pathParameters, container }) =>
  getNoticePreferences(
    noticePreferenceDeps(container),
    auth,
    parseBody(CustomerPathSchema, pathParameters).customerId,
  ),
);
