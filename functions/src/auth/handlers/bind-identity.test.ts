import type { Me } from '@zhixiang/shared/auth/schemas';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { putCustomer, putUser, useTestContainer } from '../../../test/support/test-system';
import { invoke } from '../../platform/http/testing';
import { createLogger } from '../../platform/logging/logger';
import { readLatestSandboxCode } from '../../platform/sms/sandbox-outbox-sms';
import { handler as bindIdentity } from './bind-identity';
import { handler as getMe } from './get-me';
import { handler as refreshSession } from './refresh-session';
import { handler as sendBindCode } from './send-bind-code';
import { handler as signInWithWechat } from './sign-in-with-wechat';

// @local-stack: the handlers read and write this file's table in DynamoDB Local.

const kit = useTestContainer();
const outbox =
  kit.container.config.sms.provider === 'sandbox-outbox' ? kit.container.config.sms.outboxFile : '';
const consent = '2026-11-01';

async function signedInCustomer() {
  const user = await putUser(kit.container);
  const { token } = await kit.container.accessTokens.issue({ sub: user.userId, role: 'customer' });
  return { user, token };
}

const details = (customer: CustomerRecord) => ({
  name: customer.name,
  idNumber: customer.idNumber,
  phone: customer.phone,
  sensitiveConsentVersion: consent,
});
const requestCode = (token: string, body: object) =>
  invoke(sendBindCode, { path: '/me/identity/code', token, body });
