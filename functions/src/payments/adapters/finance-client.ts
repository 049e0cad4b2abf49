import { randomUUID } from 'node:crypto';
import {
  FINANCE_HEADERS,
  FINANCE_IDEMPOTENCY_HEADER,
  FINANCE_INSTRUCTIONS_PATH,
  type FinanceInstructionBody,
} from '@zhixiang/shared/payments/finance-api';
import { FinanceError, type FinancePayouts } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { signRequest } from '../../platform/http/verify-signed-request';

/** The instruction as the finance system's API takes it. */
export function financeInstructionBody(instruction: PayoutInstructionRecord): FinanceInstructionBody {
  return {
    reference: instruction.reference,
    idempotencyKey: instruction.idempotencyKey,
    amountCents: instruction.amountCents,
    currency: 'CNY',
    payee: {
      name: instruction.payeeName,
      bankName: instruction.account.bankName,
      accountNumber: instruction.account.accountNumber,
    },
    purpose: instruction.endorsementType,
    policyNo: instruction.policyNo,
    applicationId: instruction.applicationId,
  };
}

/** The signature headers of a body, with a fresh nonce (the debit results' HMAC scheme). */
export function financeSignatureHeaders(
  secret: string,
  rawBody: string,
  now: number,
): Record<string, string> {
  return signatureHeaders(FINANCE_HEADERS, secret, rawBody, now);
}

/** The three HMAC headers of `names` over a body, with a fresh nonce (finance's and billing's scheme). */
export function signatureHeaders(
  names: { timestamp: string; nonce: string; signature: string },
  secret: string,
  rawBody: string,
  now: number,
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomUUID();
  return {
    [names.timestamp]: timestamp,
    [names.nonce]: nonce,
    [names.signature]: signRequest(secret, timestamp, nonce, rawBody),
  };
}

/** How a signed instruction is posted: the system's URL, headers and secret, and the HTTP options. */
export interface SignedInstructionPost {
  url: string;
  /** Names the system in errors: `finance` or `billing`. */
  system: string;
  headers: { timestamp: string; nonce: string; signature: string };
  secret: string;
  reference: string;
  idempotencyKey: string;
  rawBody: string;
  now: number;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Posts one signed instruction with its idempotency key, the one way our money instructions leave
 * (finance's payouts, billing's debits). Resolves with the answer's body once accepted (2xx, for
 * this reference); throws `FinanceError` otherwise — retryable on 5xx, 429, 401 and network
 * failures, not on any other 4xx (sending the same bytes again cannot help).
 */
export async function postSignedInstruction(post: SignedInstructionPost): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await (post.fetchImpl ?? fetch)(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [FINANCE_IDEMPOTENCY_HEADER]: post.idempotencyKey,
        ...signatureHeaders(post.headers, post.secret, post.rawBody, post.now),
      },
      body: post.rawBody,
      signal: AbortSignal.timeout(post.timeoutMs ?? 5000),
    });
  } catch (error) {
    throw new FinanceError(
      0,
      'NETWORK',
      `${post.system} system unreachable: ${(error as Error).message}`,
      true,
    );
  }
  const text = await response.text();
  const body = parseJson(text);
  if (response.ok) {
    if (body?.reference !== post.reference)
      throw new FinanceError(
        response.status,
        'BAD_ANSWER',
        `${post.system} answered for another reference`,
        true,
      );
    return body;
  }
  const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
  const retryable = response.status >= 500 || response.status === 429 || response.status === 401;
  throw new FinanceError(
    response.status,
    code,
    `${post.system} refused ${post.reference}: ${response.status} ${code} ${typeof body?.message === 'string' ? body.message : ''}`.trim(),
    retryable,
  );
}

/**
 * The finance system's client: `POST /v1/payout-instructions`, the body signed with the shared
 * HMAC secret, the idempotency key in its header. 2xx (202 new, 200 a repeat of the same key) is
 * accepted; 5xx, 429 and network failures are retried by the outbox; any other 4xx is not (sending
 * the same bytes again cannot help), and stays on the instruction for finance staff.
 */
export class FinanceHttpClient implements FinancePayouts {
  constructor(
    private readonly settings: { apiBaseUrl: string; signingSecret: () => Promise<string> },
    private readonly options: { now?: () => number; fetchImpl?: typeof fetch; timeoutMs?: number } = {},
  ) {}

  async instruct(instruction: PayoutInstructionRecord): Promise<{ financeReference: string | null }> {
    const body = await postSignedInstruction({
      url: `${this.settings.apiBaseUrl}${FINANCE_INSTRUCTIONS_PATH}`,
      system: 'finance',
      headers: FINANCE_HEADERS,
      secret: await this.settings.signingSecret(),
      reference: instruction.reference,
      idempotencyKey: instruction.idempotencyKey,
      rawBody: JSON.stringify(financeInstructionBody(instruction)),
      now: this.options.now?.() ?? Date.now(),
      fetchImpl: this.options.fetchImpl,
      timeoutMs: this.options.timeoutMs,
    });
    return { financeReference: typeof body.financeReference === 'string' ? body.financeReference : null };
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
