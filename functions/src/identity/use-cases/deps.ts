import type {
  ConsentLog,
  LockoutStore,
  OneTimeCodeStore,
  RateLimiter,
} from '@zhixiang/shared/ports/auth-store';
import type { AuthorisationStore } from '@zhixiang/shared/ports/authorisations';
import type { FaceVerifier } from '@zhixiang/shared/ports/face-verifier';
import type { IdCardOcr } from '@zhixiang/shared/ports/id-card-ocr';
import type {
  IdentityReviewStore,
  IdentityUploadStore,
  IdentityVerificationStore,
} from '@zhixiang/shared/ports/identity-verifications';
import type { PrivateFileStore } from '@zhixiang/shared/ports/private-files';
import type { CustomerRepository, UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { Platform } from '../../platform/process';

/** What identity verification (face, ID card, attestation, staff review) needs. */
export interface IdentityDeps extends Platform {
  repositories: {
    customers: CustomerRepository;
    users: UserAccountRepository;
    /** A trustee verifies their own identity against what the authorisation bound to them records. */
    authorisations: Pick<AuthorisationStore, 'get' | 'listByTrustee'>;
  };
  consents: ConsentLog;
  rateLimiter: RateLimiter;
  /** Agent attestation: the code texted to the customer's phone on file, and its lockout. */
  oneTimeCodes: OneTimeCodeStore;
  lockouts: LockoutStore;
  sms: SmsSender;
  identityVerifications: IdentityVerificationStore;
  faceVerifier: FaceVerifier;
  identityUploads: IdentityUploadStore;
  identityReviews: IdentityReviewStore;
  identityFiles: PrivateFileStore;
  /** Built on first use: the offline reader loads its model only where OCR is called. */
  idCardOcr: () => Promise<IdCardOcr>;
}
