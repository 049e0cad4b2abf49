import { brand } from '@zhixiang/shared/brand';
import { S3DocumentFiles } from '../documents/adapters/document-files';
import { renderDocument } from '../documents/adapters/render-document';
import { insurerSigningKey } from '../documents/adapters/signing/insurer-signing-key';
import { sealPdf } from '../documents/adapters/signing/seal-pdf';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from '../letters/adapters/letters';
import { issueLetterDeps } from '../letters/wiring-issuing';
import { createNotifier } from '../notifications/use-cases/notify';
import { notifierDeps } from '../notifications/wiring-sending';
import { defineWiring } from '../platform/process';
import { getS3 } from '../platform/s3/s3';
import { createEndorsementRepositories } from './adapters/endorsements';
import type { DeliverEndorsementEventsDeps } from './use-cases/deliver-endorsement-events';

/**
 * The consumer of the endorsement outbox: the engine's records plus what issuing and sealing the
 * 批单 (the insurer's signing key, the renderer and the sealer) and the confirmation letter need,
 * and the notifier (WeChat subscribe messages, SMS, the message centre) that tells the customer —
 * and nothing else of the API's (no idempotency or identity proofs), which keeps the PDF tools
 * within the documents' size budget. Only this function of the context carries them.
 */
export const deliveryWiring = defineWiring((platform) => {
  const repositories = createEndorsementRepositories(platform.table, platform.fieldCipher);
  return {
    ...platform,
    repositories,
    notifier: createNotifier(notifierDeps(platform, repositories)),
    letters: new DynamoLetterStore(platform.table),
    letterSubscriptions: new DynamoLetterSubscriptionStore(platform.table),
    documentFiles: new S3DocumentFiles(getS3, platform.config.bucketName),
    signingKey: insurerSigningKey(platform.config),
    pdf: { renderDocument, sealPdf },
  };
});

export function deliverEndorsementEventsDeps(
  deps: ReturnType<typeof deliveryWiring>,
): DeliverEndorsementEventsDeps {
  return {
    endorsements: deps.repositories.endorsements,
    letterDeps: issueLetterDeps(deps),
    documentDeps: {
      repositories: deps.repositories,
      files: deps.documentFiles,
      signingKey: deps.signingKey,
      pdf: deps.pdf,
      brand,
      now: deps.now,
    },
    notifier: deps.notifier,
    logger: deps.logger,
    now: deps.now,
  };
}
