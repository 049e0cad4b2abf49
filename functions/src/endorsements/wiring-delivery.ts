import { S3DocumentFiles } from '../documents/adapters/document-files';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from '../letters/adapters/letters';
import { issueLetterDeps } from '../letters/wiring-issuing';
import { defineWiring } from '../platform/process';
import { getS3Client } from '../platform/s3/client';
import type { DeliverEndorsementEventsDeps } from './use-cases/deliver-endorsement-events';
import { createEndorsementsDeps } from './wiring';

/**
 * The consumer of the endorsement outbox: the endorsements' dependencies plus what issuing the
 * confirmation letter needs (only this function carries the PDF renderer).
 */
export const deliveryWiring = defineWiring((platform) => ({
  ...createEndorsementsDeps(platform),
  letters: new DynamoLetterStore(platform.table),
  letterSubscriptions: new DynamoLetterSubscriptionStore(platform.table),
  documentFiles: new S3DocumentFiles(getS3Client, platform.config.bucketName),
}));

export function deliverEndorsementEventsDeps(
  deps: ReturnType<typeof deliveryWiring>,
): DeliverEndorsementEventsDeps {
  return {
    endorsements: deps.repositories.endorsements,
    letterDeps: issueLetterDeps(deps),
    logger: deps.logger,
    now: deps.now,
  };
}
