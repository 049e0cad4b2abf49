import { randomBytes } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  checkPowerOfAttorney,
  type PowerOfAttorney,
  type PowerOfAttorneyInput,
} from '@zhixiang/shared/authorisations/power-of-attorney';
import { type AuthorisationView, VIDEO_CONSENT_VERSION } from '@zhixiang/shared/authorisations/schemas';
import { transition } from '@zhixiang/shared/authorisations/status';
import { problemsToAppError } from '@zhixiang/shared/endorsement/rule-result';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { CustomerRecord, PolicyRecord } from '@zhixiang/shared/policy/model';
import type { AuthorisationDeps } from './deps';
import { customerView, grantingCustomer, ownAuthorisation, saveAuthorisation } from './own-authorisation';

/** `SQ` + the Shanghai date + 8 random hex characters. */
function newAuthorisationId(nowMs: number): string {
  return `SQ${todayInShanghai(new Date(nowMs)).replaceAll('-', '')}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Policies a customer may entrust: those they hold that are still in force or lapsed. */
const ENTRUSTABLE: readonly PolicyRecord['status'][] = ['in_force', 'lapsed'];

/** The lowest branch whose subtree holds every one of these branch paths (`HQ/SH/PD` + `HQ/SH` → `HQ/SH`). */
export function commonBranchPath(paths: readonly string[]): string {
  const [first = [], ...rest] = paths.map((p) => p.split('/'));
  let length = first.length;
  for (const segments of rest) {
    let i = 0;
    while (i < length && segments[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join('/');
}

async function checked(
  deps: Pick<AuthorisationDeps, 'repositories' | 'now'>,
  customer: CustomerRecord,
  input: PowerOfAttorneyInput,
): Promise<{ poa: PowerOfAttorney; reviewBranchPath: string }> {
  const held = (await deps.repositories.policies.listByCustomer(customer.customerId)).filter(
    (p) => p.holderId === customer.customerId && ENTRUSTABLE.includes(p.status),
  );
  const result = checkPowerOfAttorney(input, {
    name: customer.name,
    idNumber: customer.idNumber,
    phone: customer.phone,
    ownPolicyNos: held.map((p) => p.policyNo),
    today: todayInShanghai(new Date(deps.now())),
  });
  if (!result.ok) throw problemsToAppError(result.problems);
  const paths = held.filter((p) => result.value.policyNos.includes(p.policyNo)).map((p) => p.branchPath);
  return { poa: result.value, reviewBranchPath: commonBranchPath(paths) };
}

/** The customer starts a power of attorney: checked whole, kept as a draft. */
export async function createAuthorisation(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  input: PowerOfAttorneyInput,
): Promise<AuthorisationView> {
  const customer = await grantingCustomer(deps, claims);
  const { poa, reviewBranchPath } = await checked(deps, customer, input);
  const now = deps.now();
  const record = {
    authorisationId: newAuthorisationId(now),
    customerId: customer.customerId,
    userId: claims.sub,
    status: 'draft' as const,
    poa,
    reviewBranchPath,
    consent: null,
    documentPhoto: null,
    videoUpload: null,
    recording: null,
    rejectionReason: null,
    createdAt: new Date(now).toISOString(),
    submittedAt: null,
    decidedAt: null,
    version: 1,
  };
  if (!(await deps.repositories.authorisations.put(record, null)))
    throw new AppError('CONFLICT', '授权编号冲突，请重试');
  return customerView(deps, customer, record);
}

/**
 * The customer changes the fields before submitting. An upload under way is dropped: its
 * recording would not state the new fields.
 */
export async function updateAuthorisation(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  input: PowerOfAttorneyInput,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  const status = transition(record.status, 'edit');
  const { poa, reviewBranchPath } = await checked(deps, customer, input);
  const saved = await saveAuthorisation(deps, {
    ...record,
    status,
    poa,
    reviewBranchPath,
    videoUpload: null,
  });
  return customerView(deps, customer, saved);
}

/**
 * The separate consent to processing the face, voice and document on video, stored in mainland
 * China (PIPL Art. 28–29): nothing can be uploaded before it.
 */
export async function consentToRecording(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  version: string,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  if (version !== VIDEO_CONSENT_VERSION)
    throw new AppError('VALIDATION_FAILED', '个人信息处理规则已更新，请重新阅读后同意', { field: 'version' });
  const status = transition(record.status, 'consent');
  const saved = await saveAuthorisation(deps, {
    ...record,
    status,
    consent: { version, at: new Date(deps.now()).toISOString() },
  });
  return customerView(deps, customer, saved);
}

export async function getMyAuthorisation(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  return customerView(deps, customer, record);
}

export async function listMyAuthorisations(
  deps: AuthorisationDeps,
  claims: AccessClaims,
): Promise<{ authorisations: AuthorisationView[] }> {
  const customer = await grantingCustomer(deps, claims);
  const records = await deps.repositories.authorisations.listByCustomer(customer.customerId);
  return { authorisations: records.map((r) => customerView(deps, customer, r)) };
}
