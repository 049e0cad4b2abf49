import { brand } from '@zhixiang/shared/brand';
import { S3DocumentFiles } from '../documents/adapters/document-files';
import { insurerSigningKey } from '../documents/adapters/signing/insurer-signing-key';
import { documentPdf } from '../documents/wiring-signing';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from '../letters/adapters/letters';
import { issueLetterDeps } from '../letters/wiring-issuing';
import { defineWiring } from '../platform/process';
import { getS3Client } from '../platform/s3/client';
import type { DeliverEndorsementEventsDeps } from './use-cases/deliver-endorsement-events';
import { createEndorsementsDeps } from './wiring';

/**
 * The consumer of the endorsement outbox: the endorsements' dependencies plus what issuing and
 * sealing the 批单 (the insurer's signing key, the PDF tools) and the confirmation letter need
 * (only this function of the context carries the PDF renderer and the key).
 */
export const deliveryWiring = defineWiring((platform) => ({
  ...createEndorsementsDeps(platform),
  letters: new DynamoLetterStore(platform.table),
  letterSubscriptions: new DynamoLetterSubscriptionStore(platform.table),
  documentFiles: new S3DocumentFiles(getS3Client, platform.config.bucketName),
  signingKey: insurerSigningKey(platform.config),
  pdf: documentPdf,
}));

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
    logger: deps.logger,
    now: deps.now,
  };
}
