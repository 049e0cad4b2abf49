import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptLikeWechat } from '../../../test/support/wechat-push-sender';
import {
  decryptWechatMessage,
  MessageCipherError,
  signatureMatches,
  wechatSignature,
} from './message-cipher';

/** WeChat's published example of message encryption (its sample code's test values). */
const EXAMPLE = {
  token: 'spamtest',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};

describe("WeChat's message encryption", () => {
  it("checks WeChat's example msg_signature and decrypts its example to the message and appid", () => {
    const { token, timestamp, nonce, encrypt, msgSignature } = EXAMPLE;
    expect(signatureMatches(wechatSignature(token, timestamp, nonce, encrypt), msgSignature)).toBe(true);
    expect(signatureMatches(wechatSignature(token, timestamp, nonce, `${encrypt}x`), msgSignature)).toBe(
      false,
    );
    const { message, appId } = decryptWechatMessage(EXAMPLE.aesKey, encrypt);
    expect(appId).toBe(EXAMPLE.appId);
    expect(message).toContain('<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>');
    expect(message).toContain('<Content><![CDATA[abcdteT]]></Content>');
  });

  it("the tests' push sender reproduces WeChat's example byte for byte, given its random prefix", () => {
    // The first 16 bytes of the example's plaintext are its random prefix.
    const key = Buffer.from(`${EXAMPLE.aesKey}=`, 'base64');
    const first = Buffer.from(EXAMPLE.encrypt, 'base64').subarray(0, 16);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const random = decipher.update(first);
    const { message } = decryptWechatMessage(EXAMPLE.aesKey, EXAMPLE.encrypt);
    expect(encryptLikeWechat(EXAMPLE.aesKey, EXAMPLE.appId, message, random)).toBe(EXAMPLE.encrypt);
  });

  it('refuses a tampered ciphertext, a wrong key and a malformed key', () => {
    const bytes = Buffer.from(EXAMPLE.encrypt, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    const tampered = () => decryptWechatMessage(EXAMPLE.aesKey, bytes.toString('base64'));
    expect(tampered).toThrow(MessageCipherError);
    const otherKey = `${'b'.repeat(42)}A`;
    expect(() => {
      const { appId } = decryptWechatMessage(otherKey, EXAMPLE.encrypt);
      if (appId !== EXAMPLE.appId) throw new MessageCipherError('wrong appid');
    }).toThrow(MessageCipherError);
    expect(() => decryptWechatMessage('short', EXAMPLE.encrypt)).toThrow(/43 Base64/);
    expect(() => decryptWechatMessage(EXAMPLE.aesKey, 'AAAA')).toThrow(/whole AES blocks/);
  });
});
