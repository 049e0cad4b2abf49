import Taro from '@tarojs/taro';
import { pageUrls } from './navigation';

/**
 * WeChat's own record of the user's consent to the privacy guide (用户隐私保护指引). With
 * `__usePrivacyCheck__` on, WeChat pauses a privacy API (chooseMedia, chooseMessageFile,
 * setClipboardData…) until the user has agreed through a button of open-type
 * agreePrivacyAuthorization. The privacy page's 同意 is that button, so the first screen records
 * both our consent and WeChat's; should WeChat still ask (a client that lost its record, a guide
 * that declares something new), the listener below opens the same page, and the answer there
 * lets the paused API go on or fail. Base library 2.32.3 and later; H5 has none of it.
 */
export const PRIVACY_AGREE_BUTTON_ID = 'zx-privacy-agree';

type PrivacyResolve = (option: {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}) => void;

let pending: PrivacyResolve | null = null;

/** Called once at launch: WeChat's request for consent opens the privacy page. */
export function listenForPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp' || !Taro.canIUse('onNeedPrivacyAuthorization')) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as PrivacyResolve;
    void Taro.navigateTo({ url: `${pageUrls.privacy}?authorize=1` });
  });
}

/** Whether a privacy API is waiting for the user's answer on the privacy page. */
export function privacyAuthorizationPending(): boolean {
  return pending !== null;
}

/** Tells WeChat that the privacy page is on screen for the paused API. */
export function announcePrivacyAuthorization(): void {
  pending?.({ event: 'exposureAuthorization' });
}

/** Passes the user's answer to the paused API; false when nothing was waiting. */
export function answerPrivacyAuthorization(agreed: boolean): boolean {
  const resolve = pending;
  if (!resolve) return false;
  pending = null;
  resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  return true;
}
