import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import type {
  JsapiOrder,
  PaymentNotification,
  PaymentTransaction,
  RequestPaymentParams,
  TradeState,
  WechatPay,
} from '@zhixiang/shared/ports/wechat-pay';
import { TRADE_STATES } from '@zhixiang/shared/ports/wechat-pay';
import type { WechatPayMerchant } from '../../platform/secrets';

/** The merchant's settings (Secrets Manager per stage: docs/payments.md) and where WeChat Pay is. */
export interface WechatPaySettings extends WechatPayMerchant {
  /** https://api.mch.weixin.qq.com in production; a local fake in tests. */
  apiBaseUrl: string;
}

/** A request, response or notification WeChat Pay's checks refuse; `reason` is for the log only. */
export class WechatPayRefused extends Error {}

/** WeChat Pay answered with an error of its own (`code`, `message`), e.g. PARAM_ERROR. */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`);
  }
}

/** A signed response or notification must be this fresh (seconds). */
const MAX_SKEW_SECONDS = 300;

/**
 * The real client of WeChat Pay API v3 (JSAPI, direct merchant), written against its documented
 * rules: every request signed `WECHATPAY2-SHA256-RSA2048` (SHA256 with RSA over the method, the
 * path with its query, the timestamp, a nonce and the body, one per line), every response and
 * notification verified against WeChat Pay's public key over the timestamp, nonce and body, and
 * notifications' resources decrypted with AES-256-GCM under the APIv3 key.
 */
export class WechatPayClient implements WechatPay {
  constructor(
    private readonly settings: WechatPaySettings,
    private readonly options: { now?: () => number; fetchImpl?: typeof fetch; timeoutMs?: number } = {},
  ) {}

  async createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }> {
    if (!Number.isInteger(order.amountCents) || order.amountCents <= 0)
      throw new RangeError(`amount must be a positive whole number of cents, got ${order.amountCents}`);
    const body = await this.call<{ prepay_id?: string }>('POST', '/v3/pay/transactions/jsapi', {
      appid: this.settings.appId,
      mchid: this.settings.mchid,
      description: order.description,
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339Shanghai(order.expiresAt),
      notify_url: order.notifyUrl,
      amount: { total: order.amountCents, currency: 'CNY' },
      payer: { openid: order.payerOpenid },
    });
    if (!body?.prepay_id) throw new WechatPayRefused('JSAPI order answered without prepay_id');
    return { prepayId: body.prepay_id };
  }

  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = nonce();
    const pkg = `prepay_id=${prepayId}`;
    return {
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign: this.sign(lines(this.settings.appId, timeStamp, nonceStr, pkg)),
    };
  }

  async queryOrder(outTradeNo: string): Promise<PaymentTransaction | null> {
    try {
      const body = await this.call<WireTransaction>(
        'GET',
        `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.settings.mchid)}`,
      );
      return toTransaction(body);
    } catch (error) {
      if (error instanceof WechatPayError && error.code === 'ORDER_NOT_EXIST') return null;
      throw error;
    }
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.settings.mchid,
    });
  }

  openNotification(headers: Record<string, string | undefined>, body: string): PaymentNotification {
    this.verify(headers, body);
    let envelope: WireNotification;
    try {
      envelope = JSON.parse(body) as WireNotification;
    } catch {
      throw new WechatPayRefused('notification body is not JSON');
    }
    const resource = envelope.resource;
    if (!envelope.id || !resource || resource.algorithm !== 'AEAD_AES_256_GCM')
      throw new WechatPayRefused('notification without an AEAD_AES_256_GCM resource');
    let plain: string;
    try {
      const data = Buffer.from(resource.ciphertext, 'base64');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        Buffer.from(this.settings.apiV3Key, 'utf8'),
        Buffer.from(resource.nonce, 'utf8'),
      );
      decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
      decipher.setAuthTag(data.subarray(data.length - 16));
      plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new WechatPayRefused('notification resource does not decrypt under the APIv3 key');
    }
    const transaction = JSON.parse(plain) as WireTransaction;
    if (transaction.mchid !== this.settings.mchid || transaction.appid !== this.settings.appId)
      throw new WechatPayRefused('notification for another merchant or app');
    return { id: envelope.id, eventType: envelope.event_type ?? '', transaction: toTransaction(transaction) };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private sign(message: string): string {
    return createSign('RSA-SHA256').update(message).sign(this.settings.merchantPrivateKeyPem, 'base64');
  }

  /** A response or notification signed by WeChat Pay's public key, recently. */
  private verify(headers: Record<string, string | undefined>, body: string): void {
    const header = (name: string) =>
      headers[name] ??
      headers[name.toLowerCase()] ??
      Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    const timestamp = header('Wechatpay-Timestamp') ?? '';
    const nonceValue = header('Wechatpay-Nonce') ?? '';
    const signature = header('Wechatpay-Signature') ?? '';
    const serial = header('Wechatpay-Serial') ?? '';
    if (!timestamp || !nonceValue || !signature) throw new WechatPayRefused('unsigned');
    if (serial !== this.settings.platformPublicKeyId)
      throw new WechatPayRefused(`signed by unknown key ${serial}`);
    if (!/^\d{9,11}$/.test(timestamp) || Math.abs(this.now() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS)
      throw new WechatPayRefused(`timestamp ${timestamp} outside ±5 minutes`);
    const valid = createVerify('RSA-SHA256')
      .update(lines(timestamp, nonceValue, body))
      .verify(this.settings.platformPublicKeyPem, signature, 'base64');
    if (!valid) throw new WechatPayRefused('signature does not verify');
  }

  private async call<T>(method: 'GET' | 'POST', pathAndQuery: string, payload?: unknown): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonceStr = nonce();
    const signature = this.sign(lines(method, pathAndQuery, timestamp, nonceStr, body));
    const authorization =
      `WECHATPAY2-SHA256-RSA2048 mchid="${this.settings.mchid}",nonce_str="${nonceStr}",` +
      `signature="${signature}",timestamp="${timestamp}",serial_no="${this.settings.merchantSerialNo}"`;
    const response = await (this.options.fetchImpl ?? fetch)(`${this.settings.apiBaseUrl}${pathAndQuery}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: authorization,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        'Wechatpay-Serial': this.settings.platformPublicKeyId,
      },
      ...(payload === undefined ? {} : { body }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    const text = await response.text();
    if (!response.ok) {
      const error = safeJson(text) as { code?: string; message?: string } | null;
      throw new WechatPayError(
        response.status,
        error?.code ?? 'UNKNOWN',
        error?.message ?? text.slice(0, 200),
      );
    }
    const answered: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      answered[name] = value;
    });
    this.verify(answered, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

interface WireTransaction {
  appid?: string;
  mchid?: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: string;
  success_time?: string;
  amount?: { total?: number; payer_total?: number; currency?: string };
  payer?: { openid?: string };
}

interface WireNotification {
  id?: string;
  event_type?: string;
  resource?: { algorithm: string; ciphertext: string; associated_data?: string; nonce: string };
}

function toTransaction(wire: WireTransaction): PaymentTransaction {
  if (!TRADE_STATES.includes(wire.trade_state as TradeState))
    throw new WechatPayRefused(`unknown trade_state ${wire.trade_state}`);
  if (!Number.isInteger(wire.amount?.total)) throw new WechatPayRefused('transaction without amount.total');
  return {
    outTradeNo: wire.out_trade_no,
    transactionId: wire.transaction_id ?? null,
    tradeState: wire.trade_state as TradeState,
    amountCents: wire.amount?.total as number,
    payerCents: wire.amount?.payer_total ?? null,
    successTime: wire.success_time ?? null,
    payerOpenid: wire.payer?.openid ?? null,
  };
}

/** The signed message: each part on a line of its own, every line ended by `\n`. */
function lines(...parts: string[]): string {
  return parts.map((part) => `${part}\n`).join('');
}

function nonce(): string {
  return randomBytes(16).toString('hex');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** RFC 3339 in Shanghai's offset, as `time_expire` is documented: 2026-12-05T10:34:56+08:00. */
function rfc3339Shanghai(epochMs: number): string {
  const shanghai = new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${shanghai}+08:00`;
}
