import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { BillingDebits } from '@zhixiang/shared/ports/billing-debits';
import type { FinancePayouts } from '@zhixiang/shared/ports/finance-payouts';
import type { WechatPay } from '@zhixiang/shared/ports/wechat-pay';
import { createEndorsementMoneySteps } from '../endorsements/wiring-payments';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { BillingHttpClient } from './adapters/billing-client';
import { SandboxBilling } from './adapters/billing-sandbox';
import { FinanceHttpClient } from './adapters/finance-client';
import { SandboxFinance } from './adapters/finance-sandbox';
import { DynamoPaymentOrders } from './adapters/payment-orders';
import { DynamoPayoutInstructions } from './adapters/payout-instructions';
import { WechatPayClient } from './adapters/wechat-pay-client';
import { SandboxWechatPay } from './adapters/wechat-pay-sandbox';
import type { PaymentDeps } from './use-cases/payment-deps';
import type { PayoutDeps } from './use-cases/payout-deps';

/**
 * Payments: collection orders, WeChat Pay (the real client, or the local sandbox — chosen by
 * WECHAT_PAY_PROVIDER), and the repayment's effect through the endorsement engine; payouts —
 * instructions to the finance system (its HTTP client, or the local sandbox — FINANCE_PROVIDER),
 * their results and the customer's other account through the endorsement engine too; repayment
 * debits (续期账户扣款) — instructions to the billing system (its HTTP client, or the local sandbox
 * — BILLING_PROVIDER) on the same outbox, their results through the engine.
 */
export function createPaymentsDeps(platform: Platform) {
  let built: Promise<WechatPay> | undefined;
  const wechatPay = () => {
    built ??= buildWechatPay(platform).catch((error: unknown) => {
      built = undefined; // a secret that could not be read is read again by the next request
      throw error;
    });
    return built;
  };
  const moneySteps = createEndorsementMoneySteps(platform);
  const finance = () => {
    financeBuilt ??= buildFinance(platform);
    return financeBuilt;
  };
  let financeBuilt: FinancePayouts | undefined;
  const billing = () => {
    billingBuilt ??= buildBilling(platform);
    return billingBuilt;
  };
  let billingBuilt: BillingDebits | undefined;
  return {
    ...platform,
    paymentOrders: new DynamoPaymentOrders(platform.table),
    repaymentCollections: moneySteps.repaymentCollections,
    payoutSettlements: moneySteps.payoutSettlements,
    payoutInstructions: new DynamoPayoutInstructions(platform.table, platform.fieldCipher),
    finance: async () => finance(),
    /** The local finance sandbox's panel (the route is refused unless the provider is the sandbox). */
    financeSandbox: async () => {
      const sandbox = finance();
      if (!(sandbox instanceof SandboxFinance)) throw new Error('the finance system is not the sandbox here');
      return sandbox;
    },
    /** Repayment debits (续期账户扣款): the billing system's client, or the local sandbox. */
    billing: async () => billing(),
    /** The local billing sandbox's panel (the route is refused unless the provider is the sandbox). */
    billingSandbox: async () => {
      const sandbox = billing();
      if (!(sandbox instanceof SandboxBilling)) throw new Error('the billing system is not the sandbox here');
      return sandbox;
    },
    paymentAccounts: createRecordRepositories(platform.table, platform.fieldCipher).users,
    wechatPay,
    /** The local sandbox page's button (the route is refused unless the provider is the sandbox). */
    settleInSandbox: async (outTradeNo: string, outcome: 'paid' | 'failed') => {
      const sandbox = await wechatPay();
      if (!(sandbox instanceof SandboxWechatPay)) throw new Error('WeChat Pay is not the sandbox here');
      return sandbox.settle(outTradeNo, outcome);
    },
  };
}
export type PaymentsDeps = ReturnType<typeof createPaymentsDeps>;

export const paymentsWiring = defineWiring(createPaymentsDeps);

async function buildWechatPay(platform: Platform): Promise<WechatPay> {
  const { config, secrets, table } = platform;
  const merchant = await secrets.wechatPay();
  if (config.wechatPay.provider === 'sandbox')
    return new SandboxWechatPay(
      config.stage,
      merchant,
      SandboxWechatPay.readKey(config.wechatPay.sandboxKeyFile),
      table,
    );
  return new WechatPayClient({ ...merchant, apiBaseUrl: config.wechatPay.apiBaseUrl });
}

function buildFinance(platform: Platform): FinancePayouts {
  const { config, secrets, table } = platform;
  const signingSecret = () => secrets.financeSigningSecret();
  if (config.finance.provider === 'sandbox')
    return new SandboxFinance(config.stage, table, { signingSecret, resultsUrl: config.finance.resultsUrl });
  const { apiBaseUrl } = config.finance;
  if (!apiBaseUrl) throw new Error('FINANCE_API_BASE_URL is not set: payout instructions wait in the outbox');
  return new FinanceHttpClient({ apiBaseUrl, signingSecret });
}

function buildBilling(platform: Platform): BillingDebits {
  const { config, secrets, table } = platform;
  const signingSecret = () => secrets.billingSigningSecret();
  if (config.billing.provider === 'sandbox')
    return new SandboxBilling(config.stage, table, { signingSecret, resultsUrl: config.billing.resultsUrl });
  const { apiBaseUrl } = config.billing;
  if (!apiBaseUrl) throw new Error('BILLING_API_BASE_URL is not set: debit instructions wait in the outbox');
  return new BillingHttpClient({ apiBaseUrl, signingSecret });
}

/** What the payout use cases take. */
export function payoutDeps(
  deps: Pick<
    PaymentsDeps,
    | 'payoutInstructions'
    | 'payoutSettlements'
    | 'finance'
    | 'billing'
    | 'paymentAccounts'
    | 'config'
    | 'logger'
    | 'now'
  >,
): PayoutDeps {
  return {
    instructions: deps.payoutInstructions,
    settlements: deps.payoutSettlements,
    finance: deps.finance,
    billing: deps.billing,
    users: deps.paymentAccounts,
    businessCalendar: defaultBusinessCalendar,
    resultBusinessDays: deps.config.finance.resultBusinessDays,
    logger: deps.logger,
    now: deps.now,
  };
}

/** What the payment use cases take. */
export function paymentDeps(
  deps: Pick<
    PaymentsDeps,
    'paymentOrders' | 'repaymentCollections' | 'paymentAccounts' | 'wechatPay' | 'config' | 'logger' | 'now'
  >,
): PaymentDeps {
  return {
    orders: deps.paymentOrders,
    collections: deps.repaymentCollections,
    users: deps.paymentAccounts,
    wechatPay: deps.wechatPay,
    notifyUrl: deps.config.wechatPay.notifyUrl,
    sandbox: deps.config.wechatPay.provider === 'sandbox',
    logger: deps.logger,
    now: deps.now,
  };
}
