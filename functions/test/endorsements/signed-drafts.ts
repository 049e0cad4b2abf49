import type { CreateEndorsementRequest } from '@zhixiang/shared/endorsement/application';
import { identityPurposeOf } from '@zhixiang/shared/endorsement/view';
import { claimsFor } from '../../src/auth/use-cases/session';
import { prepareApplicationDocument } from '../../src/documents/use-cases/prepare-application-document';
import { createEndorsement } from '../../src/endorsements/use-cases/create-endorsement';
import { newApplicationId } from '../../src/endorsements/use-cases/endorsement-deps';
import { endorsementDeps } from '../../src/endorsements/wiring';
import type { System } from '../../src/system';

/**
 * Test set-up for concurrency and benchmarks: `count` applications of the same request on one
 * policy, each with its 电子批单 marked signed directly in the table. The real signing journey is
 * endorsement-journeys.test.ts; here only what happens at submission is under test. The first is
 * created by the use case; the others are copies with their own ids and documents (the use case
 * itself allows one open application per type and policy).
 */
export async function signedDrafts(
  container: System,
  holderUserId: string,
  policyNo: string,
  request: CreateEndorsementRequest,
  count: number,
): Promise<string[]> {
  const user = await container.repositories.users.get(holderUserId);
  if (!user) throw new Error(`no user ${holderUserId}`);
  const deps = endorsementDeps(container);
  const first = await createEndorsement(
    deps,
    { claims: claimsFor(user), sourceIp: '127.0.0.1', userAgent: 'vitest' },
    policyNo,
    request,
  );
  const template = await container.repositories.endorsements.get(first.applicationId);
  if (!template) throw new Error('draft not stored');
  const ids = [first.applicationId];
  for (let i = 1; i < count; i++) {
    const applicationId = newApplicationId(container.now());
    const document = await prepareApplicationDocument(container, {
      policyNo,
      changeType: 'test',
      changes: template.changes,
      effectiveDate: '2026-11-26',
      purpose: identityPurposeOf(applicationId),
      createdBy: holderUserId,
    });
    await container.repositories.endorsements.create(
      // A copy holds no open-application slot (the first does).
      { ...template, applicationId, documentId: document.documentId, holdsOpenSlot: false },
      [],
    );
    ids.push(applicationId);
  }
  for (const applicationId of ids) {
    const application = await container.repositories.endorsements.get(applicationId);
    const document = application && (await container.repositories.documents.get(application.documentId));
    if (!document) throw new Error('document missing');
    const now = container.now();
    const claimId = `test-${applicationId}`;
    await container.repositories.documents.claimSigning({
      documentId: document.documentId,
      expectedVersion: document.version,
      claimId,
      now,
      until: now + 60_000,
    });
    await container.repositories.documents.completeSigning({
      documentId: document.documentId,
      expectedVersion: document.version,
      claimId,
      signature: {
        signatureId: claimId,
        signerCustomerId: document.holder.customerId,
        signerName: document.holder.name,
        signedByUserId: holderUserId,
        hostedByAgentId: null,
        verificationId: `test-verification-${applicationId}`,
        verificationMethod: 'face',
        contentHash: document.contentHash,
        signedAt: now,
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
        strokesKey: 'test',
        imageKey: 'test',
        imageSha256: '0'.repeat(64),
      },
      sealed: {
        key: 'test',
        sha256: `${'0'.repeat(48)}${String(now).padStart(16, '0')}`.slice(-64),
        bytes: 1,
        sealedAt: now,
        certificateSubject: 'test',
        certificateSerial: 'test',
      },
      events: [],
    });
  }
  return ids;
}
