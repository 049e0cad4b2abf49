import type { ChangeSource, NoticeChannel } from '../letters/model';

/**
 * Renewal notice preferences (续期通知偏好): per policy, or for all the customer's policies.
 * A policy's own preference wins over the customer's "all" preference, which wins over the default.
 */
export const MIN_LEAD_DAYS = 1;
export const MAX_LEAD_DAYS = 15;

export interface QuietHours {
  /** `HH:mm`, Asia/Shanghai. Equal start and end means no quiet hours. */
  start: string;
  end: string;
}

export interface NoticePreferenceRecord {
  customerId: string;
  /** `all`, or one policy number. */
  scope: string;
  /** Days before the debit date the pre-debit notice comes (1–15). */
  leadDays: number;
  /** In order of preference; the next is tried when one cannot reach the customer. */
  channels: NoticeChannel[];
  quietHours: QuietHours;
  successNotice: boolean;
  updatedAt: number;
  updatedBy: { source: ChangeSource; userId: string };
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };

export function defaultNoticePreference(customerId: string): NoticePreferenceRecord {
  return {
    customerId,
    scope: 'all',
    leadDays: 3,
    channels: ['wechat', 'sms'],
    quietHours: DEFAULT_QUIET_HOURS,
    successNotice: true,
    updatedAt: 0,
    updatedBy: { source: 'admin', userId: 'default' },
  };
}

/** The preference that applies to one policy of the customer. */
export function preferenceFor(
  customerId: string,
  policyNo: string,
  preferences: readonly NoticePreferenceRecord[],
): NoticePreferenceRecord {
  return (
    preferences.find((p) => p.scope === policyNo) ??
    preferences.find((p) => p.scope === 'all') ??
    defaultNoticePreference(customerId)
  );
}
