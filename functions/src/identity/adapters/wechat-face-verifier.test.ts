import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@zhixiang/shared/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { WechatAccessTokens } from '../../platform/wechat/wechat-access-token';
import { DynamoWechatAccessTokenStore } from '../../platform/wechat/wechat-access-token-store';
import { createSystem } from '../../system';
import { certHash, SandboxFaceVerifier, WechatFaceVerifier } from './wechat-face-verifier';

// @local-stack: the shared access_token is kept in this file's table in DynamoDB Local.

/**
 * A fake of WeChat's server APIs as documented: `GET /cgi-bin/token`, and the face verification
 * 2.0 calls `POST /cityservice/face/identify/getverifyid` and `/queryverifyinfo` (JSON bodies,
 * `access_token` in the query, answers with errcode/errmsg).
 */
interface Seen {
  path: string;
  token: string | null;
  body: Record<string, unknown> | null;
}
const seen: Seen[] = [];
let tokenRequests = 0;
const issuedTokens: string[] = [];
/** verify_ids the fake knows, with the verify_ret WeChat would report. */
const sessions = new Map<string, number>();
let hangNext = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    const token = url.searchParams.get('access_token');
    seen.push({ path: url.pathname, token, body });
    res.setHeader('content-type', 'text/plain');
    if (url.pathname === '/cgi-bin/token') {
      tokenRequests++;
      // Slow enough that concurrent callers overlap while one refresh is in flight.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const accessToken = `token-${tokenRequests}`;
      issuedTokens.push(accessToken);
      return res.end(JSON.stringify({ access_token: accessToken, expires_in: 7200 }));
    }
    if (hangNext > 0) {
      hangNext--;
      return; // never answers: the client's timeout must fire
    }
    if (token !== issuedTokens.at(-1))
      return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
    if (url.pathname === '/cityservice/face/identify/getverifyid') {
      const cert = body?.cert_info as Record<string, string>;
      if (!body?.openid || !body.out_seq_no || cert?.cert_type !== 'IDENTITY_CARD')
        return res.end(JSON.stringify({ errcode: 10001, errmsg: 'invalid args' }));
      const verifyId = `vid-${String(body.out_seq_no)}`;
      sessions.set(verifyId, cert.cert_name === '冒名者' ? 10004 : 10000);
      return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 }));
    }
    if (url.pathname === '/cityservice/face/identify/queryverifyinfo') {
      const verifyRet = sessions.get(String(body?.verify_id));
      if (verifyRet === undefined)
        return res.end(JSON.stringify({ errcode: 40097, errmsg: 'verify_id expired or invalid' }));
      return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', verify_ret: verifyRet }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let appSeq = 0;
let appId = '';
beforeEach(() => {
  seen.length = 0;
  hangNext = 0;
  // A fresh appid per test: each test starts with no cached token.
  appId = `wx-test-${++appSeq}-${Date.now()}`;
});

function tokensFor(container = createSystem()) {
  return new WechatAccessTokens({
    apiBaseUrl: baseUrl,
    credentials: async () => ({ appId, appSecret: 'app-secret-value' }),
    store: new DynamoWechatAccessTokenStore(container.table),
    cipher: container.fieldCipher,
    now: () => Date.now(),
  });
}

const certificate = { name: '张伟', idNumber: '11010519491231002X' };

describe('WechatFaceVerifier (getverifyid / queryverifyinfo)', () => {
  it('computes cert_hash exactly as in the worked example of the API reference', () => {
    // queryverifyinfo reference: 张三, 310101199801011234 → base64 of each field, joined, SHA-256 hex.
    expect(certHash({ name: '张三', idNumber: '310101199801011234' })).toBe(
      '3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b',
    );
  });

  it('opens a session with the certificate and openid, then reads a success (verify_ret 10000)', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor() });
    const session = await verifier.getVerifyId({ outSeqNo: 'ZX001', certificate, openid: 'openid-1' });
    expect(session).toEqual({ verifyId: 'vid-ZX001', expiresInSeconds: 3600 });
    const open = seen.find((s) => s.path.endsWith('/getverifyid'));
    expect(open?.body).toEqual({
      out_seq_no: 'ZX001',
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '张伟', cert_no: '11010519491231002X' },
      openid: 'openid-1',
    });
    expect(open?.token).toMatch(/^token-/);
    const verifyRet = await verifier.queryVerifyResult({
      verifyId: session.verifyId,
      outSeqNo: 'ZX001',
      certificate,
      openid: 'openid-1',
    });
    expect(verifyRet).toBe(10000);
    const query = seen.find((s) => s.path.endsWith('/queryverifyinfo'));
    expect(query?.body).toEqual({
      verify_id: 'vid-ZX001',
      out_seq_no: 'ZX001',
      cert_hash: certHash(certificate),
      openid: 'openid-1',
    });
  });

  it('reports a face mismatch as verify_ret 10004', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor() });
    const request = { outSeqNo: 'ZX002', certificate: { ...certificate, name: '冒名者' }, openid: 'o' };
    const { verifyId } = await verifier.getVerifyId(request);
    expect(await verifier.queryVerifyResult({ ...request, verifyId })).toBe(10004);
  });

  it('refuses an expired or unknown verify_id with a Chinese message', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor() });
    const error = (await verifier
      .queryVerifyResult({ verifyId: 'vid-gone', outSeqNo: 'ZX003', certificate, openid: 'o' })
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CONFLICT');
    expect(error.userMessage).toMatch(/会话已失效/);
  });

  it('retries once after a network timeout', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor(), timeoutMs: 300 });
    await verifier.getVerifyId({ outSeqNo: 'ZX004', certificate, openid: 'o' }); // token fetched
    hangNext = 1;
    const verifyRet = await verifier.queryVerifyResult({
      verifyId: 'vid-ZX004',
      outSeqNo: 'ZX004',
      certificate,
      openid: 'o',
    });
    expect(verifyRet).toBe(10000);
    expect(seen.filter((s) => s.path.endsWith('/queryverifyinfo'))).toHaveLength(2);
  });

  it('gives up with UPSTREAM_FAILED after two timeouts, without leaking the access token', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor(), timeoutMs: 200 });
    await verifier.getVerifyId({ outSeqNo: 'ZX005', certificate, openid: 'o' });
    hangNext = 2;
    const error = (await verifier
      .queryVerifyResult({ verifyId: 'vid-ZX005', outSeqNo: 'ZX005', certificate, openid: 'o' })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(`${error.message} ${String(error.cause)}`).not.toMatch(/token-\d/);
  });

  it('needs a WeChat openid: outside WeChat the face path is refused with a clear message', async () => {
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens: tokensFor() });
    await expect(
      verifier.getVerifyId({ outSeqNo: 'ZX006', certificate, openid: null }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      userMessage: expect.stringMatching(/在微信中/),
    });
  });
});

