import { updateNoticePreferenceRoute } from '@zhixiang/shared/letters/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateNoticePreference } from '../use-cases/notice-preferences';
import { lettersWiring, noticePreferenceDeps } from '../wiring';

export const handler = httpHandler(
  updateNoticePreferenceRoute,
  lettersWiring,
  ({ auth, pathParameters, body, deps }) =>
    updateNoticePreference(
      noticePreferenceDeps(deps),
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
      body,
    ),
);
