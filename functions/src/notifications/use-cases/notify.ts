import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticeChannel } from '@zhixiang/shared/letters/model';
import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import { SubscribeFieldError, subscribeMessageData } from '@zhixiang/shared/notices/subscribe-message';
import { deliveryPlan, deliveryStatus, nextChannel } from '@zhixiang/shared/notifications/channels';
import type { Notification } from '@zhixiang/shared/notifications/content';
import type { ChannelAttempt, ChannelOutcome, PushChannel } from '@zhixiang/shared/notifications/model';
import type {
  NoticeStore,
  SubscribeCreditLedger,
  SubscribeMessageSender,
} from '@zhixiang/shared/ports/notices';
import { BAD_FIELD_ERRCODE } from '@zhixiang/shared/ports/notices';
import type { MessageStore, Notifier, NotifyResult } from '@zhixiang/shared/ports/notifications';
import type { CustomerRepository, UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';

/** Transient failures (network, provider 5xx) are retried this many times in all, with doubling waits. */
export const MAX_SEND_ATTEMPTS = 3;
export const FIRST_RETRY_MS = 200;
/**
 * How long a sender holds a message it claimed: longer than any function that sends (the hourly
 * renewal run, 10 minutes). A claim older than this was left by a sender that stopped.
 */
export const MESSAGE_LEASE_MS = 15 * 60_000;

export interface NotifierDeps {
  customers: Pick<CustomerRepository, 'get'>;
  users: Pick<UserAccountRepository, 'findByCustomer'>;
  preferences: Pick<NoticeStore, 'listPreferences'>;
  credits: Pick<SubscribeCreditLedger, 'add' | 'spend' | 'clear'>;
  wechat: SubscribeMessageSender;
  sms: SmsSender;
  messages: Pick<MessageStore, 'claim' | 'settle'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A message's id: derived from its source, so every delivery of one event finds the same message. */
export function messageIdOf(sourceKey: string): string {
  return createHash('sha256').update(sourceKey).digest('hex').slice(0, 24);
}

/** The notifier port over these dependencies: what other contexts' wirings hand their use cases. */
export function createNotifier(deps: NotifierDeps): Notifier {
  return { notify: (notification, options) => notify(deps, notification, options) };
}

class TransientSendError extends Error {}

interface ChannelResult {
  outcome: ChannelOutcome;
  detail: string | null;
  msgId?: string;
}

/**
 * Tells the customer once: claims the message in their message centre first (a conditional
 * create keyed by the source), then sends on the customer's channels in the order of their
 * preference (WeChat subscribe message, then SMS when WeChat cannot reach them: no openid, no
 * consent, refused), then records each channel's outcome. A repeated delivery of the same source
 * finds the message delivered and sends nothing. A provider failing after its retries records
 * the message `failed` (the caller's outbox tries again: the next claim takes it over). A claim
 * whose sender stopped before recording is recorded `unknown` and not sent again: the customer
 * may have it already, and the message centre holds it either way.
 */
export async function notify(
  deps: NotifierDeps,
  notification: Notification,
  options: { channels?: readonly NoticeChannel[] } = {},
): Promise<NotifyResult> {
  const messageId = messageIdOf(notification.sourceKey);
  const claim = await deps.messages.claim(
    {
      messageId,
      customerId: notification.customerId,
      sourceKey: notification.sourceKey,
      kind: notification.kind,
      title: notification.title,
      text: notification.text,
      subject: notification.subject,
      createdAt: deps.now(),
    },
    deps.now(),
    MESSAGE_LEASE_MS,
  );
  if (claim.kind === 'busy')
    throw new Error(`message ${messageId} (${notification.sourceKey}) is being sent by another sender`);
  if (claim.kind === 'done') {
    const { status } = claim.message;
    return {
      messageId,
      status: status === 'sending' ? 'unknown' : status,
      attempts: claim.message.attempts,
      sends: 0,
      wechatMsgId: null,
      duplicate: true,
    };
  }
  if (claim.kind === 'interrupted') {
    deps.logger.warn('message claimed by a sender that stopped: recorded unknown, not sent again', {
      messageId,
      sourceKey: notification.sourceKey,
    });
    const attempts = claim.message.attempts;
    await record(deps, messageId, claim.lease, { status: 'unknown', attempts, sentAt: null });
    return { messageId, status: 'unknown', attempts, sends: 0, wechatMsgId: null, duplicate: false };
  }

  // What every channel needs, read at once: the preference (unless given), the WeChat account,
  // the mobile number. Nothing was sent yet: a failed read gives the claim back as failed, so the
  // caller's retry sends it (never left to lapse into `unknown`).
  let preferences: Awaited<ReturnType<NotifierDeps['preferences']['listPreferences']>> | null;
  let recipient: Recipient;
  try {
    [preferences, recipient] = await Promise.all([
      options.channels ? null : deps.preferences.listPreferences(notification.customerId),
      recipientOf(deps, notification.customerId),
    ]);
  } catch (error) {
    await record(deps, messageId, claim.lease, { status: 'failed', attempts: [], sentAt: null });
    throw error;
  }
  const preferred =
    options.channels ??
    preferenceFor(notification.customerId, notification.policyNo ?? 'all', preferences ?? []).channels;
  const plan = deliveryPlan(preferred);
  const attempts: ChannelAttempt[] = [];
  let sends = 0;
  let wechatMsgId: string | null = null;
  for (let channel = nextChannel(plan, attempts); channel; channel = nextChannel(plan, attempts)) {
    const on: PushChannel = channel;
    let result: ChannelResult;
    try {
      result = await withRetries(deps, () => {
        sends++;
        return sendOn(deps, on, notification, recipient);
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      deps.logger.warn('notification send failed after retries', { messageId, channel, detail });
      result = { outcome: 'failed', detail };
    }
    if (result.msgId) wechatMsgId = result.msgId;
    attempts.push({ channel, outcome: result.outcome, detail: result.detail, at: deps.now() });
  }
  const status = deliveryStatus(attempts);
  const sent = attempts.find((attempt) => attempt.outcome === 'sent');
  await record(deps, messageId, claim.lease, { status, attempts, sentAt: sent?.at ?? null });
  return { messageId, status, attempts, sends, wechatMsgId, duplicate: false };
}

/** Records the outcome under the claim's lease. */
async function record(
  deps: NotifierDeps,
  messageId: string,
  lease: string,
  outcome: Parameters<MessageStore['settle']>[2],
): Promise<void> {
  // Refused only when another sender took the message over after this one's lease ran out.
  if (!(await deps.messages.settle(messageId, lease, outcome)))
    deps.logger.warn('message lease lost before its outcome was recorded', { messageId });
}

interface Recipient {
  openid: string | null;
  phone: string | null;
}

async function recipientOf(deps: NotifierDeps, customerId: string): Promise<Recipient> {
  const [users, customer] = await Promise.all([
    deps.users.findByCustomer(customerId),
    deps.customers.get(customerId),
  ]);
  return { openid: users.find((user) => user.openid)?.openid ?? null, phone: customer?.phone || null };
}

async function sendOn(
  deps: NotifierDeps,
  channel: PushChannel,
  notification: Notification,
  recipient: Recipient,
): Promise<ChannelResult> {
  if (channel === 'wechat') return sendWechat(deps, notification, recipient.openid);
  if (!recipient.phone) return { outcome: 'no_phone', detail: null };
  try {
    await deps.sms.send({ to: recipient.phone, ...notification.sms });
  } catch (error) {
    throw new TransientSendError(`短信发送失败：${error instanceof Error ? error.message : String(error)}`);
  }
  return { outcome: 'sent', detail: null };
}

async function sendWechat(
  deps: NotifierDeps,
  notification: Notification,
  openid: string | null,
): Promise<ChannelResult> {
  if (!openid) return { outcome: 'no_openid', detail: null };
  const { template, page, values } = notification.wechat;
  let data: Record<string, { value: string }>;
  try {
    data = subscribeMessageData(template, values);
  } catch (error) {
    if (!(error instanceof SubscribeFieldError)) throw error;
    deps.logger.error('subscribe message field values break the template: fix the data or the template', {
      sourceKey: notification.sourceKey,
      error,
    });
    return { outcome: 'refused', detail: error.message };
  }
  if (!(await deps.credits.spend(openid, template.templateId, deps.now())))
    return { outcome: 'no_consent', detail: null };
  let result: Awaited<ReturnType<SubscribeMessageSender['send']>>;
  try {
    result = await deps.wechat.send({ openid, templateId: template.templateId, page, data });
  } catch (error) {
    // The credit was not used (as far as we can tell): give it back before the retry spends one.
    await deps.credits.add(openid, template.templateId, 1, deps.now());
    throw new TransientSendError(
      `微信订阅消息发送失败：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (result.status === 'accepted') return { outcome: 'sent', detail: null, msgId: result.msgId };
  if (result.status === 'no_credit') {
    // Our ledger was wrong (WeChat's 43101): cleared, and the next channel is tried.
    await deps.credits.clear(openid, template.templateId, deps.now());
    return { outcome: 'no_consent', detail: '43101' };
  }
  if (result.errcode === BAD_FIELD_ERRCODE)
    deps.logger.error('WeChat refused subscribe message field data (47003): a template/type mismatch bug', {
      sourceKey: notification.sourceKey,
      templateId: template.templateId,
      errmsg: result.errmsg,
    });
  else
    deps.logger.warn('WeChat refused the subscribe message', {
      sourceKey: notification.sourceKey,
      errcode: result.errcode,
      errmsg: result.errmsg,
    });
  return { outcome: 'refused', detail: `${result.errcode} ${result.errmsg}`.trim() };
}

async function withRetries<T>(deps: NotifierDeps, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof TransientSendError) || attempt >= MAX_SEND_ATTEMPTS) throw error;
      await (deps.sleep ?? sleep)(FIRST_RETRY_MS * 2 ** (attempt - 1));
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
