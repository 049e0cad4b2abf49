import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { VerificationView } from '@zhixiang/shared/identity/verification';
import type { IdentityDeps } from './deps';
import { requireIdentityConsent } from './record-identity-consent';
import { loadVerificationSubject, type RequestDevice, toVerificationView } from './verification-subject';

export const LAST4_MISMATCH_MESSAGE = '证件号码后四位与客户资料不一致，请核对身份证原件';

/**
 * Verification by the servicing agent in person (业务员当面核验): on the agent's own device, after
 * comparing the original card with the person present. The agent types the card's last four
 * characters, compared with this one customer's record. Open even while the face path is locked.
 */
export async function attestIdentity(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { purpose: string; customerId: string; idNumberLast4: string },
  device: RequestDevice,
): Promise<VerificationView> {
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  await requireIdentityConsent(container, claims);
  if (!customer.idNumber.toUpperCase().endsWith(input.idNumberLast4))
    throw new AppError('VALIDATION_FAILED', LAST4_MISMATCH_MESSAGE, { field: 'idNumberLast4' });
  const record = {
    verificationId: randomUUID(),
    customerId: customer.customerId,
    purpose: input.purpose,
    method: 'agent_attestation' as const,
    result: 'success' as const,
    reason: null,
    actorUserId: claims.sub,
    actorRole: claims.role,
    providerRefs: { agentId: claims.agentId ?? '', attestation: 'in_person_card_checked' },
    providerResult: null,
    at: container.now(),
    device,
  };
  await container.identityVerifications.append(record);
  return toVerificationView(record);
}
