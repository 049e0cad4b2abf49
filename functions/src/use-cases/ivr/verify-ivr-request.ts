import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import { IVR_HEADERS } from '@zhixiang/shared/ivr/schemas';
import type { IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';

/** A signed request older or newer than this (clock skew included) is refused. */
export const IVR_MAX_SKEW_MS = 5 * 60_000;

/** `${timestamp}.${nonce}.${raw body}` signed with HMAC-SHA256, lower-case hex (what the IVR sends). */
export function signIvrRequest(secret: string, timestamp: string, nonce: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${rawBody}`, 'utf8').digest('hex');
}

export interface IvrVerificationDeps {
  secret: () => Promise<string>;
  calls: Pick<IvrCallStore, 'claimNonce'>;
  now: () => number;
}

const refuse = (message: string, logMessage: string) =>
  new AppError('UNAUTHENTICATED', message, { logMessage: `ivr: ${logMessage}` });

/**
 * Proves a request came from the call centre's phone system, once: the signature over the exact
 * bytes sent (constant-time comparison), a timestamp within five minutes, and a nonce the
 * database has not seen (a conditional create, so two replays at once cannot both pass). The
 * nonce is claimed only after the signature checks out, so forged requests cannot burn nonces.
 */
export async function verifyIvrRequest(
  request: { headers: Record<string, string | undefined>; rawBody: string },
  deps: IvrVerificationDeps,
): Promise<void> {
  const timestamp = request.headers[IVR_HEADERS.timestamp] ?? '';
  const nonce = request.headers[IVR_HEADERS.nonce] ?? '';
  const signature = request.headers[IVR_HEADERS.signature] ?? '';
  if (!timestamp || !nonce || !signature) throw refuse('请求未签名', 'missing signature headers');
  const now = deps.now();
  if (!/^\d{13}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > IVR_MAX_SKEW_MS)
    throw refuse('请求时间戳无效或已过期', `timestamp ${timestamp} outside ±5 min of ${now}`);
  if (!/^[\w-]{16,64}$/.test(nonce)) throw refuse('请求随机数格式不正确', 'malformed nonce');
  const expected = Buffer.from(signIvrRequest(await deps.secret(), timestamp, nonce, request.rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refuse('签名校验失败', 'signature mismatch');
  if (!(await deps.calls.claimNonce(nonce, now + 2 * IVR_MAX_SKEW_MS)))
    throw refuse('重复的请求已被拒绝', `replayed nonce ${nonce}`);
}
