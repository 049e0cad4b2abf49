import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AuthorisationVideoFiles } from '@zhixiang/shared/ports/authorisations';

/**
 * The recordings of video authorisations, uploaded by the device in parts straight to S3
 * (presigned UploadPart URLs), completed and read back by the server. Parts are recorded by the
 * server as the device reports them, rather than listed from S3: s3rver, the local S3, implements
 * no ListParts, and S3 itself checks every reported ETag when the upload is completed.
 */
export class S3AuthorisationVideoFiles implements AuthorisationVideoFiles {
  constructor(
    private readonly s3: () => S3Client,
    /** Staging: the document bucket, where the device uploads. */
    private readonly bucket: string,
    /** The evidence bucket (Object Lock), named when first used. */
    private readonly evidenceBucket: () => string,
  ) {}

  async createMultipart(key: string, contentType: string): Promise<string> {
    const created = await this.s3().send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    if (!created.UploadId) throw new Error('S3 returned no upload id');
    return created.UploadId;
  }

  presignPart(
    key: string,
    s3UploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<string> {
    return getSignedUrl(
      this.s3(),
      new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: s3UploadId, PartNumber: partNumber }),
      { expiresIn: expiresInSeconds },
    );
  }

  async completeMultipart(key: string, s3UploadId: string, parts: { partNumber: number; etag: string }[]) {
    await this.s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: s3UploadId,
        MultipartUpload: {
          Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag.replaceAll('"', '')}"` })),
        },
      }),
    );
  }

  async digest(key: string, keepBytes: number) {
    let object: GetObjectCommandOutput;
    try {
      object = await this.s3().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    let sizeBytes = 0;
    for await (const chunk of object.Body as Readable) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      if (sizeBytes < keepBytes) kept.push(buffer.subarray(0, keepBytes - sizeBytes));
      sizeBytes += buffer.length;
    }
    return { sha256: hash.digest('hex'), sizeBytes, bytes: new Uint8Array(Buffer.concat(kept)) };
  }

  async delete(key: string): Promise<void> {
    await this.s3().send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async keepAsEvidence(stagingKey: string, evidenceKey: string, retainUntil: Date): Promise<string | null> {
    const copied = await this.s3().send(
      new CopyObjectCommand({
        Bucket: this.evidenceBucket(),
        Key: evidenceKey,
        CopySource: encodeURI(`${this.bucket}/${stagingKey}`),
        ObjectLockMode: 'GOVERNANCE',
        ObjectLockRetainUntilDate: retainUntil,
      }),
    );
    await this.delete(stagingKey);
    return copied.VersionId ?? null;
  }

  presignEvidence(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3(), new GetObjectCommand({ Bucket: this.evidenceBucket(), Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }

  async purgeEvidence(key: string, versionId: string | null): Promise<void> {
    await this.s3().send(
      new DeleteObjectCommand({
        Bucket: this.evidenceBucket(),
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        BypassGovernanceRetention: true,
      }),
    );
  }
}
