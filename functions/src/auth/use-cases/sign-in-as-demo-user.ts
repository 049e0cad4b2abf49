import type { DemoSignInRequest, SessionResponse } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { AuthDemoDeps } from './deps';
import { recordPrivacyConsent } from './record-privacy-consent';
import { startSession } from './session';

/** Local stage only: signs in as a seeded demo user, without WeChat. Only listed demo users qualify. */
export async function signInAsDemoUser(
  container: AuthDemoDeps,
  request: DemoSignInRequest,
): Promise<SessionResponse> {
  const demoUsers = await container.demoUsers();
  const user = demoUsers.some((d) => d.userId === request.userId)
    ? await container.repositories.users.get(request.userId)
    : null;
  if (!user) throw new AppError('NOT_FOUND', '没有这个演示用户', { field: 'userId' });
  const consented = await recordPrivacyConsent(container, user, request.privacyConsentVersion);
  if (consented !== user) await container.repositories.users.put(consented);
  return startSession(container, consented);
}