describe('WechatAccessTokens', () => {
  it('fetches once and serves the cached token, also to another process', async () => {
    const first = tokensFor();
    const before = tokenRequests;
    const token = await first.token();
    expect(await first.token()).toBe(token);
    expect(await tokensFor().token()).toBe(token);
    expect(tokenRequests - before).toBe(1);
    const request = seen.find((s) => s.path === '/cgi-bin/token');
    expect(request).toBeDefined();
  });

  it('refreshes once under concurrency: ten processes asking at once share one new token', async () => {
    const container = createSystem();
    const before = tokenRequests;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => tokensFor(container).token()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokenRequests - before).toBe(1);
  });

  it('stores the token encrypted, never in plaintext', async () => {
    const container = createSystem();
    const token = await tokensFor(container).token();
    const stored = await new DynamoWechatAccessTokenStore(container.table).read(appId);
    expect(stored?.tokenCipher).toMatch(/^f1\./);
    expect(stored?.tokenCipher).not.toContain(token);
  });

  it('refreshes before expiry: a token within 5 minutes of its end is replaced', async () => {
    const container = createSystem();
    let now = Date.now();
    const make = () =>
      new WechatAccessTokens({
        apiBaseUrl: baseUrl,
        credentials: async () => ({ appId, appSecret: 'app-secret-value' }),
        store: new DynamoWechatAccessTokenStore(container.table),
        cipher: container.fieldCipher,
        now: () => now,
      });
    const old = await make().token();
    now += (7200 - 299) * 1000;
    const fresh = await make().token();
    expect(fresh).not.toBe(old);
  });

  it('replaces a token WeChat calls stale (40001) and retries the call once', async () => {
    const container = createSystem();
    const tokens = tokensFor(container);
    await tokens.token();
    // Another client of the same appid refreshed behind our back: our token is now invalid.
    issuedTokens.push('someone-elses-token');
    const verifier = new WechatFaceVerifier({ apiBaseUrl: baseUrl, tokens });
    const session = await verifier.getVerifyId({ outSeqNo: 'ZX007', certificate, openid: 'o' });
    expect(session.verifyId).toBe('vid-ZX007');
    const calls = seen.filter((s) => s.path.endsWith('/getverifyid'));
    expect(calls).toHaveLength(2);
    expect(calls[0]?.token).not.toBe(calls[1]?.token);
  });
});

describe('the face provider by stage', () => {
  const deployed = {
    STAGE: 'prod',
    TABLE_NAME: 't',
    BUCKET_NAME: 'b',
    FIELD_KEY_ID: 'alias/field',
    SSM_PREFIX: '/zhixiang-kefu/prod',
  };

  it('uses the WeChat client on deployed stages and refuses the sandbox there', () => {
    expect(createSystem(loadConfig(deployed)).faceVerifier).toBeInstanceOf(WechatFaceVerifier);
    for (const stage of ['dev', 'prod'])
      expect(() => loadConfig({ ...deployed, STAGE: stage, FACE_VERIFY_PROVIDER: 'sandbox' })).toThrow(
        /FACE_VERIFY_PROVIDER=sandbox is only allowed when STAGE=local/,
      );
    const answers = null as unknown as ConstructorParameters<typeof SandboxFaceVerifier>[1];
    expect(() => new SandboxFaceVerifier('prod', answers)).toThrow(/refuses to run on STAGE=prod/);
  });

  it('uses the sandbox on the local stage', () => {
    expect(createSystem(loadConfig()).faceVerifier).toBeInstanceOf(SandboxFaceVerifier);
  });
});
