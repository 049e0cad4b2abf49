import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KmsClient } from '../aws/kms';
import { assertLocalStage, type Stage } from '../config';

/**
 * Wraps (encrypts) the 256-bit data keys of the keyring. Deployed stages wrap with a KMS key, so a
 * copy of the table alone decrypts nothing; the local stage wraps with a master key kept in a file.
 */
export interface DataKeyWrapper {
  /** Recorded beside each wrapped key so a key wrapped elsewhere is recognised, not mis-decrypted. */
  readonly id: string;
  generateDataKey(): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(wrapped: string): Promise<Buffer>;
}

/** Binds wrapped keys to their use: KMS refuses to decrypt them with another context. */
const ENCRYPTION_CONTEXT = { purpose: 'zhixiang-field-encryption' };

export class KmsKeyWrapper implements DataKeyWrapper {
  readonly id: string;

  constructor(
    private readonly kms: KmsClient,
    private readonly keyId: string,
  ) {
    this.id = `kms:${keyId}`;
  }

  async generateDataKey(): Promise<{ plaintext: Buffer; wrapped: string }> {
    const { plaintext, wrapped } = await this.kms.generateDataKey({
      KeyId: this.keyId,
      EncryptionContext: ENCRYPTION_CONTEXT,
    });
    return { plaintext, wrapped: wrapped.toString('base64') };
  }

  unwrap(wrapped: string): Promise<Buffer> {
    return this.kms.decrypt({
      KeyId: this.keyId,
      CiphertextBlob: Buffer.from(wrapped, 'base64'),
      EncryptionContext: ENCRYPTION_CONTEXT,
    });
  }
}

/**
 * Local stage only: a random master key in a git-ignored file, created on first use. It protects
 * demo data on a developer machine; it is not a substitute for KMS and refuses other stages.
 */
export class LocalFileKeyProvider implements DataKeyWrapper {
  readonly id = 'local-file';
  private masterKey: Promise<Buffer> | undefined;

  constructor(
    stage: Stage,
    private readonly file: string,
  ) {
    assertLocalStage(stage, 'LocalFileKeyProvider');
  }

  async generateDataKey(): Promise<{ plaintext: Buffer; wrapped: string }> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.loadMasterKey(), iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext, wrapped: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  }

  async unwrap(wrapped: string): Promise<Buffer> {
    const raw = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', await this.loadMasterKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }

  private loadMasterKey(): Promise<Buffer> {
    this.masterKey ??= readOrCreateKeyFile(this.file);
    return this.masterKey;
  }
}

async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  await mkdir(dirname(file), { recursive: true });
  // Written whole to a file of its own, then linked into place: link fails if the key exists, so of
  // two processes starting together one creates it, and neither ever reads a half-written key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
