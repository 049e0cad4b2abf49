import { createVerify, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWechatPayFake, type WechatPayFake } from '../../../test/support/wechat-pay-fake';
import {
  WechatPayClient,
  WechatPayError,
  WechatPayRefused,
  type WechatPaySettings,
} from './wechat-pay-client';

/** The real WeChat Pay v3 client against a local fake of its documented API. */
const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const merchant = pem();
const platform = pem();
const APIV3_KEY = `${'k'.repeat(16)}0123456789abcdef`;
const MCHID = '1900000109';
const APPID = 'wxd678efh567hg6787';

let fake: WechatPayFake;
let client: WechatPayClient;
let settings: WechatPaySettings;

beforeAll(async () => {
  fake = await startWechatPayFake({
    mchid: MCHID,
    appId: APPID,
    merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A72',
    merchantPublicKeyPem: merchant.publicKeyPem,
    platformPublicKeyId: 'PUB_KEY_ID_0119000001092025',
    platformPrivateKeyPem: platform.privateKeyPem,
    apiV3Key: APIV3_KEY,
  });
  settings = {
    apiBaseUrl: fake.url,
    mchid: MCHID,
    appId: APPID,
    merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A72',
    merchantPrivateKeyPem: merchant.privateKeyPem,
    apiV3Key: APIV3_KEY,
    platformPublicKeyId: 'PUB_KEY_ID_0119000001092025',
    platformPublicKeyPem: platform.publicKeyPem,
  };
  client = new WechatPayClient(settings);
});

afterAll(async () => {
  await fake?.close();
});

const order = (outTradeNo: string, amountCents = 123_45) => ({
  outTradeNo,
  description: '保单贷款还款',
  amountCents,
  payerOpenid: 'o-payer-1',
  expiresAt: Date.now() + 30 * 60_000,
  notifyUrl: 'https://api.example.cn/payments/wechat-pay/notifications',
});

describe('WeChat Pay v3 client', () => {
  it('creates a JSAPI order with a signed request and gives wx.requestPayment its signed parameters', async () => {
    const { prepayId } = await client.createJsapiOrder(order('RP202612050001'));
    expect(prepayId).toMatch(/^wx/);
    const stored = fake.orders.get('RP202612050001');
    expect(stored).toMatchObject({
      amount: { total: 12345, currency: 'CNY' },
      payer: { openid: 'o-payer-1' },
    });
    expect(stored?.time_expire ?? '').toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const params = client.requestPaymentParams(prepayId);
    expect(params).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' });
    const signed = `${APPID}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(
      createVerify('RSA-SHA256').update(signed).verify(merchant.publicKeyPem, params.paySign, 'base64'),
    ).toBe(true);
  });

  it('queries an order before and after payment, and knows an unknown one', async () => {
    await client.createJsapiOrder(order('RP202612050002', 500));
    expect(await client.queryOrder('RP202612050002')).toMatchObject({
      tradeState: 'NOTPAY',
      amountCents: 500,
    });
    fake.pay('RP202612050002');
    expect(await client.queryOrder('RP202612050002')).toMatchObject({
      tradeState: 'SUCCESS',
      amountCents: 500,
      transactionId: expect.stringMatching(/^42000/),
    });
    expect(await client.queryOrder('RP-NO-SUCH-ORDER')).toBeNull();
  });

  it('closes an unpaid order', async () => {
    await client.createJsapiOrder(order('RP202612050003'));
    await client.closeOrder('RP202612050003');
    expect(await client.queryOrder('RP202612050003')).toMatchObject({ tradeState: 'CLOSED' });
  });

  it('refuses a whole-yuan slip before sending: amounts are whole cents', async () => {
    await expect(client.createJsapiOrder(order('RP202612050004', 12.5))).rejects.toThrow(RangeError);
    expect(fake.orders.has('RP202612050004')).toBe(false);
  });

  it('is refused by WeChat Pay when signed with another key, and refuses an answer with a forged signature', async () => {
    const stranger = new WechatPayClient({ ...settings, merchantPrivateKeyPem: pem().privateKeyPem });
    const before = fake.refused;
    await expect(stranger.createJsapiOrder(order('RP202612050005'))).rejects.toMatchObject({
      status: 401,
      code: 'SIGN_ERROR',
    });
    expect(fake.refused).toBe(before + 1);
    await client.createJsapiOrder(order('RP202612050006'));
    fake.forgeNextAnswer();
    await expect(client.queryOrder('RP202612050006')).rejects.toThrow(WechatPayRefused);
    await expect(client.createJsapiOrder(order('RP202612050006'))).rejects.toBeInstanceOf(WechatPayError);
  });
});

describe('payment notifications', () => {
  it('verifies and decrypts the notification of a payment', async () => {
    await client.createJsapiOrder(order('RP202612050010', 99_900));
    const notification = fake.pay('RP202612050010');
    const opened = client.openNotification(notification.headers, notification.body);
    expect(opened).toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        outTradeNo: 'RP202612050010',
        tradeState: 'SUCCESS',
        amountCents: 99_900,
        payerOpenid: 'o-payer-1',
      },
    });
    expect(opened.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a tampered body, a stale or foreign signature and a resource under another APIv3 key', async () => {
    await client.createJsapiOrder(order('RP202612050011'));
    const { headers, body } = fake.pay('RP202612050011');
    const tampered = body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ');
    expect(() => client.openNotification(headers, tampered)).toThrow(/does not verify/);
    expect(() =>
      client.openNotification({ ...headers, 'Wechatpay-Serial': 'PUB_KEY_ID_OTHER' }, body),
    ).toThrow(/unknown key/);
    const stale = fake.pay('RP202612050011', { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(() => client.openNotification(stale.headers, stale.body)).toThrow(/outside ±5 minutes/);
    const otherKey = new WechatPayClient({ ...settings, apiV3Key: 'x'.repeat(32) });
    expect(() => otherKey.openNotification(headers, body)).toThrow(/does not decrypt/);
    const otherMerchant = new WechatPayClient({ ...settings, mchid: '1900000999' });
    expect(() => otherMerchant.openNotification(headers, body)).toThrow(/another merchant/);
    expect(() => client.openNotification({}, body)).toThrow(/unsigned/);
  });
});
