import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { noticePreferenceDeps } from '../use-cases/notice-deps';
import { updateNoticePreference } from '../use-cases/notice-preferences';

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
