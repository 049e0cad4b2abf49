import type { AccessClaims, Me } from '@zhixiang/shared/auth/schemas';
import type { Container } from '../../container';
import { describeUser, requireUser } from './session';

export async function getMe(container: Container, claims: AccessClaims): Promise<Me> {
  return describeUser(container, await requireUser(container, claims.sub));
}
