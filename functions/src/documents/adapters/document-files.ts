import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOCUMENT_LINK_SECONDS } from '@zhixiang/shared/documents/model';

export type ReadUpload =
  | { status: 'missing' }
  | { status: 'too_large'; bytes: number }
  | { status: 'ok'; body: Uint8Array };

export interface DocumentFiles {
  /** A presigned PUT for a client upload of `contentType` to `key`. */
  uploadUrl(key: string, contentType: string): Promise<string>;
  /** Reads an uploaded object after checking its size with a HEAD (never downloads an oversized one). */
  readUpload(key: string, maxBytes: number): Promise<ReadUpload>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** A presigned GET showing the PDF inline under `filename`. */
  pdfLink(key: string, filename: string): Promise<string>;
}

/** The document bucket (versioned, KMS-encrypted: serverless.yml DocumentBucket). */
export class S3DocumentFiles implements DocumentFiles {
  constructor(
    private readonly s3: () => S3Client,
    private readonly bucket: string,
  ) {}

  uploadUrl(key: string, contentType: string): Promise<string> {
    return getSignedUrl(
      this.s3(),
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
      {
        expiresIn: DOCUMENT_LINK_SECONDS,
      },
    );
  }

  async readUpload(key: string, maxBytes: number): Promise<ReadUpload> {
    try {
      const head = await this.s3().send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const bytes = head.ContentLength ?? 0;
      if (bytes > maxBytes) return { status: 'too_large', bytes };
      const object = await this.s3().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = await object.Body?.transformToByteArray();
      if (!body) return { status: 'missing' };
      // The object may have been replaced between HEAD and GET.
      if (body.length > maxBytes) return { status: 'too_large', bytes: body.length };
      return { status: 'ok', body };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (
        status === 404 ||
        (error as { name?: string }).name === 'NotFound' ||
        (error as { name?: string }).name === 'NoSuchKey'
      )
        return { status: 'missing' };
      throw error;
    }
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.s3().send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  pdfLink(key: string, filename: string): Promise<string> {
    return getSignedUrl(
      this.s3(),
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      }),
      { expiresIn: DOCUMENT_LINK_SECONDS },
    );
  }
}
