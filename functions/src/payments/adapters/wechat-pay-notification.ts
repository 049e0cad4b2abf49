import { createCipheriv, createSign, randomBytes } from 'node:crypto';

/**
 * The sender's side of a WeChat Pay v3 notification, as documented: the transaction JSON sealed
 * with AEAD_AES_256_GCM under the APIv3 key (a 12-character nonce, associated data
 * `transaction`), the whole body signed SHA256-with-RSA by WeChat Pay's private key over
 * timestamp, nonce and body, one per line. The local sandbox and the test fake post with it.
 */
export function sealWechatPayNotification(
  keys: { apiV3Key: string; platformPrivateKeyPem: string; platformPublicKeyId: string },
  transaction: Record<string, unknown>,
  options: { timestamp?: number; eventType?: string } = {},
): { headers: Record<string, string>; body: string } {
  const nonce = randomBytes(6).toString('hex');
  const associated = 'transaction';
  const cipher = createCipheriv(
    'aes-256-gcm',
    Buffer.from(keys.apiV3Key, 'utf8'),
    Buffer.from(nonce, 'utf8'),
  );
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const sealed = Buffer.concat([
    cipher.update(JSON.stringify(transaction)),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const body = JSON.stringify({
    id: randomBytes(16).toString('hex'),
    create_time: `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
    resource_type: 'encrypt-resource',
    event_type: options.eventType ?? 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.toString('base64'),
      associated_data: associated,
      nonce,
    },
  });
  return { headers: signWechatPayBody(keys, body, options.timestamp), body };
}

/** The Wechatpay-* headers of a body WeChat Pay sends (an answer or a notification). */
export function signWechatPayBody(
  keys: { platformPrivateKeyPem: string; platformPublicKeyId: string },
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const nonce = randomBytes(16).toString('hex');
  const ts = String(timestamp);
  return {
    'Wechatpay-Timestamp': ts,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': createSign('RSA-SHA256')
      .update(`${ts}\n${nonce}\n${body}\n`)
      .sign(keys.platformPrivateKeyPem, 'base64'),
    'Wechatpay-Serial': keys.platformPublicKeyId,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}
