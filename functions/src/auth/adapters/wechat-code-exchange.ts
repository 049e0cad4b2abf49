import { createHash } from 'node:crypto';
import { AppError, type ErrorCode } from '@zhixiang/shared/errors';
import type { WechatAuth, WechatIdentity } from '@zhixiang/shared/ports/wechat-auth';
import { assertLocalStage, type Stage } from '../../platform/config';
import type { WechatCredentials } from '../../platform/secrets';

interface Code2SessionResponse {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's documented jscode2session errors, as the user should read them. */
const WECHAT_ERRORS: Record<number, [ErrorCode, string]> = {
  40029: ['VALIDATION_FAILED', '微信登录凭证无效或已过期，请重新进入小程序'],
  40163: ['VALIDATION_FAILED', '微信登录凭证已被使用，请重新进入小程序'],
  45011: ['RATE_LIMITED', '登录过于频繁，请稍后再试'],
  40226: ['FORBIDDEN', '您的微信账号存在安全风险，暂时无法登录，请联系客服'],
  [-1]: ['UPSTREAM_FAILED', '微信服务繁忙，请稍后再试'],
};

/**
 * The real `jscode2session` client. The session_key in WeChat's answer is dropped here on purpose:
 * the product decrypts no WeChat data with it, so it is never stored, returned or logged.
 */
export class WechatCodeExchange implements WechatAuth {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly credentials: () => Promise<WechatCredentials>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async exchangeCode(code: string): Promise<WechatIdentity> {
    const { appId, appSecret } = await this.credentials();
    const url = new URL('/sns/jscode2session', this.apiBaseUrl);
    url.search = new URLSearchParams({
      appid: appId,
      secret: appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: Code2SessionResponse;
    try {
      const response = await this.fetchImpl(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`jscode2session HTTP ${response.status}`);
      body = (await response.json()) as Code2SessionResponse;
    } catch (cause) {
      // The URL carries the app secret: report the failure without it.
      throw new AppError('UPSTREAM_FAILED', '微信服务暂时不可用，请稍后再试', {
        cause: cause instanceof Error ? new Error(cause.message) : undefined,
        logMessage: 'jscode2session request failed',
      });
    }
    if (body.errcode) {
      const [errorCode, message] = WECHAT_ERRORS[body.errcode] ?? [
        'UPSTREAM_FAILED',
        '微信登录失败，请稍后再试',
      ];
      throw new AppError(errorCode, message, { logMessage: `jscode2session errcode ${body.errcode}` });
    }
    if (!body.openid)
      throw new AppError('UPSTREAM_FAILED', '微信登录失败，请稍后再试', {
        logMessage: 'jscode2session returned no openid',
      });
    return { openid: body.openid, unionid: body.unionid ?? null };
  }
}

/**
 * Local stage only: any code signs in, and the same code always gives the same openid, so a
 * developer (or a browser test) can be "the same WeChat user" again by reusing a code.
 */
export class SandboxWechatAuth implements WechatAuth {
  constructor(stage: Stage) {
    assertLocalStage(stage, 'SandboxWechatAuth');
  }

  async exchangeCode(code: string): Promise<WechatIdentity> {
    const digest = createHash('sha256').update(`sandbox:${code}`).digest('base64url');
    return { openid: `sandbox-${digest.slice(0, 22)}`, unionid: null };
  }
}
