import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type {
  JsapiOrder,
  PaymentNotification,
  PaymentTransaction,
  RequestPaymentParams,
  TradeState,
  WechatPay,
} from '@zhixiang/shared/ports/wechat-pay';
import { assertLocalStage, type Stage } from '../../platform/config';
import { GetCommand, PutCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import type { TableContext } from '../../platform/dynamodb/table';
import type { WechatPayMerchant } from '../../platform/secrets';
import { WechatPayClient, WechatPayError } from './wechat-pay-client';
import { sealWechatPayNotification } from './wechat-pay-notification';

/** What the local stage keeps beside the merchant's settings: the sandbox's own WeChat Pay key. */
export interface SandboxPlatformKey {
  platformPrivateKeyPem: string;
}

const key = (outTradeNo: string) => ({ pk: `WXPAYSANDBOX#${outTradeNo}`, sk: 'ORDER' });

/**
 * 「微信支付沙箱」: the local stage's WeChat Pay, refused on deployed stages and inside Lambda. It
 * keeps orders as WeChat Pay would (NOTPAY → SUCCESS / PAYERROR / CLOSED, in the table), signs the
 * `wx.requestPayment` parameters and verifies notifications with the real client's code, and when
 * the sandbox page pays it posts a notification signed with its own platform key and encrypted
 * with the APIv3 key to the notify URL — through the real notification handler and its checks.
 */
export class SandboxWechatPay implements WechatPay {
  private readonly client: WechatPayClient;

  constructor(
    stage: Stage,
    private readonly merchant: WechatPayMerchant,
    private readonly platformKey: SandboxPlatformKey,
    private readonly ctx: TableContext,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    assertLocalStage(stage, 'SandboxWechatPay');
    this.client = new WechatPayClient({ ...merchant, apiBaseUrl: 'http://sandbox.invalid' });
  }

  /** The platform key from the local stage's file (functions/local/local-env.ts writes it). */
  static readKey(file: string): SandboxPlatformKey {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<SandboxPlatformKey>;
    if (!value.platformPrivateKeyPem) throw new Error(`${file} holds no platformPrivateKeyPem`);
    return { platformPrivateKeyPem: value.platformPrivateKeyPem };
  }

  async createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }> {
    if (!Number.isInteger(order.amountCents) || order.amountCents <= 0)
      throw new WechatPayError(400, 'PARAM_ERROR', '订单金额不正确');
    const prepayId = `wxsandbox${randomBytes(12).toString('hex')}`;
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...key(order.outTradeNo),
          outTradeNo: order.outTradeNo,
          amountCents: order.amountCents,
          payerOpenid: order.payerOpenid,
          notifyUrl: order.notifyUrl,
          tradeState: 'NOTPAY',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { prepayId };
  }

  requestPaymentParams(prepayId: string): RequestPaymentParams {
    return this.client.requestPaymentParams(prepayId);
  }

  async queryOrder(outTradeNo: string): Promise<PaymentTransaction | null> {
    const order = await this.read(outTradeNo);
    return order ? toTransaction(order) : null;
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const order = await this.read(outTradeNo);
    if (!order) throw new WechatPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.tradeState === 'SUCCESS') throw new WechatPayError(400, 'ORDER_PAID', '订单已支付');
    await this.setState(outTradeNo, 'CLOSED');
  }

  openNotification(headers: Record<string, string | undefined>, body: string): PaymentNotification {
    return this.client.openNotification(headers, body);
  }

  /**
   * The sandbox page's button: paid → SUCCESS, then the notification posted to the order's notify
   * URL and its answer's status returned; failed → PAYERROR (WeChat Pay posts nothing for that).
   */
  async settle(outTradeNo: string, outcome: 'paid' | 'failed'): Promise<number | null> {
    const order = await this.read(outTradeNo);
    if (!order) throw new WechatPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.tradeState !== 'NOTPAY') throw new WechatPayError(400, 'ORDER_CLOSED', '订单已关闭或已支付');
    if (outcome === 'failed') {
      await this.setState(outTradeNo, 'PAYERROR');
      return null;
    }
    const transactionId = `4200sandbox${randomBytes(8).toString('hex')}`;
    const successTime = `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    await this.setState(outTradeNo, 'SUCCESS', { transactionId, successTime });
    const notification = sealWechatPayNotification(
      { ...this.merchant, platformPrivateKeyPem: this.platformKey.platformPrivateKeyPem },
      {
        appid: this.merchant.appId,
        mchid: this.merchant.mchid,
        out_trade_no: outTradeNo,
        transaction_id: transactionId,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        success_time: successTime,
        payer: { openid: order.payerOpenid },
        amount: { total: order.amountCents, payer_total: order.amountCents, currency: 'CNY' },
      },
    );
    const answer = await this.fetchImpl(order.notifyUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...notification.headers },
      body: notification.body,
    });
    await answer.arrayBuffer();
    return answer.status;
  }

  private async read(outTradeNo: string): Promise<SandboxOrder | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(outTradeNo), ConsistentRead: true }),
    );
    return (Item as SandboxOrder | undefined) ?? null;
  }

  private async setState(
    outTradeNo: string,
    tradeState: TradeState,
    paid?: { transactionId: string; successTime: string },
  ): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(outTradeNo),
        UpdateExpression: paid
          ? 'SET tradeState = :state, transactionId = :tx, successTime = :at'
          : 'SET tradeState = :state',
        ExpressionAttributeValues: {
          ':state': tradeState,
          ...(paid ? { ':tx': paid.transactionId, ':at': paid.successTime } : {}),
        },
      }),
    );
  }
}

interface SandboxOrder {
  outTradeNo: string;
  amountCents: number;
  payerOpenid: string;
  notifyUrl: string;
  tradeState: TradeState;
  transactionId?: string;
  successTime?: string;
}

function toTransaction(order: SandboxOrder): PaymentTransaction {
  return {
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId ?? null,
    tradeState: order.tradeState,
    amountCents: order.amountCents,
    payerCents: order.tradeState === 'SUCCESS' ? order.amountCents : null,
    successTime: order.successTime ?? null,
    payerOpenid: order.payerOpenid,
  };
}
