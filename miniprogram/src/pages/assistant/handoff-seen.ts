import Taro from '@tarojs/taro';

/**
 * The last message seq this phone has shown per handoff, so an answer to a message (留言) left
 * outside service hours is shown once on the next visit, not on every visit.
 */
const key = (handoffId: string) => `zx.handoffSeen.${handoffId}`;

export function seenSeq(handoffId: string): number {
  try {
    const value = Taro.getStorageSync(key(handoffId)) as number | '' | undefined;
    return typeof value === 'number' ? value : 0;
  } catch {
    return 0;
  }
}

export function markSeen(handoffId: string, seq: number): void {
  if (seq <= seenSeq(handoffId)) return;
  try {
    Taro.setStorageSync(key(handoffId), seq);
  } catch {
    // Storage full or unavailable: the answer may be shown again next time, nothing is lost.
  }
}
