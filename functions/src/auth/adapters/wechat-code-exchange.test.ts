import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@zhixiang/shared/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxWechatAuth, WechatCodeExchange } from './wechat-code-exchange';

/** A fake of WeChat's `GET /sns/jscode2session`, answering by code as the documentation lists. */
const seen: URLSearchParams[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.searchParams);
    res.setHeader('content-type', 'text/plain'); // WeChat really answers JSON as text/plain
    if (url.pathname !== '/sns/jscode2session') return res.writeHead(404).end();
    const code = url.searchParams.get('js_code');
    const errors: Record<string, [number, string]> = {
      'bad-code': [40029, 'invalid code'],
      'too-fast': [45011, 'api minute-quota reach limit'],
      risky: [40226, 'high risk user'],
      busy: [-1, 'system error'],
      odd: [99999, 'something new'],
    };
    const error = code ? errors[code] : undefined;
    if (code === 'http-500') return res.writeHead(500).end('oops');
    if (error) return res.end(JSON.stringify({ errcode: error[0], errmsg: error[1] }));
    res.end(
      JSON.stringify({ openid: `openid-of-${code}`, session_key: 'SECRET-SESSION-KEY', unionid: 'union-1' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = async () => ({ appId: 'wx-app-id', appSecret: 'app-secret-value' });

describe('WechatCodeExchange (jscode2session)', () => {
  it('sends appid, secret, js_code and grant_type and returns the openid without the session_key', async () => {
    const identity = await new WechatCodeExchange(baseUrl, credentials).exchangeCode('good-code');
    expect(identity).toEqual({ openid: 'openid-of-good-code', unionid: 'union-1' });
    expect(JSON.stringify(identity)).not.toContain('SECRET-SESSION-KEY');
    const params = seen.at(-1);
    expect(Object.fromEntries(params ?? [])).toEqual({
      appid: 'wx-app-id',
      secret: 'app-secret-value',
      js_code: 'good-code',
      grant_type: 'authorization_code',
    });
  });

  it.each([
    ['bad-code', 'VALIDATION_FAILED', /登录凭证无效/],
    ['too-fast', 'RATE_LIMITED', /过于频繁/],
    ['risky', 'FORBIDDEN', /安全风险/],
    ['busy', 'UPSTREAM_FAILED', /繁忙/],
    ['odd', 'UPSTREAM_FAILED', /微信登录失败/],
    ['http-500', 'UPSTREAM_FAILED', /暂时不可用/],
  ])('maps %s to %s with a Chinese message', async (code, errorCode, message) => {
    const error = await new WechatCodeExchange(baseUrl, credentials)
      .exchangeCode(code)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(errorCode);
    expect((error as AppError).userMessage).toMatch(message);
    expect(
      JSON.stringify({ m: (error as AppError).message, c: String((error as AppError).cause) }),
    ).not.toContain('app-secret-value');
  });

  it('reports an unreachable WeChat without leaking the app secret in the URL', async () => {
    const error = (await new WechatCodeExchange('http://127.0.0.1:1', credentials)
      .exchangeCode('x')
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(`${error.message} ${String(error.cause)}`).not.toContain('app-secret-value');
  });
});

describe('SandboxWechatAuth', () => {
  it('maps a code to a stable fake openid on the local stage', async () => {
    const sandbox = new SandboxWechatAuth('local');
    const first = await sandbox.exchangeCode('demo-1');
    expect(first.openid).toMatch(/^sandbox-/);
    expect(await sandbox.exchangeCode('demo-1')).toEqual(first);
    expect((await sandbox.exchangeCode('demo-2')).openid).not.toBe(first.openid);
  });

  it('refuses to exist on dev and prod', () => {
    expect(() => new SandboxWechatAuth('dev')).toThrow();
    expect(() => new SandboxWechatAuth('prod')).toThrow();
  });
});
