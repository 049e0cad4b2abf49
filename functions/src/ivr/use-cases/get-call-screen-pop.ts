import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { BOOKING_STATUS_LABELS } from '@zhixiang/shared/callback/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { ScreenPop } from '@zhixiang/shared/ivr/schemas';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import { maskIdNumber, maskPhone } from '@zhixiang/shared/privacy/mask';
import { type PolicyReadRepositories, PolicyViewLoader } from '../../policies/use-cases/policy-view-loader';

export const CALL_NOT_FOUND_MESSAGE = '未找到该来电';

export interface ScreenPopDeps {
  repositories: PolicyReadRepositories & {
    ivrCalls: Pick<IvrCallStore, 'get'>;
    callbackBookings: Pick<CallbackBookingRepository, 'getBooking'>;
  };
  now: () => number;
}

/**
 * What the seat sees when the call reaches them: the verified caller's name, masked ID and phone,
 * their policies, recent requests and open items. Staff see only callers of their branch subtree;
 * any other call id answers exactly like a missing one. An unverified call shows only the masked
 * calling number: the seat verifies the caller the usual way.
 */
export async function getCallScreenPop(
  deps: ScreenPopDeps,
  claims: AccessClaims,
  callId: string,
): Promise<ScreenPop> {
  const notFound = (why: string) =>
    new AppError('NOT_FOUND', CALL_NOT_FOUND_MESSAGE, { logMessage: `call ${callId}: ${why}` });
  const call = await deps.repositories.ivrCalls.get(callId);
  if (!call) throw notFound('no such call');
  const base: ScreenPop = {
    callId,
    verified: call.verified,
    callingNumberMasked: call.callingNumberMasked,
    receivedAt: new Date(call.receivedAt).toISOString(),
    customer: null,
    policies: [],
    recentRequests: [],
    openItems: [],
  };
  if (!call.verified || !call.customerId) return base;

  const loader = new PolicyViewLoader(deps.repositories);
  const customer = await loader.customer(call.customerId);
  if (!customer || !canViewCustomer(claims, customer)) throw notFound(`not visible to ${claims.sub}`);
  const policies = await deps.repositories.policies.listByCustomer(customer.customerId);
  const today = todayInShanghai(new Date(deps.now()));
  const [summaries, bookings] = await Promise.all([
    loader.summaries(policies, null, today),
    Promise.all(policies.map((p) => deps.repositories.callbackBookings.getBooking(p.policyNo))),
  ]);
  const requests = bookings.filter((b) => b !== null).sort((a, b) => b.updatedAt - a.updatedAt);
  const when = (b: (typeof requests)[number]) =>
    b.slotId === 'ONLINE' ? '在线自助回访' : `${formatDateCn(b.date)} ${b.start}`;
  return {
    ...base,
    customer: {
      customerId: customer.customerId,
      name: customer.name,
      idNumberMasked: maskIdNumber(customer.idNumber),
      phoneMasked: maskPhone(customer.phone),
      birthDate: customer.birthDate,
    },
    policies: summaries,
    recentRequests: requests.map((b) => ({
      kind: 'callback' as const,
      policyNo: b.policyNo,
      status: b.status,
      summary: `新单回访 · ${BOOKING_STATUS_LABELS[b.status]} · ${when(b)}`,
    })),
    openItems: requests
      .filter((b) => b.status === 'booked' || b.status === 'problem')
      .map((b) => ({
        kind: b.status === 'booked' ? 'callback_booked' : 'callback_problem',
        policyNo: b.policyNo,
        summary:
          b.status === 'booked'
            ? `已预约回访 ${when(b)}`
            : `回访问题件${b.outcome?.note ? `：${b.outcome.note}` : ''}`,
      })),
  };
}
