import type { AccessClaims, Me } from '@zhixiang/shared/auth/schemas';
import type { AuthDeps } from './deps';
import { describeUser, requireUser } from './session';

export async function getMe(container: AuthDeps, claims: AccessClaims): Promise<Me> {
  return describeUser(container, await requireUser(container, claims.sub));
}
