import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { S3PrivateFiles } from '../platform/s3/private-files';
import { getS3 } from '../platform/s3/s3';
import { DynamoAuthorisationStore } from './adapters/authorisations';
import { S3AuthorisationVideoFiles } from './adapters/video-files';

/** The evidence bucket (Object Lock, governance mode): set by serverless.yml for every function. */
export function authorisationBucket(config: Platform['config']): string {
  if (!config.authorisationBucketName) throw new Error('AUTHORISATION_BUCKET_NAME is not set');
  return config.authorisationBucketName;
}

export function createAuthorisationsDeps(platform: Platform) {
  const { table, fieldCipher, config } = platform;
  // Read when first used: the whole system (admin CLI, seed) builds this wiring without the bucket.
  const bucket = () => authorisationBucket(config);
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, fieldCipher),
      authorisations: new DynamoAuthorisationStore(table, fieldCipher),
    },
    /** The document's photo page, uploaded under `authorisations/` of the document bucket (staging). */
    authorisationFiles: new S3PrivateFiles(getS3, config.bucketName),
    /**
     * The recordings, uploaded in parts under `authorisations/` of the document bucket (staging);
     * accepted ones, with their photo page, kept in the evidence bucket.
     */
    authorisationVideos: new S3AuthorisationVideoFiles(getS3, config.bucketName, bucket),
  };
}
export type AuthorisationsDeps = ReturnType<typeof createAuthorisationsDeps>;

export const authorisationsWiring = defineWiring(createAuthorisationsDeps);
