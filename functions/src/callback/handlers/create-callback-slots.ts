import { createCallbackSlotsRoute } from '@zhixiang/shared/callback/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { createCallbackSlots } from '../use-cases/create-callback-slots';
import { callbackWiring } from '../wiring';

/** The call centre's seats are shared by every branch; any staff member may lay out the schedule. */
export const handler = httpHandler(
  createCallbackSlotsRoute,
  callbackWiring,
  ({ body, deps }) => createCallbackSlots(deps.repositories.callbackBookings, body),
  { roles: ['staff', 'admin'], successStatus: 201 },
);
