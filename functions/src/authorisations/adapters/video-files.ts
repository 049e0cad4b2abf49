import { createHash } from 'node:crypto';
import type { AuthorisationVideoFiles } from '@zhixiang/shared/ports/authorisations';
import type { S3 } from '../../platform/s3/s3';

/**
 * The recordings of video authorisations, uploaded by the device in parts straight to S3
 * (presigned UploadPart URLs), completed and read back by the server. Parts are recorded by the
 * server as the device reports them, rather than listed from S3: s3rver, the local S3, implements
 * no ListParts, and S3 itself checks every reported ETag when the upload is completed.
 */
export class S3AuthorisationVideoFiles implements AuthorisationVideoFiles {
  constructor(
    private readonly s3: () => S3,
    /** Staging: the document bucket, where the device uploads. */
    private readonly bucket: string,
    /** The evidence bucket (Object Lock), named when first used. */
    private readonly evidenceBucket: () => string,
  ) {}

  createMultipart(key: string, contentType: string): Promise<string> {
    return this.s3().createMultipartUpload(this.bucket, key, contentType);
  }

  presignPart(
    key: string,
    s3UploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<string> {
    return this.s3().presign('PUT', this.bucket, key, {
      expiresInSeconds,
      query: { partNumber: String(partNumber), uploadId: s3UploadId },
    });
  }

  async completeMultipart(key: string, s3UploadId: string, parts: { partNumber: number; etag: string }[]) {
    await this.s3().completeMultipartUpload(
      this.bucket,
      key,
      s3UploadId,
      parts.map((p) => ({ partNumber: p.partNumber, etag: `"${p.etag.replaceAll('"', '')}"` })),
    );
  }

  async digest(key: string, keepBytes: number) {
    const object = await this.s3().stream(this.bucket, key);
    if (!object) return null;
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    let sizeBytes = 0;
    for await (const chunk of object) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      if (sizeBytes < keepBytes) kept.push(buffer.subarray(0, keepBytes - sizeBytes));
      sizeBytes += buffer.length;
    }
    return { sha256: hash.digest('hex'), sizeBytes, bytes: new Uint8Array(Buffer.concat(kept)) };
  }

  async delete(key: string): Promise<void> {
    await this.s3().delete(this.bucket, key);
  }

  async keepAsEvidence(stagingKey: string, evidenceKey: string, retainUntil: Date): Promise<string | null> {
    const versionId = await this.s3().copyUnderRetention(
      { bucket: this.bucket, key: stagingKey },
      { bucket: this.evidenceBucket(), key: evidenceKey },
      retainUntil,
    );
    await this.delete(stagingKey);
    return versionId;
  }

  presignEvidence(key: string, expiresInSeconds: number): Promise<string> {
    return this.s3().presign('GET', this.evidenceBucket(), key, { expiresInSeconds });
  }

  extendRetention(key: string, versionId: string | null, retainUntil: Date): Promise<void> {
    return this.s3().extendRetention(this.evidenceBucket(), key, versionId, retainUntil);
  }

  async purgeEvidence(key: string, versionId: string | null): Promise<void> {
    await this.s3().delete(this.evidenceBucket(), key, {
      ...(versionId ? { versionId } : {}),
      bypassGovernanceRetention: true,
    });
  }
}
