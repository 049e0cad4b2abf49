/**
 * What a sensitive operation (an endorsement, signing a document) asks of identity verification:
 * "has this customer proved who they are, for this purpose, within the last 10 minutes?".
 * Implemented by the identity verification use cases; consumed by documents and endorsements.
 */

/** How the person proved their identity; every method yields the same kind of record. */
export type VerificationMethod = 'face' | 'agent_attestation' | 'staff_review';

/**
 * A purpose names one action, e.g. `document:D20261125-0001` or `endorsement:E…`. A success is
 * bound to the purpose it was started for and cannot be replayed for another one.
 */
export type VerificationPurpose = string;

export interface VerifiedIdentity {
  verificationId: string;
  /** The customer whose identity was proved (the policyholder, or the insured where the law asks). */
  customerId: string;
  purpose: VerificationPurpose;
  method: VerificationMethod;
  /** Epoch milliseconds of the success. */
  verifiedAt: number;
}

export interface IdentityProofs {
  /**
   * The latest successful verification of `customerId` for exactly `purpose`, no older than
   * 10 minutes at `now`. Throws an AppError with a precise Chinese message otherwise
   * (never verified, failed, expired, or verified for another purpose).
   */
  requireVerified(input: {
    customerId: string;
    purpose: VerificationPurpose;
    now: number;
  }): Promise<VerifiedIdentity>;
}
