import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { RegistrationView } from '@zhixiang/shared/events/schemas';
import { toRegistrationView } from '@zhixiang/shared/events/view';
import { type EventDeps, ownRegistration, waitingPositionOf } from './event-access';

export const NO_MARKETING_CONSENT_MESSAGE = '您未同意接收本活动的营销信息，或已撤回，无需再次撤回';

/**
 * The registrant withdraws the marketing consent they gave when registering: from now on they
 * receive no marketing about it. The registration itself (a service) stays as it is.
 */
export async function withdrawMarketingConsent(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<RegistrationView> {
  const { event, registration } = await ownRegistration(deps, claims, eventId);
  const at = new Date(deps.now()).toISOString();
  if (!(await deps.repositories.events.withdrawMarketingConsent(eventId, registration.personKey, at)))
    throw new AppError('CONFLICT', NO_MARKETING_CONSENT_MESSAGE);
  return toRegistrationView(
    event,
    { ...registration, marketingConsentWithdrawnAt: at },
    await waitingPositionOf(deps, registration),
    deps.now(),
  );
}
