import { AppError } from '../errors';
import type { PrivateFileStore } from '../ports/private-files';

/** How one kind of upload is checked, with the Chinese message for each refusal. */
export interface UploadRule<T extends string> {
  maxBytes: number;
  /** The file's type from its first bytes (magic bytes), or null when it is none of the allowed. */
  typeOf(bytes: Uint8Array): T | null;
  field: string;
  notUploaded: string;
  tooLarge: string;
  wrongType: string;
}

/**
 * An uploaded file checked by the server, since neither s3rver nor a presigned PUT enforces
 * anything: present, within the size limit, and of an allowed type by its first bytes, whatever
 * the device declared. A rejected file is deleted.
 */
export async function checkUploadedFile<T extends string>(
  files: Pick<PrivateFileStore, 'size' | 'read' | 'delete'>,
  key: string,
  rule: UploadRule<T>,
): Promise<{ bytes: Uint8Array; contentType: T }> {
  const size = await files.size(key);
  if (size === null || size === 0)
    throw new AppError('VALIDATION_FAILED', rule.notUploaded, { field: rule.field });
  if (size > rule.maxBytes) {
    await files.delete(key);
    throw new AppError('VALIDATION_FAILED', rule.tooLarge, { field: rule.field });
  }
  const bytes = await files.read(key);
  const contentType = rule.typeOf(bytes);
  if (!contentType) {
    await files.delete(key);
    throw new AppError('VALIDATION_FAILED', rule.wrongType, { field: rule.field });
  }
  return { bytes, contentType };
}
