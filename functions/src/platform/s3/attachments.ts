import { createHash } from 'node:crypto';
import type { AttachmentFiles, StagedUpload } from '@zhixiang/shared/ports/attachments';
import type { StoredAttachment } from '@zhixiang/shared/uploads/attachments';
import { checkUploadedFile } from '@zhixiang/shared/uploads/checked-file';
import { S3PrivateFiles } from './private-files';
import type { S3 } from './s3';

/**
 * Attachments in the document bucket (SSE-KMS by the bucket's default): a complaint's photos
 * (`complaints/`), a rectification's closure evidence (`voice/`). Staging keys sit under an
 * `uploads/` folder of the prefix, which the bucket's lifecycle expires after a day.
 */
export class S3Attachments implements AttachmentFiles {
  private readonly files: S3PrivateFiles;

  constructor(
    private readonly s3: () => S3,
    private readonly bucket: string,
  ) {
    this.files = new S3PrivateFiles(s3, bucket);
  }

  presignUpload(stagingKey: string, expiresInSeconds: number): Promise<string> {
    // The type is decided by the file's first bytes when it is checked, not by what the device declares.
    return this.files.presignPut(stagingKey, 'application/octet-stream', expiresInSeconds);
  }

  async keep(staged: readonly StagedUpload[], at: string): Promise<StoredAttachment[]> {
    const checked = [];
    // One at a time, in order: the first refusal is the one the caller hears about.
    for (const upload of staged)
      checked.push({ upload, ...(await checkUploadedFile(this.files, upload.stagingKey, upload.rule)) });
    const kept: StoredAttachment[] = [];
    for (const { upload, bytes, contentType } of checked) {
      await this.s3().put(this.bucket, upload.finalKey, bytes, contentType);
      kept.push({
        key: upload.finalKey,
        contentType,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: at,
      });
    }
    return kept;
  }

  async discardStaged(stagingKeys: readonly string[]): Promise<void> {
    await Promise.all(stagingKeys.map((key) => this.files.delete(key)));
  }

  presignGet(key: string, expiresInSeconds: number): Promise<string> {
    return this.files.presignGet(key, expiresInSeconds);
  }
}
