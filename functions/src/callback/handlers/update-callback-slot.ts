import { updateCallbackSlotRoute } from '@zhixiang/shared/callback/routes';
import { SlotPathSchema } from '@zhixiang/shared/callback/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateCallbackSlot } from '../use-cases/update-callback-slot';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  updateCallbackSlotRoute,
  callbackWiring,
  ({ body, pathParameters, deps }) =>
    updateCallbackSlot(
      deps.repositories.callbackBookings,
      parseBody(SlotPathSchema, pathParameters).slotId,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