const bind = (token: string, body: object) => invoke(bindIdentity, { path: '/me/identity', token, body });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('binding a WeChat user to a customer', () => {
  it('texts a code to the phone on file and binds with it', async () => {
    const customer = await putCustomer(kit.container);
    const { user, token } = await signedInCustomer();

    const sent = await requestCode(token, details(customer));
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      sentTo: `${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`,
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
    });
    const code = await readLatestSandboxCode(outbox, customer.phone);
    expect(code).toMatch(/^\d{6}$/);

    const bound = await bind(token, { ...details(customer), code });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({
      userId: user.userId,
      customerId: customer.customerId,
      displayName: customer.name,
    });
    expect(bound.body.phoneMasked).toBe(`${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`);

    const me = await invoke<Me>(getMe, { path: '/me', token });
    expect(me.body.customerId).toBe(customer.customerId);
    // The code is spent.
    expect((await bind(token, { ...details(customer), code })).status).toBe(409);
  });

  it('puts the customer id into the tokens of the next session', async () => {
    const customer = await putCustomer(kit.container);
    const signIn = await invoke(signInWithWechat, {
      path: '/auth/wechat',
      body: { code: `bind-${customer.customerId}`, privacyConsentVersion: consent },
    });
    await requestCode(signIn.body.accessToken, details(customer));
    const code = await readLatestSandboxCode(outbox, customer.phone);
    await bind(signIn.body.accessToken, { ...details(customer), code });
    const refreshed = await invoke(refreshSession, {
      path: '/auth/refresh',
      body: { refreshToken: signIn.body.refreshToken },
    });
    const claims = await kit.container.accessTokens.verify(refreshed.body.accessToken);
    expect(claims.customerId).toBe(customer.customerId);
  });

  it('answers a mismatch the same way whatever is wrong, without revealing what is on file', async () => {
    const customer = await putCustomer(kit.container);
    const other = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    const wrongName = await requestCode(token, { ...details(customer), name: '李四' });
    kit.advance(61_000);
    const wrongPhone = await requestCode(token, { ...details(customer), phone: other.phone });
    kit.advance(61_000);
    const unknownId = await requestCode(token, { ...details(customer), idNumber: '11010519491231002X' });
    for (const res of [wrongName, wrongPhone, unknownId]) {
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(wrongName.body.message);
      expect(JSON.stringify(res.body)).not.toContain(customer.phone.slice(-4));
      expect(JSON.stringify(res.body)).not.toContain('张');
    }
  });

  it('checks the ID number checksum and birth date with a field-level message', async () => {
    const { token } = await signedInCustomer();
    const badChecksum = await requestCode(token, {
      name: '张三',
      idNumber: '110105194912310021',
      phone: '13800138000',
      sensitiveConsentVersion: consent,
    });
    expect(badChecksum.status).toBe(400);
    expect(badChecksum.body).toMatchObject({
      field: 'idNumber',
      message: '身份证号码校验位不正确，请核对后重新输入',
    });
    const futureBirth = await requestCode(token, {
      name: '张三',
      idNumber: '110105209912310010',
      phone: '13800138000',
      sensitiveConsentVersion: consent,
    });
    expect(futureBirth.body.field).toBe('idNumber');
  });

  it('requires the current sensitive-data consent', async () => {
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    const res = await requestCode(token, { ...details(customer), sensitiveConsentVersion: 'old' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('sensitiveConsentVersion');
  });

  it('refuses a customer already bound to another WeChat account', async () => {
    const customer = await putCustomer(kit.container);
    await putUser(kit.container, { customerId: customer.customerId });
    const { token } = await signedInCustomer();
    const res = await requestCode(token, details(customer));
    expect(res.status).toBe(409);
  });

  it('refuses a code sent for another customer', async () => {
    const customer = await putCustomer(kit.container);
    const other = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    await requestCode(token, details(customer));
    const code = await readLatestSandboxCode(outbox, customer.phone);
    const res = await bind(token, { ...details(other), code });
    expect(res.status).toBe(400);
  });

  it('refuses an expired code (checked in code: DynamoDB Local never expires items)', async () => {
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    await requestCode(token, details(customer));
    const code = await readLatestSandboxCode(outbox, customer.phone);
    kit.advance(5 * 60_000 + 1);
    const res = await bind(token, { ...details(customer), code });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'code', message: '验证码已过期或未获取，请重新获取验证码' });
  });

  it('counts wrong codes and locks binding for 30 minutes after the fifth', async () => {
    const customer = await putCustomer(kit.container);
    const { user, token } = await signedInCustomer();
    await requestCode(token, details(customer));
    const code = (await readLatestSandboxCode(outbox, customer.phone)) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await bind(token, { ...details(customer), code: wrong });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'code', message: `验证码不正确，还可尝试 ${left} 次` });
    }
    const fifth = await bind(token, { ...details(customer), code: wrong });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('LOCKED');
    expect(fifth.headers['Retry-After']).toBe('1800');

    // Locked: even the right code and a new code request are refused.
    expect((await bind(token, { ...details(customer), code })).status).toBe(423);
    const locked = await requestCode(token, details(customer));
    expect(locked.status).toBe(423);
    expect(locked.body.message).toContain('30 分钟');

    kit.advance(30 * 60_000 + 1);
    // The access token has expired meanwhile; the client would have refreshed it.
    const { token: renewed } = await kit.container.accessTokens.issue({ sub: user.userId, role: 'customer' });
    expect((await requestCode(renewed, details(customer))).status).toBe(200);
    const fresh = await readLatestSandboxCode(outbox, customer.phone);
    expect((await bind(renewed, { ...details(customer), code: fresh })).status).toBe(200);
  });

  it('lets only one of two concurrent requests consume the same code', async () => {
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    await requestCode(token, details(customer));
    const code = await readLatestSandboxCode(outbox, customer.phone);
    const results = await Promise.all([
      bind(token, { ...details(customer), code }),
      bind(token, { ...details(customer), code }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });
});

describe('two WeChat users binding the same customer at once', () => {
  it('lets exactly one of them win (the database enforces one binding per customer)', async () => {
    const customer = await putCustomer(kit.container);
    const first = await signedInCustomer();
    const second = await signedInCustomer();
    await requestCode(first.token, details(customer));
    const firstCode = await readLatestSandboxCode(outbox, customer.phone);
    kit.advance(61_000);
    await requestCode(second.token, details(customer));
    const secondCode = await readLatestSandboxCode(outbox, customer.phone);
    const results = await Promise.all([
      bind(first.token, { ...details(customer), code: firstCode }),
      bind(second.token, { ...details(customer), code: secondCode }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('rate limits on binding codes', () => {
  it('allows one code per phone per minute and says when to retry', async () => {
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    expect((await requestCode(token, details(customer))).status).toBe(200);
    const again = await requestCode(token, details(customer));
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('RATE_LIMITED');
    expect(again.body.message).toMatch(/请在 \d+ 秒后重试/);
    expect(again.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(again.headers['Retry-After']).toBe(String(again.body.retryAfterSeconds));
    kit.advance(60_000);
    expect((await requestCode(token, details(customer))).status).toBe(200);
  });

  it('does not make a corrected typo wait for the resend minute: only a sent code starts it', async () => {
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    const typo = await requestCode(token, { ...details(customer), name: '李四' });
    expect(typo.status).toBe(400);
    expect((await requestCode(token, details(customer))).status).toBe(200);
    expect((await requestCode(token, details(customer))).status).toBe(429);
  });

  it('allows five codes per phone per hour', async () => {
    kit.advance(3600_000 - (kit.clock.now % 3600_000)); // start of an hour window
    const customer = await putCustomer(kit.container);
    const { token } = await signedInCustomer();
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(token, details(customer))).status).toBe(200);
      kit.advance(61_000);
    }
    const sixth = await requestCode(token, details(customer));
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(/分钟后重试/);
  });

  it('allows ten code requests per WeChat user per day, whatever the phone', async () => {
    kit.advance(24 * 3600_000 - (kit.clock.now % (24 * 3600_000)));
    const { token } = await signedInCustomer();
    for (let i = 0; i < 10; i++) {
      const customer = await putCustomer(kit.container);
      expect((await requestCode(token, details(customer))).status).toBe(200);
    }
    const eleventh = await requestCode(token, details(await putCustomer(kit.container)));
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.message).toMatch(/小时后重试/);
  });
});

describe('logs of a binding flow', () => {
  it('contain no raw ID number or phone', async () => {
    const logger = createLogger({ logLevel: 'DEBUG' });
    const previousLogger = kit.container.logger;
    kit.container.logger = logger;
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const customer = await putCustomer(kit.container);
      const { token } = await signedInCustomer();
      await requestCode(token, { ...details(customer), name: '错名' });
      kit.advance(61_000);
      await requestCode(token, details(customer));
      await requestCode(token, details(customer)); // rate limited
      const code = await readLatestSandboxCode(outbox, customer.phone);
      await bind(token, { ...details(customer), code: code === '000000' ? '111111' : '000000' });
      await bind(token, { ...details(customer), code });
      // Something upstream may put personal data into an error message; the redactor still masks it.
      logger.error('upstream said', {
        detail: `customer ${customer.idNumber} phone ${customer.phone}`,
        phone: customer.phone,
      });

      const output = lines.join('');
      expect(output).toContain('"route":"/me/identity"');
      expect(output).toContain('"status":200');
      expect(output).not.toContain(customer.idNumber);
      expect(output).not.toContain(customer.phone);
      expect(output).not.toContain(`"code":"${code}"`);
      expect(output).toContain(`${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`);
    } finally {
      kit.container.logger = previousLogger;
    }
  });
});
