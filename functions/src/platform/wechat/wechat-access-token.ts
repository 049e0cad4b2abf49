import { randomUUID } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { Platform } from '../process';
import type { WechatCredentials } from '../secrets';
import { DynamoWechatAccessTokenStore } from './wechat-access-token-store';

/** What every server-side WeChat client (face verification, OCR, subscribe messages) needs. */
export interface WechatAccessTokenSource {
  token(): Promise<string>;
  /** Call when WeChat answers 40001 / 42001 / 40014 for `token`: the next token() refreshes. */
  invalidate(token: string): Promise<void>;
}

/** WeChat's errcodes meaning "this access_token is not (or no longer) valid". */
export const STALE_TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** Refresh this long before WeChat's expiry so no request carries a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const LEASE_MS = 10_000;
const WAIT_STEP_MS = 150;

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/**
 * access_token management over `GET /cgi-bin/token`: cached (encrypted) in DynamoDB, refreshed 5
 * minutes before expiry, by one process at a time — the others wait for its token instead of
 * each invalidating the previous one. A warm process also keeps the plaintext for its lifetime.
 */
export class WechatAccessTokens implements WechatAccessTokenSource {
  private cached: { token: string; validUntil: number } | null = null;

  constructor(
    private readonly options: {
      apiBaseUrl: string;
      credentials: () => Promise<WechatCredentials>;
      store: DynamoWechatAccessTokenStore;
      cipher: FieldCipher;
      now: () => number;
      fetchImpl?: typeof fetch;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {}

  async token(): Promise<string> {
    const now = this.options.now();
    if (this.cached && this.cached.validUntil - REFRESH_MARGIN_MS > now) return this.cached.token;
    const { appId } = await this.options.credentials();
    const deadline = now + LEASE_MS + 2_000;
    const owner = randomUUID();
    for (;;) {
      const current = this.options.now();
      const fresh = await this.freshStored(appId, current);
      if (fresh) return fresh;
      if (await this.options.store.acquireLease(appId, owner, current, LEASE_MS)) {
        // Another process may have refreshed between our read and our lease: check again.
        const refreshedMeanwhile = await this.freshStored(appId, current);
        if (!refreshedMeanwhile) return this.refresh(appId, owner);
        await this.options.store.releaseLease(appId, owner);
        return refreshedMeanwhile;
      }
      if (current > deadline)
        throw new AppError('UPSTREAM_FAILED', '微信服务暂时不可用，请稍后再试', {
          logMessage: 'timed out waiting for another process to refresh the WeChat access_token',
        });
      await (this.options.sleep ?? sleep)(WAIT_STEP_MS);
    }
  }

  private async freshStored(appId: string, now: number): Promise<string | null> {
    const stored = await this.options.store.read(appId);
    if (!stored?.tokenCipher || stored.validUntil - REFRESH_MARGIN_MS <= now) return null;
    const token = await this.options.cipher.decrypt(stored.tokenCipher);
    this.cached = { token, validUntil: stored.validUntil };
    return token;
  }

  async invalidate(token: string): Promise<void> {
    if (this.cached?.token === token) this.cached = null;
    const { appId } = await this.options.credentials();
    const stored = await this.options.store.read(appId);
    if (!stored?.tokenCipher) return;
    if ((await this.options.cipher.decrypt(stored.tokenCipher)) === token)
      await this.options.store.invalidate(appId, stored.tokenCipher);
  }

  private async refresh(appId: string, owner: string): Promise<string> {
    try {
      const { appSecret } = await this.options.credentials();
      const url = new URL('/cgi-bin/token', this.options.apiBaseUrl);
      url.search = new URLSearchParams({
        grant_type: 'client_credential',
        appid: appId,
        secret: appSecret,
      }).toString();
      let body: TokenResponse;
      try {
        const response = await (this.options.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new Error(`cgi-bin/token HTTP ${response.status}`);
        body = (await response.json()) as TokenResponse;
      } catch (cause) {
        // The URL carries the app secret: report the failure without it.
        throw new AppError('UPSTREAM_FAILED', '微信服务暂时不可用，请稍后再试', {
          cause: cause instanceof Error ? new Error(cause.message.replaceAll(appSecret, '***')) : undefined,
          logMessage: 'cgi-bin/token request failed',
        });
      }
      if (!body.access_token || body.errcode) {
        throw new AppError('UPSTREAM_FAILED', '微信服务暂时不可用，请稍后再试', {
          logMessage: `cgi-bin/token errcode ${body.errcode ?? 'none'} ${body.errmsg ?? ''}`,
        });
      }
      const validUntil = this.options.now() + (body.expires_in ?? 7200) * 1000;
      const tokenCipher = await this.options.cipher.encrypt(body.access_token);
      await this.options.store.saveAndRelease(appId, owner, tokenCipher, validUntil);
      this.cached = { token: body.access_token, validUntil };
      return body.access_token;
    } catch (error) {
      await this.options.store.releaseLease(appId, owner);
      throw error;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs to a WeChat server API with the access_token — JSON, or a FormData (file uploads such as
 * OCR images) — retrying once after a timeout or a network error and once with a fresh token
 * when WeChat says the token is stale. Returns the parsed body; errcodes other than a stale token
 * are returned for the caller to map.
 */
export async function postWechat<T extends { errcode?: number; errmsg?: string }>(
  options: {
    apiBaseUrl: string;
    tokens: WechatAccessTokenSource;
    fetchImpl?: typeof fetch;
    timeoutMs?: number;
  },
  path: string,
  payload: unknown,
  query: Record<string, string> = {},
): Promise<T> {
  let staleRetried = false;
  let networkRetried = false;
  for (;;) {
    const token = await options.tokens.token();
    const url = new URL(path, options.apiBaseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    url.searchParams.set('access_token', token);
    let body: T;
    try {
      const isForm = payload instanceof FormData;
      const response = await (options.fetchImpl ?? fetch)(url, {
        method: 'POST',
        ...(isForm ? {} : { headers: { 'content-type': 'application/json' } }),
        body: isForm ? payload : JSON.stringify(payload),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`${path} HTTP ${response.status}`);
      body = (await response.json()) as T;
    } catch (cause) {
      if (!networkRetried) {
        networkRetried = true;
        continue;
      }
      throw new AppError('UPSTREAM_FAILED', '微信服务暂时不可用，请稍后再试', {
        cause: cause instanceof Error ? new Error(cause.message.replaceAll(token, '***')) : undefined,
        logMessage: `${path} request failed twice`,
      });
    }
    if (body.errcode && STALE_TOKEN_ERRCODES.has(body.errcode) && !staleRetried) {
      staleRetried = true;
      await options.tokens.invalidate(token);
      continue;
    }
    return body;
  }
}

/** The mini program's access_token for a context's WeChat clients (face, OCR, subscribe messages). */
export function createWechatAccessTokens(platform: Platform): WechatAccessTokens {
  const { config } = platform;
  return new WechatAccessTokens({
    apiBaseUrl: config.wechat.provider === 'wechat' ? config.wechat.apiBaseUrl : 'https://api.weixin.qq.com',
    credentials: platform.secrets.wechatCredentials,
    store: new DynamoWechatAccessTokenStore(platform.table),
    cipher: platform.fieldCipher,
    now: platform.now,
  });
}
