import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { AuthorisationView } from '@zhixiang/shared/authorisations/schemas';
import { statusOn, transition } from '@zhixiang/shared/authorisations/status';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationDeps } from './deps';
import { customerView, ownAuthorisation } from './own-authorisation';

/**
 * The customer revokes their approved authorisation: it ends at once, with its audit event in the
 * same write (a write in between is a 409). One whose validity has run out has ended already.
 */
export async function revokeAuthorisation(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  const at = new Date(deps.now());
  if (statusOn(record, todayInShanghai(at)) === 'expired')
    throw new AppError('CONFLICT', '该授权已过期，无需撤销');
  const status = transition(record.status, 'revoke');
  const next = { ...record, status, revokedAt: at.toISOString(), version: record.version + 1 };
  const saved = await deps.repositories.authorisations.put(next, record.version, {
    audit: { action: 'revoked', byUserId: claims.sub, at: at.toISOString() },
  });
  if (!saved) throw new AppError('CONFLICT', '授权已在别处更新，请刷新后重试');
  return customerView(deps, customer, next);
}
