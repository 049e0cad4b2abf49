import { listCallbackBookingsRoute } from '@zhixiang/shared/callback/routes';
import { BookingDateQuerySchema } from '@zhixiang/shared/callback/schemas';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { listCallbackBookings } from '../use-cases/list-callback-bookings';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  listCallbackBookingsRoute,
  callbackWiring,
  ({ auth, query, deps }) => {
    const { date } = parseBody(BookingDateQuerySchema, {
      date: query.date ?? todayInShanghai(new Date(deps.now())),
    });
    return listCallbackBookings(callbackDeps(deps), auth, date);
  },
  { roles: ['staff', 'admin'] },
);
