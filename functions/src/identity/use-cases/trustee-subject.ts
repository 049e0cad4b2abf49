import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { TrusteeIdType } from '@zhixiang/shared/authorisations/power-of-attorney';
import { assertAuthorisationInForce, trusteeSubject } from '@zhixiang/shared/authorisations/trustee-rules';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { IdentityDeps } from './deps';
import { loadVerificationSubject } from './verification-subject';

/** Who a face verification compares: a customer on record, or a trustee as their authorisation names them. */
export interface FaceSubject {
  /** The customer id, or `trustee:<userId>` (`trusteeSubject`). */
  subjectId: string;
  name: string;
  idNumber: string;
}

export const TRUSTEE_FACE_NEEDS_ID_CARD =
  '刷脸认证仅支持居民身份证，您在授权中登记的是其他证件，请携带该证件到柜面由工作人员核验后办理';

/** A trustee as their authorisation records them, with the document the customer recorded. */
export interface TrusteeSubject extends FaceSubject {
  idType: TrusteeIdType;
  authorisationId: string;
  /** The authorisation's review branch: a 人工审核 goes to the queue of its staff. */
  branchPath: string;
}

/**
 * The trustee signed in, proving their own identity for what they do on an authorisation bound to
 * them: the name, document and number the customer recorded for them (checked when they bound
 * it). The authorisation must still be in force. Anyone else's or an unknown authorisation is the
 * same 404.
 */
export async function trusteeSubjectOf(
  container: Pick<IdentityDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  authorisationId: string,
): Promise<TrusteeSubject> {
  const record = await container.repositories.authorisations.get(authorisationId);
  if (claims.role !== 'customer' || !record?.trustee || record.trustee.userId !== claims.sub)
    throw new AppError('NOT_FOUND', '未找到该授权，或您不是该授权的受托人');
  assertAuthorisationInForce(record, todayInShanghai(new Date(container.now())));
  const { trustee } = record.poa;
  return {
    subjectId: trusteeSubject(claims.sub),
    name: trustee.name,
    idNumber: trustee.idNumber,
    idType: trustee.idType,
    authorisationId,
    branchPath: record.reviewBranchPath,
  };
}

/** The trustee's face subject: face verification needs a mainland ID card (else 人工审核). */
export async function trusteeFaceSubject(
  container: Pick<IdentityDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  authorisationId: string,
): Promise<FaceSubject> {
  const subject = await trusteeSubjectOf(container, claims, authorisationId);
  if (subject.idType !== 'id_card') throw new AppError('CONFLICT', TRUSTEE_FACE_NEEDS_ID_CARD);
  return { subjectId: subject.subjectId, name: subject.name, idNumber: subject.idNumber };
}

/**
 * Whose identity a face verification or the status proves: a trustee naming their authorisation,
 * else the customer (`loadVerificationSubject`).
 */
export async function faceSubjectOf(
  container: Pick<IdentityDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  input: { customerId?: string | undefined; authorisationId?: string | undefined },
): Promise<FaceSubject> {
  if (input.authorisationId) return trusteeFaceSubject(container, claims, input.authorisationId);
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  return { subjectId: customer.customerId, name: customer.name, idNumber: customer.idNumber };
}

/**
 * Whose identity an upload, a 人工审核 or the status is about, by any path: a trustee naming their
 * authorisation (any document type), else the customer, with the branch whose staff review.
 */
export async function identitySubjectOf(
  container: Pick<IdentityDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  input: { customerId?: string | undefined; authorisationId?: string | undefined },
): Promise<Omit<TrusteeSubject, 'authorisationId'> & { authorisationId: string | null }> {
  if (input.authorisationId) return trusteeSubjectOf(container, claims, input.authorisationId);
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  return {
    subjectId: customer.customerId,
    name: customer.name,
    idNumber: customer.idNumber,
    idType: 'id_card',
    authorisationId: null,
    branchPath: customer.branchPath,
  };
}

/** The certificate of a face attempt's subject when its result is asked (a trustee's from their bindings). */
export async function faceCertificateOf(
  container: Pick<IdentityDeps, 'repositories'>,
  subjectId: string,
): Promise<{ name: string; idNumber: string } | null> {
  const trusteeUserId = subjectId.startsWith('trustee:') ? subjectId.slice('trustee:'.length) : null;
  if (trusteeUserId === null) return container.repositories.customers.get(subjectId);
  const bound = await container.repositories.authorisations.listByTrustee(trusteeUserId);
  const named = bound.find((r) => r.poa.trustee.idType === 'id_card')?.poa.trustee;
  return named ? { name: named.name, idNumber: named.idNumber } : null;
}
