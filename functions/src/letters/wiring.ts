import { S3DocumentFiles } from '../documents/adapters/document-files';
import { DynamoMessageStore } from '../notifications/adapters/messages';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { getS3 } from '../platform/s3/s3';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { LetterLinks } from './adapters/letter-links';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from './adapters/letters';
import { DynamoNoticeStore, DynamoSubscribeCreditLedger } from './adapters/notices';
import { DynamoNotifyOnIndex } from './adapters/notify-on-index';
import { WechatPushEnvelope } from './adapters/wechat-push-envelope';
import { createSubscribeMessageSender } from './adapters/wechat-subscribe-messages';
import type { NoticePreferenceDeps } from './use-cases/notice-preferences';

/** E-letters and renewal notices: the stores, the subscribe-message provider, link signing. */
export function createLettersDeps(platform: Platform) {
  const { table, config, secrets, now } = platform;
  const repositories = createRecordRepositories(table, platform.fieldCipher);
  const notifyOn = new DynamoNotifyOnIndex(table, repositories.policies);
  return {
    ...platform,
    repositories,
    letters: new DynamoLetterStore(table),
    letterSubscriptions: new DynamoLetterSubscriptionStore(table),
    notices: new DynamoNoticeStore(table, notifyOn),
    /** The renewal-notice run's index: re-keyed by preference writes, debit results, seeding and imports. */
    notifyOn,
    subscribeCredits: new DynamoSubscribeCreditLedger(table),
    subscribeMessages: createSubscribeMessageSender(platform),
    /** The message centre: every renewal notice is recorded there by the notifier. */
    messages: new DynamoMessageStore(table),
    letterLinks: new LetterLinks({
      signingKey: secrets.tokenSigningKey,
      baseUrl: config.notices.letterLinkBaseUrl,
      now,
    }),
    /** Letter PDFs live beside the documents' files in S3 (letters/ keys). */
    documentFiles: new S3DocumentFiles(getS3, config.bucketName),
    sms: createSmsSender(platform),
    /** WeChat's message push, in security mode. */
    pushEnvelope: new WechatPushEnvelope(secrets.wechatPush, now),
  };
}
export type LettersDeps = ReturnType<typeof createLettersDeps>;

export const lettersWiring = defineWiring(createLettersDeps);

/** What reading and saving notice preferences needs. */
export function noticePreferenceDeps(deps: LettersDeps): NoticePreferenceDeps {
  return {
    customers: deps.repositories.customers,
    policies: deps.repositories.policies,
    users: deps.repositories.users,
    notices: deps.notices,
    credits: deps.subscribeCredits,
    now: deps.now,
  };
}
