/**
 * Where the API lives. On H5 the host serves /runtime-config.js (one build for every stage);
 * weapp cannot load such a file, so its address is fixed at build time.
 */
export interface RuntimeConfig {
  apiBaseUrl: string;
  stage: string;
  /** The live chat's WebSocket URL; empty where there is none (the chat then polls). */
  liveChatUrl: string;
}

export function runtimeConfig(): RuntimeConfig {
  const injected =
    typeof window !== 'undefined' && process.env.TARO_ENV === 'h5' ? window.__ZX_CONFIG__ : undefined;
  const apiBaseUrl = injected?.apiBaseUrl ?? (typeof API_BASE_URL === 'string' ? API_BASE_URL : '');
  const stage = injected?.stage ?? (typeof APP_STAGE === 'string' ? APP_STAGE : 'local');
  const liveChatUrl = injected?.liveChatUrl ?? (typeof LIVE_CHAT_URL === 'string' ? LIVE_CHAT_URL : '');
  return { apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''), stage, liveChatUrl };
}
