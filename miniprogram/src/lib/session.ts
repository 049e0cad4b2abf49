import Taro from '@tarojs/taro';
import type { Me, SessionResponse } from '@zhixiang/shared/auth/schemas';

const SESSION_KEY = 'zx.session';
const PRIVACY_KEY = 'zx.privacyConsentVersion';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  me: Me;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: StoredSession | null | undefined;

function read<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined ? null : value;
  } catch {
    return null;
  }
}

export function getSession(): StoredSession | null {
  if (cached === undefined) cached = read<StoredSession>(SESSION_KEY);
  return cached;
}

export function saveSession(session: SessionResponse | StoredSession): void {
  cached = { accessToken: session.accessToken, refreshToken: session.refreshToken, me: session.me };
  Taro.setStorageSync(SESSION_KEY, cached);
  notify();
}

export function updateMe(me: Me): void {
  const current = getSession();
  if (!current) return;
  saveSession({ ...current, me });
}

export function clearSession(): void {
  cached = null;
  Taro.removeStorageSync(SESSION_KEY);
  notify();
}

export function getPrivacyConsentVersion(): string | null {
  return read<string>(PRIVACY_KEY);
}

export function savePrivacyConsent(version: string): void {
  Taro.setStorageSync(PRIVACY_KEY, version);
  notify();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
