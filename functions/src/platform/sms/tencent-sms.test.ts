import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@zhixiang/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLatestSandboxCode, SandboxOutboxSms } from './sandbox-outbox-sms';
import { TencentSms, type TencentSmsSettings } from './tencent-sms';

const settings: TencentSmsSettings = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  sdkAppId: '1400006666',
  signName: '示例人寿',
  templateIds: {
    bind_identity_code: '1110',
    callback_reminder: '1111',
    callback_unreachable: '1112',
    letter_link: '1113',
    handoff_reply: '1114',
    notification: '1115',
  },
};

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}
const received: Received[] = [];

/**
 * Tencent's documented verification, written independently of the client from the headers that
 * actually arrived (https://cloud.tencent.com/document/api/382/52072).
 */
function verifyTc3(headers: IncomingMessage['headers'], payload: string): string {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
  const timestamp = Number(headers['x-tc-timestamp']);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:${headers['content-type']}\nhost:${headers.host}\nx-tc-action:${String(headers['x-tc-action']).toLowerCase()}\n`;
  const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\ncontent-type;host;x-tc-action\n${sha(payload)}`;
  const scope = `${date}/sms/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha(canonicalRequest)}`;
  const signingKey = hmac(hmac(hmac(`TC3${settings.secretKey}`, date), 'sms'), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${settings.secretId}/${scope}, SignedHeaders=content-type;host;x-tc-action, Signature=${signature}`;
}
let server: Server;
let endpoint: string;

/**
 * A fake of `sms.tencentcloudapi.com`: recomputes the TC3 signature from what it received (with the
 * shared secret, as Tencent does) and answers like the documentation's examples.
 */
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    received.push({ headers: req.headers, body });
    const reply = (payload: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          Response: { ...(payload as object), RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279' },
        }),
      );
    };
    const expected = verifyTc3(req.headers, body);
    if (req.headers.authorization !== expected) {
      return reply({
        Error: {
          Code: 'AuthFailure.SignatureFailure',
          Message: 'The provided credentials could not be validated.',
        },
      });
    }
    const phone = (JSON.parse(body) as { PhoneNumberSet: string[] }).PhoneNumberSet[0];
    if (phone === '+8613900000001') {
      return reply({
        SendStatusSet: [
          {
            SerialNo: '',
            PhoneNumber: phone,
            Fee: 0,
            SessionContext: '',
            Code: 'LimitExceeded.PhoneNumberDailyLimit',
            Message: 'daily limit',
            IsoCode: 'CN',
          },
        ],
      });
    }
    reply({
      SendStatusSet: [
        {
          SerialNo: '5000:1045710669157053657849499619',
          PhoneNumber: phone,
          Fee: 1,
          SessionContext: '',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        },
      ],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = {
  to: '13800138000',
  template: 'bind_identity_code',
  code: '123456',
  validMinutes: 5,
} as const;

describe('TencentSms (SendSms, API 2021-01-11)', () => {
  it('sends a TC3-HMAC-SHA256 signed SendSms request the server can verify', async () => {
    const now = Date.UTC(2026, 10, 25, 8, 0, 0);
    await new TencentSms(
      endpoint,
      'ap-guangzhou',
      async () => settings,
      fetch,
      () => now,
    ).send(message);
    const request = received.at(-1);
    expect(request?.headers['x-tc-action']).toBe('SendSms');
    expect(request?.headers['x-tc-version']).toBe('2021-01-11');
    expect(request?.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(request?.headers['x-tc-timestamp']).toBe(String(now / 1000));
    expect(request?.headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\/2026-11-25\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      SignName: '示例人寿',
      TemplateId: '1110',
      TemplateParamSet: ['123456', '5'],
    });
  });

  it('maps an API error (bad signature) to an upstream AppError', async () => {
    const wrongKey = async () => ({ ...settings, secretKey: 'wrong' });
    const error = (await new TencentSms(endpoint, 'ap-guangzhou', wrongKey)
      .send(message)
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('AuthFailure.SignatureFailure');
    expect(error.userMessage).toBe('短信发送失败，请稍后再试');
  });

  it('maps a per-number limit to RATE_LIMITED and masks the phone in the log message', async () => {
    const error = (await new TencentSms(endpoint, 'ap-guangzhou', async () => settings)
      .send({ ...message, to: '13900000001' })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).not.toContain('13900000001');
  });
});

describe('SandboxOutboxSms', () => {
  it('appends one JSON line per message that readLatestSandboxCode finds by phone', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'zx-sms-')), 'outbox.jsonl');
    expect(await readLatestSandboxCode(file, '13800138000')).toBeNull();
    const outbox = new SandboxOutboxSms('local', file);
    await outbox.send(message);
    await outbox.send({ ...message, to: '13900139000', code: '654321' });
    await outbox.send({ ...message, code: '111111' });
    expect(await readLatestSandboxCode(file, '13800138000')).toBe('111111');
    expect(await readLatestSandboxCode(file, '13900139000')).toBe('654321');
    const first = JSON.parse((await readFile(file, 'utf8')).split('\n')[0] ?? '');
    expect(Object.keys(first).sort()).toEqual(['at', 'code', 'params', 'template', 'to']);
  });

  it('refuses to exist on dev and prod', () => {
    expect(() => new SandboxOutboxSms('prod', '/tmp/x')).toThrow(/refuses/);
  });
});
