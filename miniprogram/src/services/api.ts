import Taro from '@tarojs/taro';
import { goToGate, pageUrls, requiredGate } from '../lib/navigation';
import { runtimeConfig } from '../lib/runtime-config';
import { clearSession, getSession, saveSession } from '../lib/session';
import { createApiClient, type Transport } from './request';
import { routeCalls } from './route-calls';

const taroTransport: Transport = async ({ url, method, headers, body }) => {
  const response = await Taro.request({
    url,
    method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
    header: headers,
    data: body as TaroGeneral.IAnyObject | undefined,
    dataType: 'json',
    timeout: 15000,
  });
  return { status: response.statusCode, body: response.data };
};

export const client = createApiClient({
  baseUrl: () => runtimeConfig().apiBaseUrl,
  transport: taroTransport,
  tokens: {
    accessToken: () => getSession()?.accessToken ?? null,
    refreshToken: () => getSession()?.refreshToken ?? null,
    save: saveSession,
    clear: clearSession,
  },
  notifyError: (message) => {
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  },
  // The session ended: sign in again and come back to this page.
  onSignedOut: () => goToGate(requiredGate() ?? pageUrls.signIn),
});

// Any call in flight shows WeChat's navigation-bar spinner; pages add their own skeletons and button states.
if (process.env.TARO_ENV === 'weapp') {
  client.onPendingChange((pending) => {
    if (pending > 0) void Taro.showNavigationBarLoading();
    else void Taro.hideNavigationBarLoading();
  });
}

/** One typed function per route of the shared contract (route-calls.ts), and the session renewal. */
export const api = {
  ...routeCalls(client),
  /** Binding changes what the access token claims: spend the refresh token for a pair that says so. */
  renewSession: async () => {
    const refreshToken = getSession()?.refreshToken;
    if (!refreshToken) return;
    saveSession(await client.call('refreshSession', { body: { refreshToken } }));
  },
};
