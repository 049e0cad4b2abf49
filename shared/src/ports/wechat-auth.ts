/**
 * Exchanges a `wx.login` code for the user's openid (WeChat `jscode2session`). The session_key
 * WeChat also returns stays inside the adapter: nothing in the product needs it and it must never
 * leave the server.
 */
export interface WechatIdentity {
  openid: string;
  unionid: string | null;
}

export interface WechatAuth {
  exchangeCode(code: string): Promise<WechatIdentity>;
}
