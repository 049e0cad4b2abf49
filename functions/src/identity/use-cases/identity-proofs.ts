import { AppError } from '@zhixiang/shared/errors';
import { VERIFICATION_VALIDITY_MS } from '@zhixiang/shared/identity/verification';
import type {
  IdentityProofs,
  VerificationPurpose,
  VerifiedIdentity,
} from '@zhixiang/shared/ports/identity-proofs';
import type { IdentityVerificationStore } from '@zhixiang/shared/ports/identity-verifications';

export const PROOF_MESSAGES = {
  never: '请先完成身份核验（刷脸认证、业务员当面核验或人工审核）后再办理',
  expired: '身份核验已超过 10 分钟有效期，请重新核验',
  otherPurpose: '您的身份核验已用于其他业务，每次核验仅对一项业务有效，请为本次业务重新核验',
  failed: (reason: string | null) => `身份核验未通过${reason ? `（${reason}）` : ''}，请重新核验`,
} as const;

/**
 * IdentityProofs over the verification log: the newest record for exactly this customer and
 * purpose decides. Every refusal is a 403 with a message saying what to do next.
 */
export class RecordedIdentityProofs implements IdentityProofs {
  constructor(private readonly store: IdentityVerificationStore) {}

  async requireVerified(input: {
    customerId: string;
    purpose: VerificationPurpose;
    now: number;
  }): Promise<VerifiedIdentity> {
    const latest = await this.store.latestForPurpose(input.customerId, input.purpose);
    if (latest?.result === 'success') {
      if (input.now - latest.at > VERIFICATION_VALIDITY_MS || latest.at > input.now)
        throw new AppError('FORBIDDEN', PROOF_MESSAGES.expired);
      return {
        verificationId: latest.verificationId,
        customerId: latest.customerId,
        purpose: latest.purpose,
        method: latest.method,
        verifiedAt: latest.at,
      };
    }
    if (latest?.result === 'failure') throw new AppError('FORBIDDEN', PROOF_MESSAGES.failed(latest.reason));
    const recent = await this.store.listSince(input.customerId, input.now - VERIFICATION_VALIDITY_MS);
    if (recent.some((record) => record.result === 'success'))
      throw new AppError('FORBIDDEN', PROOF_MESSAGES.otherPurpose);
    throw new AppError('FORBIDDEN', PROOF_MESSAGES.never);
  }
}
