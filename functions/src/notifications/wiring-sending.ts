import { DynamoNoticeStore, DynamoSubscribeCreditLedger } from '../letters/adapters/notices';
import { createSubscribeMessageSender } from '../letters/adapters/wechat-subscribe-messages';
import type { Platform } from '../platform/process';
import type { RecordRepositories } from '../platform/records/repositories';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { DynamoMessageStore } from './adapters/messages';
import type { NotifierDeps } from './use-cases/notify';

/**
 * What the notifier needs, for another context's function that tells customers something (the
 * endorsement outbox's consumer): the customer and their WeChat account, their notice
 * preferences, the subscribe-message credits, the WeChat and SMS clients, the message centre.
 */
export function notifierDeps(
  platform: Platform,
  records: Pick<RecordRepositories, 'customers' | 'users'>,
): NotifierDeps {
  return {
    customers: records.customers,
    users: records.users,
    preferences: new DynamoNoticeStore(platform.table),
    credits: new DynamoSubscribeCreditLedger(platform.table),
    wechat: createSubscribeMessageSender(platform),
    sms: createSmsSender(platform),
    messages: new DynamoMessageStore(platform.table),
    logger: platform.logger,
    now: platform.now,
  };
}
