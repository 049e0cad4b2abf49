import { FinanceError } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceFake, startBillingFake } from '../../../test/support/finance-fake';
import { BillingHttpClient } from './billing-client';
import { SandboxBilling } from './billing-sandbox';

/** The real billing client against a local fake of the debit-instruction API documented in docs/payments.md. */
const SECRET = 'billing-unit-secret-0123456789abcdef-012345';
let fake: FinanceFake;
let client: BillingHttpClient;

const instruction = (overrides: Partial<PayoutInstructionRecord> = {}): PayoutInstructionRecord => ({
  reference: 'RD20261205ABCDEFGHJKLM',
  direction: 'debit',
  breakdown: { interestCents: 12_345, principalCents: 487_655 },
  idempotencyKey: 'd9b2a6ef-1c8f-4d63-8b47-6c1c3f2e8a21',
  applicationId: 'EA20261205ABCDEF',
  policyNo: '8831010000005',
  endorsementType: 'loan_repayment',
  holderId: 'C002',
  branchPath: 'HQ/SH/PD',
  payeeName: '李娜',
  account: { bankName: '中国建设银行', accountNumber: '6217000010001234567' },
  amountCents: 500_000,
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
  fake = await startBillingFake(SECRET);
  client = new BillingHttpClient({ apiBaseUrl: fake.url, signingSecret: async () => SECRET });
});
afterAll(() => fake.close());

describe('the billing system client (repayment debits)', () => {
  it('sends the debit signed in the billing headers, with its idempotency key; a repeat debits once', async () => {
    expect(await client.instructDebit(instruction())).toEqual({ billingReference: 'BIL-d9b2a6ef' });
    expect(fake.requests.at(-1)?.status).toBe(202);
    expect(fake.requests.at(-1)?.headers['x-billing-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(fake.instructions.get('d9b2a6ef-1c8f-4d63-8b47-6c1c3f2e8a21')?.body).toEqual({
      reference: 'RD20261205ABCDEFGHJKLM',
      idempotencyKey: 'd9b2a6ef-1c8f-4d63-8b47-6c1c3f2e8a21',
      amountCents: 500_000,
      currency: 'CNY',
      breakdown: { interestCents: 12_345, principalCents: 487_655 },
      account: { holderName: '李娜', bankName: '中国建设银行', accountNumber: '6217000010001234567' },
      purpose: 'loan_repayment',
      policyNo: '8831010000005',
      applicationId: 'EA20261205ABCDEF',
    });
    await client.instructDebit(instruction());
    expect(fake.requests.at(-1)?.status).toBe(200);
    expect(fake.instructions.size).toBe(1);
  });

  it('retries what may pass later and gives up on what cannot', async () => {
    const wrong = new BillingHttpClient({ apiBaseUrl: fake.url, signingSecret: async () => `x${SECRET}` });
    const forged = await wrong
      .instructDebit(instruction({ idempotencyKey: 'key-forged-0001' }))
      .catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(FinanceError);
    expect(forged).toMatchObject({ status: 401, code: 'SIGNATURE_INVALID', retryable: true });
    fake.failNext(1, 503);
    await expect(
      client.instructDebit(instruction({ idempotencyKey: 'key-busy-0001' })),
    ).rejects.toMatchObject({
      status: 503,
      retryable: true,
    });
    // A breakdown that does not add up is refused by billing for good.
    await expect(
      client.instructDebit(
        instruction({ idempotencyKey: 'key-bad-0001', breakdown: { interestCents: 1, principalCents: 1 } }),
      ),
    ).rejects.toMatchObject({ status: 400, code: 'INSTRUCTION_INVALID', retryable: false });
    await expect(client.instructDebit(instruction({ amountCents: 999 }))).rejects.toMatchObject({
      status: 400,
      retryable: false,
    });
    const down = new BillingHttpClient({
      apiBaseUrl: 'http://127.0.0.1:9',
      signingSecret: async () => SECRET,
    });
    await expect(down.instructDebit(instruction())).rejects.toMatchObject({
      code: 'NETWORK',
      retryable: true,
    });
  });
});

describe('「续期扣款沙箱」', () => {
  const table = { client: {} as never, table: 'unused' };
  const settings = { signingSecret: async () => SECRET, resultsUrl: null };
  it('refuses to run on a deployed stage or inside Lambda', () => {
    expect(() => new SandboxBilling('prod', table, settings, fetch, {})).toThrow(
      /refuses to run on STAGE=prod/,
    );
    expect(
      () =>
        new SandboxBilling('local', table, settings, fetch, {
          AWS_LAMBDA_FUNCTION_NAME: 'settleSandboxDebit',
        }),
    ).toThrow(/refuses to run inside AWS Lambda/);
  });
});
