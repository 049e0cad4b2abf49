import { FinanceError } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceFake, startFinanceFake } from '../../../test/support/finance-fake';
import { FinanceHttpClient } from './finance-client';
import { SandboxFinance } from './finance-sandbox';

/** The real finance client against a local fake of the payout API documented in docs/payments.md. */
const SECRET = 'finance-unit-secret-0123456789abcdef-012345';
let fake: FinanceFake;
let client: FinanceHttpClient;

const instruction = (overrides: Partial<PayoutInstructionRecord> = {}): PayoutInstructionRecord => ({
  reference: 'PO20261205ABCDEFGHJKLM',
  idempotencyKey: 'c8a1f5de-0b7e-4c52-9a36-5b0b2e1d7f10',
  applicationId: 'EA20261205ABCDEF',
  policyNo: '8831010000001',
  endorsementType: 'policy_loan',
  holderId: 'C001',
  branchPath: 'HQ/SH/PD',
  payeeName: '张伟',
  account: { bankName: '中国工商银行', accountNumber: '6222020000998877665' },
  amountCents: 1_000_000,
  status: 'pending',
  createdAt: Date.now(),
  deliveredAt: null,
  attempts: 0,
  lastError: null,
  result: null,
  overdueSince: null,
  ...overrides,
});

beforeAll(async () => {
  fake = await startFinanceFake(SECRET);
  client = new FinanceHttpClient({ apiBaseUrl: fake.url, signingSecret: async () => SECRET });
});
afterAll(() => fake.close());

describe('the finance system client', () => {
  it('sends the instruction signed, with its idempotency key; a repeat is accepted and paid once', async () => {
    expect(await client.instruct(instruction())).toEqual({ financeReference: 'FIN-c8a1f5de' });
    expect(fake.requests.at(-1)?.status).toBe(202);
    const sent = fake.instructions.get('c8a1f5de-0b7e-4c52-9a36-5b0b2e1d7f10');
    expect(sent?.body).toEqual({
      reference: 'PO20261205ABCDEFGHJKLM',
      idempotencyKey: 'c8a1f5de-0b7e-4c52-9a36-5b0b2e1d7f10',
      amountCents: 1_000_000,
      currency: 'CNY',
      payee: { name: '张伟', bankName: '中国工商银行', accountNumber: '6222020000998877665' },
      purpose: 'policy_loan',
      policyNo: '8831010000001',
      applicationId: 'EA20261205ABCDEF',
    });
    await client.instruct(instruction());
    expect(fake.requests.at(-1)?.status).toBe(200);
    expect(fake.instructions.size).toBe(1);
  });

  it('is refused by finance when signed with another secret (retryable: the secret may be rotating)', async () => {
    const wrong = new FinanceHttpClient({ apiBaseUrl: fake.url, signingSecret: async () => `x${SECRET}` });
    const error = await wrong
      .instruct(instruction({ idempotencyKey: 'another-key-0001' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FinanceError);
    expect(error).toMatchObject({ status: 401, code: 'SIGNATURE_INVALID', retryable: true });
  });

  it('retries what may pass later and gives up on what cannot', async () => {
    fake.failNext(1, 503);
    await expect(client.instruct(instruction({ idempotencyKey: 'key-busy-0001' }))).rejects.toMatchObject({
      status: 503,
      retryable: true,
    });
    fake.failNext(1, 400);
    await expect(client.instruct(instruction({ idempotencyKey: 'key-refused-0001' }))).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_ACCOUNT',
      retryable: false,
    });
    // The same key with another amount: finance refuses, and sending it again cannot help.
    await expect(client.instruct(instruction({ amountCents: 999 }))).rejects.toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_CONFLICT',
      retryable: false,
    });
    const down = new FinanceHttpClient({
      apiBaseUrl: 'http://127.0.0.1:9',
      signingSecret: async () => SECRET,
    });
    await expect(down.instruct(instruction())).rejects.toMatchObject({ code: 'NETWORK', retryable: true });
  });
});

describe('「财务付款沙箱」', () => {
  const table = { client: {} as never, table: 'unused' };
  const settings = { signingSecret: async () => SECRET, resultsUrl: null };
  it('refuses to run on a deployed stage or inside Lambda', () => {
    expect(() => new SandboxFinance('prod', table, settings, fetch, {})).toThrow(
      /refuses to run on STAGE=prod/,
    );
    expect(
      () =>
        new SandboxFinance('local', table, settings, fetch, {
          AWS_LAMBDA_FUNCTION_NAME: 'settleSandboxPayout',
        }),
    ).toThrow(/refuses to run inside AWS Lambda/);
  });
});
