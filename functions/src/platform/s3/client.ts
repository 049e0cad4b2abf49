import { S3Client } from '@aws-sdk/client-s3';

/**
 * One S3 client per process. Path-style addressing and checksums only when required keep s3rver
 * faithful locally (AWS_ENDPOINT_URL_S3) and are harmless against real S3.
 */
let s3Client: S3Client | undefined;

export function getS3Client(): S3Client {
  s3Client ??= new S3Client({
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3Client;
}
