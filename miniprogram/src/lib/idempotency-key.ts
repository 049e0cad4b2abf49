import Taro from '@tarojs/taro';

const storageKey = (applicationId: string) => `zx.endorsement.idempotency.${applicationId}`;

/** A random UUID v4: the key only has to be unique per confirmation, not secret. */
function newKey(): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Idempotency-Key of one confirmation of a financial submission: created when the customer
 * confirms, kept in storage so that a retry — after a timeout, a lost connection or even a restart
 * of the app — sends the same key and the server answers with the first result instead of paying twice.
 */
export function idempotencyKeyFor(applicationId: string): string {
  const stored = Taro.getStorageSync(storageKey(applicationId)) as string | undefined;
  if (stored) return stored;
  const key = newKey();
  Taro.setStorageSync(storageKey(applicationId), key);
  return key;
}

/** Once the server has answered (any definite answer), the confirmation is spent. */
export function forgetIdempotencyKey(applicationId: string): void {
  Taro.removeStorageSync(storageKey(applicationId));
}
