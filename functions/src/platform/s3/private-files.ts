import type { PrivateFileStore } from '@zhixiang/shared/ports/private-files';
import type { S3 } from './s3';

/**
 * Private uploads in the document bucket, each context under its own prefix: ID-card photos and
 * selfie videos (`identity/`), the video authorisations' document photos and recordings
 * (`authorisations/`), the club events' cover images (`events/`).
 */
export class S3PrivateFiles implements PrivateFileStore {
  constructor(
    private readonly s3: () => S3,
    private readonly bucket: string,
  ) {}

  /** The URL signs only the host (as the SDK's presigner did): the upload is checked once read. */
  presignPut(key: string, _contentType: string, expiresInSeconds: number): Promise<string> {
    return this.s3().presign('PUT', this.bucket, key, { expiresInSeconds });
  }

  size(key: string): Promise<number | null> {
    return this.s3().size(this.bucket, key);
  }

  async read(key: string): Promise<Uint8Array> {
    return new Uint8Array((await this.s3().read(this.bucket, key)) ?? []);
  }

  presignGet(key: string, expiresInSeconds: number): Promise<string> {
    return this.s3().presign('GET', this.bucket, key, { expiresInSeconds });
  }

  async delete(key: string): Promise<void> {
    await this.s3().delete(this.bucket, key);
  }
}
