import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';

/**
 * Machine-to-machine requests (the call centre's IVR, the billing system's debit results) prove
 * their sender with an HMAC over the exact bytes sent, a timestamp and a one-time nonce.
 */

/** A signed request older or newer than this (clock skew included) is refused. */
export const SIGNED_REQUEST_MAX_SKEW_MS = 5 * 60_000;

/** `${timestamp}.${nonce}.${raw body}` signed with HMAC-SHA256, lower-case hex. */
export function signRequest(secret: string, timestamp: string, nonce: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${rawBody}`, 'utf8').digest('hex');
}

export interface SignedRequestCheck {
  /** Header names (lower case, as normalised) of the timestamp (epoch ms), nonce and signature. */
  headers: { timestamp: string; nonce: string; signature: string };
  secret: () => Promise<string>;
  /** Conditional create of the nonce: false when it was seen before. */
  claimNonce: (nonce: string, expiresAt: number) => Promise<boolean>;
  now: () => number;
  /** Names the sender in log lines (`ivr`, `billing`). */
  caller: string;
}

/**
 * Proves a request came from the holder of the shared secret, once: the signature (constant-time
 * comparison), a timestamp within five minutes, and a nonce the database has not seen (a
 * conditional create, so two replays at once cannot both pass). The nonce is claimed only after
 * the signature checks out, so forged requests cannot burn nonces.
 */
export async function verifySignedRequest(
  request: { headers: Record<string, string | undefined>; rawBody: string },
  check: SignedRequestCheck,
): Promise<void> {
  const refuse = (message: string, logMessage: string) =>
    new AppError('UNAUTHENTICATED', message, { logMessage: `${check.caller}: ${logMessage}` });
  const timestamp = request.headers[check.headers.timestamp] ?? '';
  const nonce = request.headers[check.headers.nonce] ?? '';
  const signature = request.headers[check.headers.signature] ?? '';
  if (!timestamp || !nonce || !signature) throw refuse('请求未签名', 'missing signature headers');
  const now = check.now();
  if (!/^\d{13}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > SIGNED_REQUEST_MAX_SKEW_MS)
    throw refuse('请求时间戳无效或已过期', `timestamp ${timestamp} outside ±5 min of ${now}`);
  if (!/^[\w-]{16,64}$/.test(nonce)) throw refuse('请求随机数格式不正确', 'malformed nonce');
  const expected = Buffer.from(signRequest(await check.secret(), timestamp, nonce, request.rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refuse('签名校验失败', 'signature mismatch');
  if (!(await check.claimNonce(nonce, now + 2 * SIGNED_REQUEST_MAX_SKEW_MS)))
    throw refuse('重复的请求已被拒绝', `replayed nonce ${nonce}`);
}
