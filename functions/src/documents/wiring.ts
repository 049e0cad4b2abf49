import { createIdentityProofs } from '../identity/wiring-proofs';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { getS3 } from '../platform/s3/s3';
import { S3DocumentFiles } from './adapters/document-files';
import { createDocumentRepository } from './adapters/documents';

export function createDocumentsDeps(platform: Platform) {
  const { table, config } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      documents: createDocumentRepository(table),
    },
    documentFiles: new S3DocumentFiles(getS3, config.bucketName),
    identityProofs: createIdentityProofs(platform),
  };
}
export type DocumentsDeps = ReturnType<typeof createDocumentsDeps>;

export const documentsWiring = defineWiring(createDocumentsDeps);
