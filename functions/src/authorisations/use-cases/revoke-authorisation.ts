import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { AuthorisationView } from '@zhixiang/shared/authorisations/schemas';
import { statusOn, transition } from '@zhixiang/shared/authorisations/status';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationDeps } from './deps';
import { customerView, ownAuthorisation, saveAuthorisation } from './own-authorisation';

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
  const next = await saveAuthorisation(
    deps,
    { ...record, status, revokedAt: at.toISOString() },
    { audit: { action: 'revoked', byUserId: claims.sub, at: at.toISOString() } },
  );
  return customerView(deps, customer, next);
}
