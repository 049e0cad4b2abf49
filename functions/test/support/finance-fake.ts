import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP fake of the insurer's finance system, following the payout API as documented in
 * docs/payments.md ("The finance system's API") rather than our client's code: it checks the
 * HMAC-SHA256 signature of `${timestamp}.${nonce}.${raw body}` (401), the timestamp (±5 minutes)
 * and the nonce (once), requires the idempotency key in its header and the body, pays each key at
 * most once (202 new, 200 the same instruction again, 409 the key with another body), and can be
 * told to fail the next requests with a 503 or refuse them with a 400.
 */
export interface FinanceFakeInstruction {
  idempotencyKey: string;
  body: Record<string, unknown>;
  rawBody: string;
  receivedAt: number;
}

export interface FinanceFake {
  url: string;
  /** Accepted instructions by idempotency key (each paid at most once). */
  instructions: Map<string, FinanceFakeInstruction>;
  /** Every request received, accepted or not. */
  requests: { status: number; headers: Record<string, string | string[] | undefined>; rawBody: string }[];
  /** The next `count` requests answer this status (503: unavailable; 400: refused). */
  failNext(count: number, status: 503 | 400): void;
  close(): Promise<void>;
}

export async function startFinanceFake(secret: string): Promise<FinanceFake> {
  return startInstructionFake(secret, {
    path: '/v1/payout-instructions',
    headerPrefix: 'x-finance',
    system: 'finance',
  });
}

/**
 * A local HTTP fake of the billing system's debit-instruction API (docs/payments.md, "The billing
 * system's debit API"): the same rules on `POST /v1/debit-instructions`, signed in the `x-billing-*`
 * headers, each key debited at most once; a debit must name the account and split its amount into
 * interest and principal that add up.
 */
export async function startBillingFake(secret: string): Promise<FinanceFake> {
  return startInstructionFake(secret, {
    path: '/v1/debit-instructions',
    headerPrefix: 'x-billing',
    system: 'billing',
    check: (body) => {
      const account = body.account as Record<string, unknown> | undefined;
      const breakdown = body.breakdown as Record<string, unknown> | undefined;
      if (!account || typeof account.accountNumber !== 'string' || typeof account.holderName !== 'string')
        return 'account holder and number are required';
      if (
        !breakdown ||
        !Number.isInteger(breakdown.interestCents) ||
        !Number.isInteger(breakdown.principalCents) ||
        (breakdown.interestCents as number) + (breakdown.principalCents as number) !== body.amountCents
      )
        return 'interest and principal must add up to the amount';
      return null;
    },
  });
}

async function startInstructionFake(
  secret: string,
  api: {
    path: string;
    headerPrefix: string;
    system: string;
    /** The system's own check of a body: the refusal's message, or null. */
    check?: (body: Record<string, unknown>) => string | null;
  },
): Promise<FinanceFake> {
  const instructions = new Map<string, FinanceFakeInstruction>();
  const requests: FinanceFake['requests'] = [];
  const nonces = new Set<string>();
  let failing = { count: 0, status: 503 as 503 | 400 };

  const systemReference = (key: string) =>
    api.system === 'billing'
      ? { billingReference: `BIL-${key.slice(0, 8)}` }
      : { financeReference: `FIN-${key.slice(0, 8)}` };
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, rawBody: string, res: ServerResponse): number => {
    const reply = (status: number, body: unknown) => {
      answer(res, status, body);
      return status;
    };
    if (req.method !== 'POST' || req.url !== api.path)
      return reply(404, { code: 'NOT_FOUND', message: 'no such endpoint' });
    const timestamp = String(req.headers[`${api.headerPrefix}-timestamp`] ?? '');
    const nonce = String(req.headers[`${api.headerPrefix}-nonce`] ?? '');
    const signature = String(req.headers[`${api.headerPrefix}-signature`] ?? '');
    const expected = createHmac('sha256', secret).update(`${timestamp}.${nonce}.${rawBody}`).digest();
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return reply(401, { code: 'SIGNATURE_INVALID', message: 'signature does not verify' });
    if (Math.abs(Date.now() - Number(timestamp)) > 5 * 60_000)
      return reply(401, { code: 'TIMESTAMP_INVALID', message: 'timestamp outside ±5 minutes' });
    if (nonces.has(nonce)) return reply(401, { code: 'NONCE_REPLAYED', message: 'nonce seen before' });
    nonces.add(nonce);
    if (failing.count > 0) {
      failing = { ...failing, count: failing.count - 1 };
      return failing.status === 503
        ? reply(503, { code: 'UNAVAILABLE', message: `${api.system} system busy` })
        : reply(400, { code: 'INVALID_ACCOUNT', message: 'account number rejected' });
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    const body = JSON.parse(rawBody) as Record<string, unknown>;
    if (!key || body.idempotencyKey !== key)
      return reply(400, {
        code: 'IDEMPOTENCY_KEY_MISSING',
        message: 'idempotency key header and body must agree',
      });
    if (!Number.isInteger(body.amountCents) || (body.amountCents as number) <= 0 || body.currency !== 'CNY')
      return reply(400, { code: 'AMOUNT_INVALID', message: 'amount must be positive integer cents in CNY' });
    const refusal = api.check?.(body) ?? null;
    if (refusal) return reply(400, { code: 'INSTRUCTION_INVALID', message: refusal });
    const seen = instructions.get(key);
    if (seen) {
      if (seen.rawBody !== rawBody)
        return reply(409, { code: 'IDEMPOTENCY_CONFLICT', message: 'key used for another instruction' });
      return reply(200, {
        reference: body.reference,
        ...systemReference(key),
        status: 'accepted',
      });
    }
    instructions.set(key, { idempotencyKey: key, body, rawBody, receivedAt: Date.now() });
    return reply(202, {
      reference: body.reference,
      ...systemReference(key),
      status: 'accepted',
    });
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const status = handle(req, rawBody, res);
      requests.push({ status, headers: req.headers, rawBody });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    instructions,
    requests,
    failNext(count, status) {
      failing = { count, status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
