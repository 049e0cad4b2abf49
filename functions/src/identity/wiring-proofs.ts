import type { IdentityProofs } from '@zhixiang/shared/ports/identity-proofs';
import type { Platform } from '../platform/process';
import { createIdentityVerificationStores } from './adapters/identity-verifications';
import { RecordedIdentityProofs } from './use-cases/identity-proofs';

/**
 * What endorsements, signing and the online callback ask of identity: verified for this purpose
 * within 10 minutes? Wired by those contexts without the rest of identity's providers.
 */
export function createIdentityProofs(platform: Platform): IdentityProofs {
  return new RecordedIdentityProofs(createIdentityVerificationStores(platform.table).verifications);
}
