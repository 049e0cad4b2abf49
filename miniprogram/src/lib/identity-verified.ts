import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** Taro's event centre reaches every page of every subpackage, in WeChat and in H5 alike. */
const IDENTITY_VERIFIED = 'zx:identity-verified';

interface VerifiedPurpose {
  purpose: string;
  /** Epoch ms until which the verification counts (VerificationView.validUntil). */
  validUntil: number;
}

/**
 * Tells the page that opened identity verification that its purpose is verified, before the
 * verification page goes back: that page shows the verified state at once instead of the stale
 * 「去核验身份」 until its reload returns.
 */
export function announceIdentityVerified(verified: { purpose: string; validUntil: number | null }): void {
  if (verified.validUntil === null) return;
  Taro.eventCenter.trigger(IDENTITY_VERIFIED, { purpose: verified.purpose, validUntil: verified.validUntil });
}

/** Whether the verification page announced `purpose` verified (and it still counts). */
export function useIdentityVerifiedHere(purpose: string | undefined): boolean {
  const [validUntil, setValidUntil] = useState(0);
  useEffect(() => {
    const listener = (verified: VerifiedPurpose) => {
      if (verified.purpose === purpose) setValidUntil(verified.validUntil);
    };
    Taro.eventCenter.on(IDENTITY_VERIFIED, listener);
    return () => void Taro.eventCenter.off(IDENTITY_VERIFIED, listener);
  }, [purpose]);
  return validUntil > Date.now();
}
