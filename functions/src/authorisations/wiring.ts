import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { getS3Client } from '../platform/s3/client';
import { S3PrivateFiles } from '../platform/s3/private-files';
import { DynamoAuthorisationStore } from './adapters/authorisations';
import { S3AuthorisationVideoFiles } from './adapters/video-files';

export function createAuthorisationsDeps(platform: Platform) {
  const { table, fieldCipher, config } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, fieldCipher),
      authorisations: new DynamoAuthorisationStore(table, fieldCipher),
    },
    /** The document's photo page, under `authorisations/`. */
    authorisationFiles: new S3PrivateFiles(getS3Client, config.bucketName),
    /** The recordings, uploaded in parts under `authorisations/`. */
    authorisationVideos: new S3AuthorisationVideoFiles(getS3Client, config.bucketName),
  };
}
export type AuthorisationsDeps = ReturnType<typeof createAuthorisationsDeps>;

export const authorisationsWiring = defineWiring(createAuthorisationsDeps);
