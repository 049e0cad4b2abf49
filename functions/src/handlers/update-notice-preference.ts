import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { noticePreferenceDeps } from '../use-cases/notices/notice-deps';
import { updateNoticePreference } from '../use-cases/notices/notice-preferences';

export const handler = httpHandler(
  routes.updateNoticePreference,
  ({ auth, pathParameters, body, container }) =>
    updateNoticePreference(
      noticePreferenceDeps(container),
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
      body,
    ),
);
