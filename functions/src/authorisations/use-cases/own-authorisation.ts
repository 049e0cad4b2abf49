import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { AuthorisationView } from '@zhixiang/shared/authorisations/schemas';
import { toCustomerView } from '@zhixiang/shared/authorisations/view';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import type { AuthorisationDeps } from './deps';

export const AUTHORISATION_NOT_FOUND = '未找到该授权';

/** The signed-in customer (bound to a customer record): only they give a power of attorney. */
export async function grantingCustomer(
  deps: Pick<AuthorisationDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<CustomerRecord> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '录像授权仅限投保人本人办理');
  const customer = claims.customerId ? await deps.repositories.customers.get(claims.customerId) : null;
  if (!customer) throw new AppError('FORBIDDEN', '请先完成身份绑定，再办理录像授权');
  return customer;
}

/** One of the customer's own authorisations; anyone else's is the same 404 as none. */
export async function ownAuthorisation(
  deps: Pick<AuthorisationDeps, 'repositories'>,
  claims: AccessClaims,
  authorisationId: string,
): Promise<{ customer: CustomerRecord; record: AuthorisationRecord }> {
  const customer = await grantingCustomer(deps, claims);
  const record = await deps.repositories.authorisations.get(authorisationId);
  if (!record || record.customerId !== customer.customerId)
    throw new AppError('NOT_FOUND', AUTHORISATION_NOT_FOUND);
  return { customer, record };
}

/**
 * Writes the next version of a record read at `record.version`, with the audit event (and letter)
 * of the step in the same transaction when given; a write in between is a 409.
 */
export async function saveAuthorisation(
  deps: Pick<AuthorisationDeps, 'repositories'>,
  record: AuthorisationRecord,
  effects?: Parameters<AuthorisationDeps['repositories']['authorisations']['put']>[2],
): Promise<AuthorisationRecord> {
  const next = { ...record, version: record.version + 1 };
  if (!(await deps.repositories.authorisations.put(next, record.version, effects)))
    throw new AppError('CONFLICT', '授权已在别处更新，请刷新后重试');
  return next;
}

export function customerView(
  deps: Pick<AuthorisationDeps, 'now'>,
  customer: CustomerRecord,
  record: AuthorisationRecord,
): AuthorisationView {
  return toCustomerView(record, customer, todayInShanghai(new Date(deps.now())));
}
