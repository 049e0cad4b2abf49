import { createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  sealWechatPayNotification,
  signWechatPayBody,
} from '../../src/payments/adapters/wechat-pay-notification';

/**
 * A local HTTP fake of WeChat Pay API v3 (JSAPI, direct merchant), following its documented
 * rules rather than our client's code: it refuses a request whose `WECHATPAY2-SHA256-RSA2048`
 * Authorization does not verify against the merchant's public key (401 SIGN_ERROR), keeps orders
 * (NOTPAY → SUCCESS / CLOSED), signs every answer with WeChat Pay's private key, and makes the
 * payment notification WeChat Pay would post: the transaction encrypted with AES-256-GCM under the
 * APIv3 key, the whole body signed.
 */
export interface WechatPayFakeKeys {
  mchid: string;
  appId: string;
  merchantSerialNo: string;
  merchantPublicKeyPem: string;
  platformPublicKeyId: string;
  platformPrivateKeyPem: string;
  apiV3Key: string;
}

interface FakeOrder {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  time_expire?: string;
  amount: { total: number; currency: string };
  payer: { openid: string };
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR';
  transaction_id?: string;
  success_time?: string;
}

export interface WechatPayFake {
  url: string;
  orders: Map<string, FakeOrder>;
  /** Requests it refused for their signature. */
  refused: number;
  /** Makes the next answer's signature wrong (a forged or corrupted response). */
  forgeNextAnswer(): void;
  /** The payer pays: the order becomes SUCCESS; returns the notification WeChat Pay would post. */
  pay(
    outTradeNo: string,
    options?: { timestamp?: number },
  ): { headers: Record<string, string>; body: string };
  /** The payer's payment fails (e.g. a declined card): the order becomes PAYERROR, nothing is posted. */
  fail(outTradeNo: string): void;
  close(): Promise<void>;
}

const lines = (...parts: string[]) => parts.map((part) => `${part}\n`).join('');

export async function startWechatPayFake(keys: WechatPayFakeKeys): Promise<WechatPayFake> {
  const orders = new Map<string, FakeOrder>();
  let forge = false;
  const fake = { refused: 0 } as WechatPayFake;

  const signed = (body: string, timestamp?: number) => {
    const headers = signWechatPayBody(keys, body, timestamp);
    if (forge) {
      forge = false;
      headers['Wechatpay-Signature'] = `${headers['Wechatpay-Signature']?.slice(0, -4)}AAA=`;
    }
    return headers;
  };

  const answer = (response: ServerResponse, status: number, payload?: unknown) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    response.writeHead(status, { ...signed(body), ...(body ? { 'Content-Type': 'application/json' } : {}) });
    response.end(body);
  };

  const authorised = (request: IncomingMessage, body: string): boolean => {
    const header = request.headers.authorization ?? '';
    const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header);
    if (!match) return false;
    const fields = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    if (fields.mchid !== keys.mchid || fields.serial_no !== keys.merchantSerialNo) return false;
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) return false;
    return createVerify('RSA-SHA256')
      .update(
        lines(request.method ?? '', request.url ?? '', fields.timestamp ?? '', fields.nonce_str ?? '', body),
      )
      .verify(keys.merchantPublicKeyPem, fields.signature ?? '', 'base64');
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!authorised(request, body)) {
        fake.refused += 1;
        return answer(response, 401, { code: 'SIGN_ERROR', message: '签名错误' });
      }
      const url = new URL(request.url ?? '/', 'http://fake');
      const byNo = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
      if (request.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
        const order = JSON.parse(body) as FakeOrder;
        if (order.mchid !== keys.mchid || order.appid !== keys.appId)
          return answer(response, 400, { code: 'PARAM_ERROR', message: 'appid和mch_id不匹配' });
        if (!Number.isInteger(order.amount?.total) || order.amount.total <= 0)
          return answer(response, 400, { code: 'PARAM_ERROR', message: '订单金额不正确' });
        if (orders.has(order.out_trade_no))
          return answer(response, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
        orders.set(order.out_trade_no, { ...order, trade_state: 'NOTPAY' });
        return answer(response, 200, { prepay_id: `wx${randomBytes(14).toString('hex')}` });
      }
      if (byNo) {
        const order = orders.get(decodeURIComponent(byNo[1] ?? ''));
        if (!order) return answer(response, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
        if (request.method === 'POST' && byNo[2]) {
          if (order.trade_state === 'SUCCESS')
            return answer(response, 400, { code: 'ORDER_PAID', message: '订单已支付' });
          order.trade_state = 'CLOSED';
          return answer(response, 204);
        }
        if (request.method === 'GET') return answer(response, 200, order);
      }
      answer(response, 404, { code: 'NOT_FOUND', message: 'no such API in the fake' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    orders,
    forgeNextAnswer: () => {
      forge = true;
    },
    pay(outTradeNo: string, options: { timestamp?: number } = {}) {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`no order ${outTradeNo}`);
      order.trade_state = 'SUCCESS';
      order.transaction_id = `42000${randomBytes(11).toString('hex')}`;
      order.success_time = '2026-12-05T10:00:00+08:00';
      const notification = sealWechatPayNotification(keys, { ...order }, { timestamp: options.timestamp });
      // Signed again through `signed`, so forgeNextAnswer() forges a notification too.
      return { headers: signed(notification.body, options.timestamp), body: notification.body };
    },
    fail(outTradeNo: string) {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`no order ${outTradeNo}`);
      order.trade_state = 'PAYERROR';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
