import { routes } from '@zhixiang/shared/api/routes';
import { SlotPathSchema } from '@zhixiang/shared/callback/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateCallbackSlot } from '../use-cases/update-callback-slot';

export const handler = httpHandler(
  routes.updateCallbackSlot,
  ({ body, pathParameters, container }) =>
    updateCallbackSlot(
      container.repositories.callbackBookings,
      parseBody(SlotPathSchema, pathParameters).slotId,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
