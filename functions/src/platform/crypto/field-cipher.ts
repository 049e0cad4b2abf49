import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { BlindIndexPurpose, FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { DataKeyWrapper } from './key-wrappers';
import type { KeyringStore, WrappedKeyRecord } from './keyring';

/**
 * Ciphertext layout: `f1.<keyVersion>.<iv>.<tag>.<body>` (base64url parts). The header
 * `f1.<keyVersion>` is also the GCM additional data, so changing the key version or format marker
 * is detected like any other tampering.
 */
const FORMAT = 'f1';
const REFRESH_MS = 5 * 60_000;

export class FieldCipherError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FieldCipherError';
  }
}

export interface KeyringFieldCipherOptions {
  keyring: KeyringStore;
  wrapper: DataKeyWrapper;
  now?: () => number;
}

/**
 * AES-256-GCM field encryption with envelope data keys from the keyring, plus HMAC-SHA256 blind
 * indexes. Unwrapped keys are cached for the life of the process (one KMS call per key per cold
 * start); the list of versions is re-read every few minutes so a rotation done by the admin CLI
 * reaches warm functions without a redeploy.
 */
export class KeyringFieldCipher implements FieldCipher {
  private readonly unwrapped = new Map<number, Promise<Buffer>>();
  private current: { version: number; loadedAt: number } | undefined;
  private indexKey: Promise<Buffer> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: KeyringFieldCipherOptions) {
    this.now = options.now ?? Date.now;
  }

  async encrypt(plaintext: string): Promise<string> {
    const version = await this.currentVersion();
    const key = await this.dataKey(version);
    const header = `${FORMAT}.${version}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(header));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      header,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  async decrypt(ciphertext: string): Promise<string> {
    const parts = ciphertext.split('.');
    const [format, versionText, iv, tag, body] = parts;
    const version = Number(versionText);
    if (
      parts.length !== 5 ||
      format !== FORMAT ||
      !Number.isInteger(version) ||
      !iv ||
      !tag ||
      body === undefined
    ) {
      throw new FieldCipherError('not a field ciphertext');
    }
    const key = await this.dataKey(version);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`${format}.${version}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch (cause) {
      throw new FieldCipherError('field ciphertext failed authentication', { cause });
    }
  }

  async blindIndex(purpose: BlindIndexPurpose, value: string): Promise<string> {
    const key = await this.loadIndexKey();
    return createHmac('sha256', key)
      .update(`${purpose}:${normalizeForIndex(purpose, value)}`)
      .digest('base64url');
  }

  /** True when the value was encrypted with an older data key (the rotation re-encrypts those). */
  async isStale(ciphertext: string): Promise<boolean> {
    return ciphertextKeyVersion(ciphertext) !== (await this.currentVersion());
  }

  /** Decrypts with whatever key encrypted it and encrypts with the current key. */
  async reencrypt(ciphertext: string): Promise<string> {
    return (await this.isStale(ciphertext)) ? this.encrypt(await this.decrypt(ciphertext)) : ciphertext;
  }

  /** The current data key version, creating version 1 on first use of an empty keyring. */
  async currentVersion(forceRefresh = false): Promise<number> {
    if (!forceRefresh && this.current && this.now() - this.current.loadedAt < REFRESH_MS)
      return this.current.version;
    let keys = await this.options.keyring.listDataKeys();
    if (keys.length === 0) {
      await addDataKeyVersion(this.options.keyring, this.options.wrapper, 1);
      keys = await this.options.keyring.listDataKeys();
    }
    const version = Math.max(...keys.map((k) => k.version));
    this.current = { version, loadedAt: this.now() };
    return version;
  }

  private dataKey(version: number): Promise<Buffer> {
    let key = this.unwrapped.get(version);
    if (!key) {
      key = this.loadDataKey(version);
      this.unwrapped.set(version, key);
      key.catch(() => this.unwrapped.delete(version));
    }
    return key;
  }

  private async loadDataKey(version: number): Promise<Buffer> {
    const record = (await this.options.keyring.listDataKeys()).find((k) => k.version === version);
    if (!record) throw new FieldCipherError(`data key version ${version} is not in the keyring`);
    return this.unwrap(record);
  }

  private loadIndexKey(): Promise<Buffer> {
    if (!this.indexKey) {
      this.indexKey = this.readOrCreateIndexKey();
      this.indexKey.catch(() => {
        this.indexKey = undefined;
      });
    }
    return this.indexKey;
  }

  private async readOrCreateIndexKey(): Promise<Buffer> {
    let record = await this.options.keyring.getIndexKey();
    if (!record) {
      const { wrapped } = await this.options.wrapper.generateDataKey();
      // Another process may create it at the same moment; whoever loses reads the winner's key.
      await this.options.keyring.addIndexKey(wrappedRecord(1, wrapped, this.options.wrapper.id));
      record = await this.options.keyring.getIndexKey();
      if (!record) throw new FieldCipherError('blind index key could not be created');
    }
    return this.unwrap(record);
  }

  private async unwrap(record: WrappedKeyRecord): Promise<Buffer> {
    // Compare the kind only (`kms`, `local-file`): the same KMS key may be named by id, ARN or alias.
    if (wrapperKind(record.wrapperId) !== wrapperKind(this.options.wrapper.id)) {
      throw new FieldCipherError(
        `key version ${record.version} was wrapped by ${record.wrapperId}, not ${this.options.wrapper.id}`,
      );
    }
    return this.options.wrapper.unwrap(record.wrappedKey);
  }
}

function wrapperKind(wrapperId: string): string {
  return wrapperId.split(':')[0] ?? wrapperId;
}

export function ciphertextKeyVersion(ciphertext: string): number | null {
  const [format, version] = ciphertext.split('.');
  return format === FORMAT && version && /^\d+$/.test(version) ? Number(version) : null;
}

/** Index lookups must not depend on how the user typed the value. */
function normalizeForIndex(purpose: BlindIndexPurpose, value: string): string {
  const compact = value.replace(/\s+/g, '');
  return purpose === 'id_number' ? compact.toUpperCase() : compact;
}

function wrappedRecord(version: number, wrappedKey: string, wrapperId: string): WrappedKeyRecord {
  return { version, wrappedKey, wrapperId, createdAt: new Date().toISOString() };
}

export async function addDataKeyVersion(
  keyring: KeyringStore,
  wrapper: DataKeyWrapper,
  version: number,
): Promise<boolean> {
  const { wrapped } = await wrapper.generateDataKey();
  return keyring.addDataKey(wrappedRecord(version, wrapped, wrapper.id));
}
