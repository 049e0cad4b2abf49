import type { S3 } from '../../platform/s3/s3';

/** Brochures stay private in the document bucket; customers get a link valid for ten minutes. */
export const BROCHURE_LINK_SECONDS = 600;

export interface BrochureLinks {
  urlFor(key: string): Promise<string>;
}

/** Takes a client factory so handlers that never link a brochure never build an S3 client. */
export class S3BrochureLinks implements BrochureLinks {
  constructor(
    private readonly s3: () => S3,
    private readonly bucket: string,
  ) {}

  urlFor(key: string): Promise<string> {
    return this.s3().presign('GET', this.bucket, key, {
      expiresInSeconds: BROCHURE_LINK_SECONDS,
      query: { 'response-content-type': 'application/pdf', 'response-content-disposition': 'inline' },
    });
  }
}

/** Where brochure PDFs are kept; the seed uploads the demo ones once. */
export interface BrochureStore {
  has(key: string): Promise<boolean>;
  put(key: string, pdf: Uint8Array): Promise<void>;
}

export class S3BrochureStore implements BrochureStore {
  constructor(
    private readonly s3: () => S3,
    private readonly bucket: string,
  ) {}

  async has(key: string): Promise<boolean> {
    return (await this.s3().size(this.bucket, key)) !== null;
  }

  async put(key: string, pdf: Uint8Array): Promise<void> {
    await this.s3().put(this.bucket, key, pdf, 'application/pdf');
  }
}
