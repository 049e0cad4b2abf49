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
  const timestamp = String(now);
  const nonce = randomUUID();
  return {
    [FINANCE_HEADERS.timestamp]: timestamp,
    [FINANCE_HEADERS.nonce]: nonce,
    [FINANCE_HEADERS.signature]: signRequest(secret, timestamp, nonce, rawBody),
  };
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
    const rawBody = JSON.stringify(financeInstructionBody(instruction));
    const now = this.options.now?.() ?? Date.now();
    let response: Response;
    try {
      response = await (this.options.fetchImpl ?? fetch)(
        `${this.settings.apiBaseUrl}${FINANCE_INSTRUCTIONS_PATH}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [FINANCE_IDEMPOTENCY_HEADER]: instruction.idempotencyKey,
            ...financeSignatureHeaders(await this.settings.signingSecret(), rawBody, now),
          },
          body: rawBody,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        },
      );
    } catch (error) {
      throw new FinanceError(0, 'NETWORK', `finance system unreachable: ${(error as Error).message}`, true);
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.ok) {
      if (body?.reference !== instruction.reference)
        throw new FinanceError(response.status, 'BAD_ANSWER', 'finance answered for another reference', true);
      return { financeReference: typeof body.financeReference === 'string' ? body.financeReference : null };
    }
    const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
    const retryable = response.status >= 500 || response.status === 429 || response.status === 401;
    throw new FinanceError(
      response.status,
      code,
      `finance refused ${instruction.reference}: ${response.status} ${code} ${typeof body?.message === 'string' ? body.message : ''}`.trim(),
      retryable,
    );
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
