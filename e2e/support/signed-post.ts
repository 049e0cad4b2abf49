import { randomUUID } from 'node:crypto';
import { signRequest } from '../../functions/src/platform/http/verify-signed-request';

/**
 * A machine-to-machine request as the insurer's systems send it (the billing system's debit
 * results, the phone system's caller check): the body signed with the shared secret, a timestamp
 * and a nonce, under the route's own header names.
 */
export function postSigned(
  url: string,
  headerNames: { timestamp: string; nonce: string; signature: string },
  secret: string,
  body: unknown,
): Promise<Response> {
  const rawBody = JSON.stringify(body);
  const timestamp = String(Date.now());
  const nonce = randomUUID();
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [headerNames.timestamp]: timestamp,
      [headerNames.nonce]: nonce,
      [headerNames.signature]: signRequest(secret, timestamp, nonce, rawBody),
    },
    body: rawBody,
  });
}
