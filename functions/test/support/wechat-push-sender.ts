import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * WeChat's side of the message push in security mode, written from WeChat's documented scheme (and
 * checked against its published example in `message-cipher.test.ts`), independently of the
 * decryption under test: 16 random bytes, the length in network order, the message and the appid,
 * padded to 32-byte blocks, AES-256-CBC with the key's first 16 bytes as IV, Base64; then
 * `msg_signature` over the sorted Token, timestamp, nonce and ciphertext.
 */
export function encryptLikeWechat(
  aesKey: string,
  appId: string,
  message: string,
  random = randomBytes(16),
): string {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');

export interface PushSettings {
  token: string;
  aesKey: string;
  appId: string;
}

/** The query and body WeChat posts to the push URL for one event (JSON format, security mode). */
export function securePush(
  settings: PushSettings,
  event: unknown,
  options: { timestamp?: string; nonce?: string } = {},
): { query: Record<string, string>; rawBody: string } {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(5).toString('hex');
  const encrypt = encryptLikeWechat(settings.aesKey, settings.appId, JSON.stringify(event));
  return {
    query: {
      signature: sha1(settings.token, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: sha1(settings.token, timestamp, nonce, encrypt),
    },
    rawBody: JSON.stringify({ ToUserName: 'gh_test', Encrypt: encrypt }),
  };
}

/** The URL check's signature (the GET that saves the push settings). */
export function urlCheckSignature(token: string, timestamp: string, nonce: string): string {
  return sha1(token, timestamp, nonce);
}
