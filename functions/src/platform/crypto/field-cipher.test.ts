import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDocumentClient } from '../dynamodb/client';
import { ciphertextKeyVersion, FieldCipherError, KeyringFieldCipher } from './field-cipher';
import { LocalFileKeyProvider } from './key-wrappers';
import type { KeyringStore, WrappedKeyRecord } from './keyring';
import { DynamoKeyringStore } from './keyring-store';
import { rotateFieldDataKey } from './rotate-field-data-key';

// @local-stack: the keyring is kept in this file's table in DynamoDB Local.

/** The keyring partition is shared by the file, so each test gets its own in-memory ring unless it uses DynamoDB. */
class MemoryKeyring implements KeyringStore {
  data: WrappedKeyRecord[] = [];
  index: WrappedKeyRecord | null = null;
  async listDataKeys() {
    return [...this.data];
  }
  async addDataKey(key: WrappedKeyRecord) {
    if (this.data.some((k) => k.version === key.version)) return false;
    this.data.push(key);
    return true;
  }
  async getIndexKey() {
    return this.index;
  }
  async addIndexKey(key: WrappedKeyRecord) {
    if (this.index) return false;
    this.index = key;
    return true;
  }
}

let keyFile: string;
beforeEach(async () => {
  keyFile = join(await mkdtemp(join(tmpdir(), 'zx-key-')), 'nested', 'field-master.key');
});

describe('KeyringFieldCipher', () => {
  it('round-trips Chinese and ASCII values and never repeats a ciphertext', async () => {
    const cipher = new KeyringFieldCipher({
      keyring: new MemoryKeyring(),
      wrapper: new LocalFileKeyProvider('local', keyFile),
    });
    const a = await cipher.encrypt('11010519491231002X');
    const b = await cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(a).toMatch(/^f1\.1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await cipher.decrypt(a)).toBe('11010519491231002X');
    expect(await cipher.decrypt(await cipher.encrypt('上海市浦东新区'))).toBe('上海市浦东新区');
  });

  it('creates the local master key file on first use, readable by the owner only', async () => {
    const cipher = new KeyringFieldCipher({
      keyring: new MemoryKeyring(),
      wrapper: new LocalFileKeyProvider('local', keyFile),
    });
    await cipher.encrypt('13800138000');
    expect(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64')).toHaveLength(32);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });

  it('detects tampering with the body, the tag, the iv or the key version', async () => {
    const keyring = new MemoryKeyring();
    const cipher = new KeyringFieldCipher({ keyring, wrapper: new LocalFileKeyProvider('local', keyFile) });
    const ciphertext = await cipher.encrypt('13800138000');
    await rotateFieldDataKey({ keyring, wrapper: new LocalFileKeyProvider('local', keyFile) });
    const parts = ciphertext.split('.');
    const flip = (s: string) => (s[0] === 'A' ? `B${s.slice(1)}` : `A${s.slice(1)}`);
    for (const index of [1, 2, 3, 4]) {
      const tampered = [...parts];
      tampered[index] = index === 1 ? '2' : flip(tampered[index] ?? '');
      await expect(cipher.decrypt(tampered.join('.'))).rejects.toThrow(FieldCipherError);
    }
    await expect(cipher.decrypt('not-a-ciphertext')).rejects.toThrow(FieldCipherError);
  });

  it('keeps old values readable after a rotation and re-encrypts them with the new key', async () => {
    const keyring = new MemoryKeyring();
    const wrapper = new LocalFileKeyProvider('local', keyFile);
    const cipher = new KeyringFieldCipher({ keyring, wrapper });
    const stored = [await cipher.encrypt('11010519491231002X'), await cipher.encrypt('13800138000')];
    const indexBefore = await cipher.blindIndex('phone', '13800138000');

    const result = await rotateFieldDataKey({
      keyring,
      wrapper,
      reencryptAll: async (current) => {
        for (let i = 0; i < stored.length; i++) stored[i] = await current.reencrypt(stored[i] ?? '');
        return stored.length;
      },
    });

    expect(result).toEqual({ previousVersion: 1, currentVersion: 2, reencrypted: 2 });
    expect(stored.map(ciphertextKeyVersion)).toEqual([2, 2]);
    const fresh = new KeyringFieldCipher({ keyring, wrapper });
    expect(await fresh.decrypt(stored[0] ?? '')).toBe('11010519491231002X');
    expect(await fresh.blindIndex('phone', '13800138000')).toBe(indexBefore);
    expect(ciphertextKeyVersion(await fresh.encrypt('x'))).toBe(2);
  });

  it('gives stable blind indexes that depend on the purpose and ignore case and spaces of ID numbers', async () => {
    const keyring = new MemoryKeyring();
    const cipher = new KeyringFieldCipher({ keyring, wrapper: new LocalFileKeyProvider('local', keyFile) });
    const again = new KeyringFieldCipher({ keyring, wrapper: new LocalFileKeyProvider('local', keyFile) });
    const index = await cipher.blindIndex('id_number', '11010519491231002X');
    expect(await again.blindIndex('id_number', ' 11010519491231002x ')).toBe(index);
    expect(await cipher.blindIndex('phone', '11010519491231002X')).not.toBe(index);
    expect(index).not.toContain('110105');
  });

  it('refuses keys wrapped by another kind of provider instead of mis-decrypting them', async () => {
    const keyring = new MemoryKeyring();
    await new KeyringFieldCipher({ keyring, wrapper: new LocalFileKeyProvider('local', keyFile) }).encrypt(
      'x',
    );
    const kmsLike = {
      id: 'kms:alias/field',
      generateDataKey: async () => ({ plaintext: Buffer.alloc(32), wrapped: '' }),
      unwrap: async () => Buffer.alloc(32),
    };
    const cipher = new KeyringFieldCipher({ keyring, wrapper: kmsLike });
    await expect(cipher.encrypt('x')).rejects.toThrow(/wrapped by local-file/);
  });

  it('keeps its keyring in DynamoDB: a second process reads the same keys', async () => {
    const ctx = { client: getDocumentClient(), table: process.env.TABLE_NAME ?? '' };
    const wrapper = new LocalFileKeyProvider('local', keyFile);
    const first = new KeyringFieldCipher({ keyring: new DynamoKeyringStore(ctx), wrapper });
    const ciphertext = await first.encrypt('6222020200112233445');
    const index = await first.blindIndex('bank_account', '6222020200112233445');
    await rotateFieldDataKey({ keyring: new DynamoKeyringStore(ctx), wrapper });

    const second = new KeyringFieldCipher({ keyring: new DynamoKeyringStore(ctx), wrapper });
    expect(await second.decrypt(ciphertext)).toBe('6222020200112233445');
    expect(await second.blindIndex('bank_account', '6222020200112233445')).toBe(index);
    expect(ciphertextKeyVersion(await second.encrypt('x'))).toBeGreaterThan(
      ciphertextKeyVersion(ciphertext) ?? 0,
    );
    expect(
      await new DynamoKeyringStore(ctx).addDataKey({
        version: 1,
        wrappedKey: 'x',
        wrapperId: 'x',
        createdAt: '',
      }),
    ).toBe(false);
  });
});
