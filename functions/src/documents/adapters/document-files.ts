import { DOCUMENT_LINK_SECONDS } from '@zhixiang/shared/documents/model';
import type { S3 } from '../../platform/s3/s3';

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
    private readonly s3: () => S3,
    private readonly bucket: string,
  ) {}

  /** The URL signs only the host (as the SDK's presigner did): the upload is checked once read. */
  uploadUrl(key: string, _contentType: string): Promise<string> {
    return this.s3().presign('PUT', this.bucket, key, { expiresInSeconds: DOCUMENT_LINK_SECONDS });
  }

  async readUpload(key: string, maxBytes: number): Promise<ReadUpload> {
    const bytes = await this.s3().size(this.bucket, key);
    if (bytes === null) return { status: 'missing' };
    if (bytes > maxBytes) return { status: 'too_large', bytes };
    const body = await this.s3().read(this.bucket, key);
    if (!body) return { status: 'missing' };
    // The object may have been replaced between HEAD and GET.
    if (body.length > maxBytes) return { status: 'too_large', bytes: body.length };
    return { status: 'ok', body: new Uint8Array(body) };
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.s3().put(this.bucket, key, body, contentType);
  }

  pdfLink(key: string, filename: string): Promise<string> {
    return this.s3().presign('GET', this.bucket, key, {
      expiresInSeconds: DOCUMENT_LINK_SECONDS,
      query: {
        'response-content-type': 'application/pdf',
        'response-content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      },
    });
  }
}
