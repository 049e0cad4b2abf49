import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message encryption (消息加解密, the "security mode" of message push), as WeChat documents
 * it for official accounts and mini programs alike:
 * - the EncodingAESKey is 43 characters of Base64; with one `=` appended it decodes to the 32-byte
 *   AES-256 key, whose first 16 bytes are the CBC IV;
 * - the plaintext is 16 random bytes, the message's length (4 bytes, network order), the message
 *   (UTF-8) and the appid it was sent to, padded PKCS#7-style to a multiple of 32 bytes;
 * - `msg_signature` is the SHA-1 (hex) of the Token, timestamp, nonce and the Base64 ciphertext,
 *   sorted as strings and joined.
 */
const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const BLOCK = 32;

export function isEncodingAesKey(value: string): boolean {
  return ENCODING_AES_KEY.test(value);
}

/** SHA-1 (hex) of the parts sorted and joined: WeChat's `signature` and `msg_signature`. */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Compares a signature WeChat sent with the one we computed, in constant time. */
export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

export class MessageCipherError extends Error {}

/** Decrypts an `Encrypt` value: the message and the appid it names. Throws MessageCipherError. */
export function decryptWechatMessage(
  encodingAesKey: string,
  encrypt: string,
): { message: string; appId: string } {
  if (!isEncodingAesKey(encodingAesKey))
    throw new MessageCipherError('EncodingAESKey is not 43 Base64 characters');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const ciphertext = Buffer.from(encrypt, 'base64');
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0)
    throw new MessageCipherError('ciphertext is not whole AES blocks');
  let padded: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (cause) {
    throw new MessageCipherError('AES decryption failed', { cause });
  }
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || pad > padded.length) throw new MessageCipherError('bad padding');
  const plain = padded.subarray(0, padded.length - pad);
  if (plain.length < 20) throw new MessageCipherError('plaintext too short');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new MessageCipherError('message length beyond the plaintext');
  return {
    message: plain.subarray(20, 20 + length).toString('utf8'),
    appId: plain.subarray(20 + length).toString('utf8'),
  };
}
