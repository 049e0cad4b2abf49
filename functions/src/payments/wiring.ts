import type { WechatPay } from '@zhixiang/shared/ports/wechat-pay';
import { createRepaymentCollections } from '../endorsements/wiring-payments';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoPaymentOrders } from './adapters/payment-orders';
import { WechatPayClient } from './adapters/wechat-pay-client';
import { SandboxWechatPay } from './adapters/wechat-pay-sandbox';
import type { PaymentDeps } from './use-cases/payment-deps';

/**
 * Payments (收款): collection orders, WeChat Pay (the real client, or the local sandbox — chosen
 * by WECHAT_PAY_PROVIDER), and the repayment's effect through the endorsement engine.
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
  return {
    ...platform,
    paymentOrders: new DynamoPaymentOrders(platform.table),
    repaymentCollections: createRepaymentCollections(platform),
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
