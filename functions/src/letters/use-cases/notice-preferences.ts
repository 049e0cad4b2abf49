import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { defaultNoticePreference, type NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import type { NoticePreferenceInput, NoticePreferencesResponse } from '@zhixiang/shared/notices/schemas';
import { renewalTemplateIds } from '@zhixiang/shared/notices/subscribe-message';
import type { NoticeStore, SubscribeCreditLedger } from '@zhixiang/shared/ports/notices';
import type {
  CustomerRepository,
  PolicyRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';
import { changeSource, visibleCustomer } from './letter-customer';

export interface NoticePreferenceDeps {
  customers: Pick<CustomerRepository, 'get'>;
  policies: Pick<PolicyRepository, 'get'>;
  users: Pick<UserAccountRepository, 'findByCustomer'>;
  notices: Pick<NoticeStore, 'listPreferences' | 'putPreference'>;
  credits: Pick<SubscribeCreditLedger, 'balances'>;
  now: () => number;
}

function view(record: NoticePreferenceRecord) {
  return {
    scope: record.scope,
    leadDays: record.leadDays,
    channels: record.channels,
    quietHours: record.quietHours,
    successNotice: record.successNotice,
    isDefault: record.updatedAt === 0,
    updatedAt: record.updatedAt === 0 ? null : new Date(record.updatedAt).toISOString(),
  };
}

/** The customer's renewal notice preferences ("all" first, default if none saved) and WeChat credits. */
export async function getNoticePreferences(
  deps: NoticePreferenceDeps,
  claims: AccessClaims,
  customerId: string,
): Promise<NoticePreferencesResponse> {
  await visibleCustomer(deps.customers, claims, customerId);
  const saved = await deps.notices.listPreferences(customerId);
  const all = saved.find((p) => p.scope === 'all') ?? defaultNoticePreference(customerId);
  const openid = (await deps.users.findByCustomer(customerId)).find((user) => user.openid)?.openid;
  return {
    preferences: [all, ...saved.filter((p) => p.scope !== 'all')].map(view),
    subscribeTemplateIds: renewalTemplateIds(),
    wechatCredits: openid ? await deps.credits.balances(openid) : {},
  };
}

/** Saves the preference for all policies or one policy the customer holds (another policy: 404). */
export async function updateNoticePreference(
  deps: NoticePreferenceDeps,
  claims: AccessClaims,
  customerId: string,
  input: NoticePreferenceInput,
): Promise<NoticePreferencesResponse> {
  await visibleCustomer(deps.customers, claims, customerId);
  if (input.scope !== 'all') {
    const policy = await deps.policies.get(input.scope);
    if (!policy || policy.holderId !== customerId)
      throw new AppError('NOT_FOUND', '未找到该保单，请核对保单号', { field: 'scope' });
  }
  await deps.notices.putPreference({
    customerId,
    ...input,
    updatedAt: deps.now(),
    updatedBy: changeSource(claims),
  });
  return getNoticePreferences(deps, claims, customerId);
}
