import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KmsClient } from '../aws/kms';
import { KeyringFieldCipher } from './field-cipher';
import { KmsKeyWrapper } from './key-wrappers';
import type { KeyringStore, WrappedKeyRecord } from './keyring';

const KEY_ID = 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * A fake of the KMS JSON API (awsJson1_1: POST /, X-Amz-Target: TrentService.<Action>) that really
 * wraps keys with its own master key and enforces the key id and encryption context, so our
 * KMS client and our wrapper are exercised end to end.
 */
class FakeKms {
  readonly master = randomBytes(32);
  readonly calls: { target: string; body: Record<string, unknown>; authorization: string | undefined }[] = [];
  private server!: Server;
  endpoint = '';

  async start() {
    this.server = createServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      const target = String(req.headers['x-amz-target']);
      this.calls.push({ target, body, authorization: req.headers.authorization });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(payload));
      };
      if (body.KeyId !== KEY_ID) return reply(400, { __type: 'NotFoundException', message: 'Key not found' });
      const context = JSON.stringify(body.EncryptionContext ?? {});
      if (target === 'TrentService.GenerateDataKey') {
        const plaintext = randomBytes(32);
        return reply(200, {
          KeyId: KEY_ID,
          Plaintext: plaintext.toString('base64'),
          CiphertextBlob: this.wrap(plaintext, context).toString('base64'),
        });
      }
      if (target === 'TrentService.Decrypt') {
        try {
          const plaintext = this.unwrap(Buffer.from(String(body.CiphertextBlob), 'base64'), context);
          return reply(200, { KeyId: KEY_ID, Plaintext: plaintext.toString('base64') });
        } catch {
          return reply(400, { __type: 'InvalidCiphertextException', message: '' });
        }
      }
      return reply(400, { __type: 'UnknownOperationException' });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wrap(plaintext: Buffer, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private unwrap(blob: Buffer, context: string): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.master, blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

class MemoryKeyring implements KeyringStore {
  data: WrappedKeyRecord[] = [];
  index: WrappedKeyRecord | null = null;
  async listDataKeys() {
    return [...this.data];
  }
  async addDataKey(key: WrappedKeyRecord) {
    this.data.push(key);
    return true;
  }
  async getIndexKey() {
    return this.index;
  }
  async addIndexKey(key: WrappedKeyRecord) {
    this.index ??= key;
    return true;
  }
}

const kms = new FakeKms();
let client: KmsClient;
beforeAll(async () => {
  await kms.start();
  client = new KmsClient({ endpoint: kms.endpoint });
});
afterAll(async () => {
  await kms.stop();
});

describe('KmsKeyWrapper against a KMS JSON API fake', () => {
  it('wraps data keys with GenerateDataKey and unwraps them with Decrypt, signed and with our context', async () => {
    const keyring = new MemoryKeyring();
    const cipher = new KeyringFieldCipher({ keyring, wrapper: new KmsKeyWrapper(client, KEY_ID) });
    const ciphertext = await cipher.encrypt('11010519491231002X');

    // A new process (cold start) has only the wrapped key and must ask KMS to unwrap it.
    const coldStart = new KeyringFieldCipher({ keyring, wrapper: new KmsKeyWrapper(client, KEY_ID) });
    expect(await coldStart.decrypt(ciphertext)).toBe('11010519491231002X');

    const targets = kms.calls.map((c) => c.target);
    expect(targets).toContain('TrentService.GenerateDataKey');
    expect(targets).toContain('TrentService.Decrypt');
    const generate = kms.calls.find((c) => c.target === 'TrentService.GenerateDataKey');
    expect(generate?.body).toMatchObject({
      KeyId: KEY_ID,
      KeySpec: 'AES_256',
      EncryptionContext: { purpose: 'zhixiang-field-encryption' },
    });
    expect(generate?.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${process.env.AWS_ACCESS_KEY_ID}/\\d{8}/${process.env.AWS_REGION}/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(keyring.data[0]?.wrapperId).toBe(`kms:${KEY_ID}`);
    expect(keyring.data[0]?.wrappedKey).not.toBe('');
  });

  it('unwraps each key once per process (one Decrypt per cold start, not per value)', async () => {
    const keyring = new MemoryKeyring();
    await new KeyringFieldCipher({ keyring, wrapper: new KmsKeyWrapper(client, KEY_ID) }).encrypt('warm-up');
    const cipher = new KeyringFieldCipher({ keyring, wrapper: new KmsKeyWrapper(client, KEY_ID) });
    const before = kms.calls.filter((c) => c.target === 'TrentService.Decrypt').length;
    for (const value of ['a', 'b', 'c']) await cipher.decrypt(await cipher.encrypt(value));
    expect(kms.calls.filter((c) => c.target === 'TrentService.Decrypt').length - before).toBe(1);
  });

  it('fails loudly when KMS refuses (wrong key)', async () => {
    const cipher = new KeyringFieldCipher({
      keyring: new MemoryKeyring(),
      wrapper: new KmsKeyWrapper(client, 'alias/other'),
    });
    await expect(cipher.encrypt('x')).rejects.toThrow(/Key not found/);
  });
});
