/**
 * WeChat Pay (微信支付) API v3 for the mini program (JSAPI): the port the repayment flow pays
 * through. Amounts are integers in cents (分) end to end, as WeChat Pay's `amount.total` is.
 */
export interface JsapiOrder {
  /** Our reference, unique per merchant: 6–32 letters, digits, `_`, `-`, `|`, `*`. */
  outTradeNo: string;
  description: string;
  amountCents: number;
  payerOpenid: string;
  /** Epoch ms after which WeChat Pay closes the order unpaid. */
  expiresAt: number;
  /** Where WeChat Pay posts the payment notification (HTTPS on deployed stages). */
  notifyUrl: string;
}

/** What `wx.requestPayment` takes (signType RSA; paySign over appId, timeStamp, nonceStr, package). */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export const TRADE_STATES = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
] as const;
export type TradeState = (typeof TRADE_STATES)[number];

/** A transaction as WeChat Pay reports it (order query, or the decrypted notification). */
export interface PaymentTransaction {
  outTradeNo: string;
  /** WeChat Pay's own id; absent until paid. */
  transactionId: string | null;
  tradeState: TradeState;
  amountCents: number;
  /** What the payer paid (differs from the total only with coupons). */
  payerCents: number | null;
  /** ISO 8601 with offset, as WeChat Pay sends it; null until paid. */
  successTime: string | null;
  payerOpenid: string | null;
}

export interface WechatPay {
  /** `POST /v3/pay/transactions/jsapi`: the prepay id the mini program pays with. */
  createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }>;
  /** The signed parameters of `wx.requestPayment` for a prepay id. */
  requestPaymentParams(prepayId: string): RequestPaymentParams;
  /** `GET /v3/pay/transactions/out-trade-no/{out_trade_no}`: null when WeChat Pay has no such order. */
  queryOrder(outTradeNo: string): Promise<PaymentTransaction | null>;
  /** `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close`. */
  closeOrder(outTradeNo: string): Promise<void>;
  /**
   * A payment notification as posted: the signature checked against WeChat Pay's public key and the
   * timestamp's freshness, the resource decrypted (AEAD_AES_256_GCM with the APIv3 key). Throws
   * WechatPayRefused when any check fails.
   */
  openNotification(headers: Record<string, string | undefined>, body: string): PaymentNotification;
}

export interface PaymentNotification {
  /** The notification's own id (WeChat Pay resends the same id until answered). */
  id: string;
  eventType: string;
  transaction: PaymentTransaction;
}
