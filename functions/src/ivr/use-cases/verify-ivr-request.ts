import { IVR_HEADERS } from '@zhixiang/shared/ivr/schemas';
import type { IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import {
  SIGNED_REQUEST_MAX_SKEW_MS,
  signRequest,
  verifySignedRequest,
} from '../../platform/http/verify-signed-request';

/** A signed request older or newer than this (clock skew included) is refused. */
export const IVR_MAX_SKEW_MS = SIGNED_REQUEST_MAX_SKEW_MS;

/** `${timestamp}.${nonce}.${raw body}` signed with HMAC-SHA256, lower-case hex (what the IVR sends). */
export const signIvrRequest = signRequest;

export interface IvrVerificationDeps {
  secret: () => Promise<string>;
  calls: Pick<IvrCallStore, 'claimNonce'>;
  now: () => number;
}

/** Proves a request came from the call centre's phone system, once (verify-signed-request.ts). */
export function verifyIvrRequest(
  request: { headers: Record<string, string | undefined>; rawBody: string },
  deps: IvrVerificationDeps,
): Promise<void> {
  return verifySignedRequest(request, {
    headers: IVR_HEADERS,
    secret: deps.secret,
    claimNonce: (nonce, expiresAt) => deps.calls.claimNonce(nonce, expiresAt),
    now: deps.now,
    caller: 'ivr',
  });
}
