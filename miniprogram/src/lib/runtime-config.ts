/**
 * Where the API lives. On H5 the host serves /runtime-config.js (one build for every stage);
 * weapp cannot load such a file, so its address is fixed at build time.
 */
export interface RuntimeConfig {
  apiBaseUrl: string;
  stage: string;
}

export function runtimeConfig(): RuntimeConfig {
  const injected =
    typeof window !== 'undefined' && process.env.TARO_ENV === 'h5' ? window.__ZX_CONFIG__ : undefined;
  const apiBaseUrl = injected?.apiBaseUrl ?? (typeof API_BASE_URL === 'string' ? API_BASE_URL : '');
  const stage = injected?.stage ?? (typeof APP_STAGE === 'string' ? APP_STAGE : 'local');
  return { apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''), stage };
}
