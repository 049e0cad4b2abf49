import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** Brochures stay private in the document bucket; customers get a link valid for ten minutes. */
export const BROCHURE_LINK_SECONDS = 600;

export interface BrochureLinks {
  urlFor(key: string): Promise<string>;
}

/** Takes a client factory so handlers that never link a brochure never build an S3 client. */
export class S3BrochureLinks implements BrochureLinks {
  constructor(
    private readonly s3: () => S3Client,
    private readonly bucket: string,
  ) {}

  urlFor(key: string): Promise<string> {
    return getSignedUrl(
      this.s3(),
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: 'inline',
      }),
      { expiresIn: BROCHURE_LINK_SECONDS },
    );
  }
}

/** Where brochure PDFs are kept; the seed uploads the demo ones once. */
export interface BrochureStore {
  has(key: string): Promise<boolean>;
  put(key: string, pdf: Uint8Array): Promise<void>;
}

export class S3BrochureStore implements BrochureStore {
  constructor(
    private readonly s3: () => S3Client,
    private readonly bucket: string,
  ) {}

  async has(key: string): Promise<boolean> {
    try {
      await this.s3().send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (
        (error as { name?: string }).name === 'NotFound' ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        return false;
      throw error;
    }
  }

  async put(key: string, pdf: Uint8Array): Promise<void> {
    await this.s3().send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: pdf, ContentType: 'application/pdf' }),
    );
  }
}
