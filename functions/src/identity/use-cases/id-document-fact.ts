import type { IdDocumentFact } from '@zhixiang/shared/home/todos';
import type { IdentityUploadStore } from '@zhixiang/shared/ports/identity-verifications';

/**
 * The customer's ID card as the home's expiry to-do sees it: the validity end read on their latest
 * passed ID card check (one Query of their partition); null when no card has passed a check.
 * A newer passed check with a renewed card replaces the older one, so the to-do goes once they
 * photograph the new card.
 */
export async function idDocumentFactOf(
  deps: { identityUploads: Pick<IdentityUploadStore, 'listIdCardChecks'> },
  customerId: string,
): Promise<IdDocumentFact | null> {
  const checks = await deps.identityUploads.listIdCardChecks(customerId);
  let latest: (typeof checks)[number] | null = null;
  for (const check of checks) {
    if (check.passed && check.validUntil !== null && (latest === null || check.at > latest.at))
      latest = check;
  }
  return latest?.validUntil ? { validUntil: latest.validUntil } : null;
}
