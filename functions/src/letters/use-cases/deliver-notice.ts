import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticeChannel } from '@zhixiang/shared/letters/model';
import {
  SubscribeFieldError,
  subscribeMessageData,
  subscribeTemplates,
} from '@zhixiang/shared/notices/subscribe-message';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type {
  FunnelRef,
  FunnelStage,
  NoticeKey,
  NoticeOutcome,
  NoticeStore,
  SubscribeCreditLedger,
  SubscribeMessageSender,
} from '@zhixiang/shared/ports/notices';
import { BAD_FIELD_ERRCODE } from '@zhixiang/shared/ports/notices';
import type { CustomerRepository, UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { LetterLinks } from '../adapters/letter-links';

/** Transient failures (network, provider 5xx) are retried this many times in all, with doubling waits. */
export const MAX_SEND_ATTEMPTS = 3;
export const FIRST_RETRY_MS = 200;
/** How long a sent WeChat message's id is kept to match its delivery event. */
const MESSAGE_REF_DAYS = 7;

export interface NoticeDeliveryDeps {
  customers: Pick<CustomerRepository, 'get'>;
  users: Pick<UserAccountRepository, 'findByCustomer'>;
  credits: Pick<SubscribeCreditLedger, 'add' | 'spend' | 'clear' | 'rememberMessage'>;
  wechat: SubscribeMessageSender;
  sms: SmsSender;
  notices: Pick<NoticeStore, 'countFunnel'>;
  letters: Pick<LetterStore, 'attachFunnelRef'>;
  links: Pick<LetterLinks, 'url'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface NoticeToDeliver {
  key: NoticeKey;
  customerId: string;
  /** The customer's channels in order of preference. */
  channels: readonly NoticeChannel[];
  letter: { letterId: string; title: string };
  /** Template values: productName, amount (cents), dueDate, policyNo, hint. */
  values: Record<string, string>;
  /** The funnel day: when the notice became due (Shanghai). */
  day: string;
}

/** The notice with its customer's branch path: the funnel counts per branch (staff see their subtree). */
interface BranchedNotice extends NoticeToDeliver {
  branchPath: string | undefined;
}

class TransientSendError extends Error {}

type ChannelResult = { sent: true } | { sent: false; reachable: boolean };

/**
 * Sends one notice (leased from the notice outbox) on the first channel of the customer's list that reaches them:
 * WeChat needs a bound openid and a subscribe credit (spent before sending; WeChat's 43101 says
 * our ledger was wrong, so it is cleared and the next channel tried; 47003 is our bug and logged
 * as an error); SMS carries the letter's signed link; email has no provider yet and is skipped.
 * Transient failures are retried with backoff; after the last retry the outcome is failed with the
 * reason (the outbox retries the notice later). A final outcome is counted in the funnel once;
 * recording the notice's state is the outbox's (`notice-outbox.ts`).
 */
export async function deliverNotice(
  deps: NoticeDeliveryDeps,
  toDeliver: NoticeToDeliver,
): Promise<NoticeOutcome> {
  const notice: BranchedNotice = {
    ...toDeliver,
    branchPath: (await deps.customers.get(toDeliver.customerId))?.branchPath,
  };
  let attempts = 0;
  let failureReason: string | null = null;
  let reachedAny = false;
  for (const channel of notice.channels) {
    try {
      const result = await withRetries(deps, () => {
        attempts++;
        return sendOn(deps, channel, notice);
      });
      if (result.sent)
        return finish(deps, notice, { status: 'sent', channel, attempts, failureReason: null });
      reachedAny ||= result.reachable;
    } catch (error) {
      failureReason = error instanceof Error ? error.message : String(error);
      deps.logger.warn('notice send failed after retries', { ...notice.key, channel, failureReason });
      return finish(deps, notice, { status: 'failed', channel, attempts, failureReason });
    }
  }
  return finish(deps, notice, {
    status: 'unreachable',
    channel: null,
    attempts,
    failureReason: reachedAny ? '所选渠道均未能送达' : '客户未开通可用的通知渠道',
  });
}

async function sendOn(
  deps: NoticeDeliveryDeps,
  channel: NoticeChannel,
  notice: BranchedNotice,
): Promise<ChannelResult> {
  const ref = funnelRef(notice, channel);
  switch (channel) {
    case 'wechat':
      return sendWechat(deps, notice, ref);
    case 'sms': {
      const customer = await deps.customers.get(notice.customerId);
      if (!customer?.phone) return { sent: false, reachable: false };
      const link = await deps.links.url(notice.letter.letterId);
      try {
        await deps.sms.send({ to: customer.phone, template: 'letter_link', code: notice.letter.title, link });
      } catch (error) {
        throw new TransientSendError(
          `短信发送失败：${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return { sent: true };
    }
    case 'email':
      // No email provider is connected yet: the next channel is tried.
      deps.logger.info('notice channel email has no provider; trying the next channel', { ...notice.key });
      return { sent: false, reachable: false };
  }
}

async function sendWechat(
  deps: NoticeDeliveryDeps,
  notice: NoticeToDeliver,
  ref: FunnelRef,
): Promise<ChannelResult> {
  const openid = (await deps.users.findByCustomer(notice.customerId)).find((user) => user.openid)?.openid;
  if (!openid) return { sent: false, reachable: false };
  const template = subscribeTemplates[notice.key.noticeType];
  let data: Record<string, { value: string }>;
  try {
    data = subscribeMessageData(template, notice.values);
  } catch (error) {
    if (!(error instanceof SubscribeFieldError)) throw error;
    deps.logger.error('subscribe message field values break the template: fix the data or the template', {
      ...notice.key,
      error,
    });
    return { sent: false, reachable: false };
  }
  if (!(await deps.credits.spend(openid, template.templateId, deps.now())))
    return { sent: false, reachable: false };
  let result: Awaited<ReturnType<SubscribeMessageSender['send']>>;
  try {
    result = await deps.wechat.send({ openid, templateId: template.templateId, page: template.page, data });
  } catch (error) {
    // The credit was not used (as far as we can tell): give it back before the retry spends one.
    await deps.credits.add(openid, template.templateId, 1, deps.now());
    throw new TransientSendError(
      `微信订阅消息发送失败：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (result.status === 'accepted') {
    await deps.credits.rememberMessage(
      result.msgId,
      { ref, letterId: notice.letter.letterId },
      deps.now() + MESSAGE_REF_DAYS * 86_400_000,
    );
    return { sent: true };
  }
  if (result.status === 'no_credit') {
    await deps.credits.clear(openid, template.templateId, deps.now());
    return { sent: false, reachable: false };
  }
  if (result.errcode === BAD_FIELD_ERRCODE) {
    deps.logger.error('WeChat refused subscribe message field data (47003): a template/type mismatch bug', {
      ...notice.key,
      templateId: template.templateId,
      errmsg: result.errmsg,
    });
  } else {
    deps.logger.warn('WeChat refused the subscribe message', {
      ...notice.key,
      errcode: result.errcode,
      errmsg: result.errmsg,
    });
  }
  return { sent: false, reachable: true };
}

async function withRetries<T>(deps: NoticeDeliveryDeps, send: () => Promise<T>): Promise<T> {
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

async function finish(
  deps: NoticeDeliveryDeps,
  notice: BranchedNotice,
  result: Omit<NoticeOutcome, 'letterId' | 'at'>,
): Promise<NoticeOutcome> {
  const outcome: NoticeOutcome = { ...result, letterId: notice.letter.letterId, at: deps.now() };
  // A failed send is the notice outbox's to retry: it counts in the funnel only once given up.
  if (outcome.status !== 'failed') await countNoticeFunnel(deps, notice.key, notice.day, outcome, notice);
  return outcome;
}

/**
 * Counts a notice's final outcome in the funnel of its day, type, channel and the customer's branch
 * (once per notice; staff read their subtree's rows), and ties a sent notice's letter to that row
 * (its link's first open counts "opened"). The branch is read when the caller does not know it.
 */
export async function countNoticeFunnel(
  deps: Pick<NoticeDeliveryDeps, 'notices' | 'letters' | 'customers'>,
  key: NoticeKey,
  day: string,
  outcome: Pick<NoticeOutcome, 'status' | 'channel' | 'letterId'>,
  customer: { customerId: string; branchPath?: string | undefined },
): Promise<void> {
  const branchPath =
    'branchPath' in customer
      ? customer.branchPath
      : (await deps.customers.get(customer.customerId))?.branchPath;
  const ref = funnelRef({ key, day, branchPath }, outcome.channel ?? 'none');
  const stages: FunnelStage[] =
    outcome.status === 'sent'
      ? ['eligible', 'reachable', 'accepted']
      : outcome.status === 'failed'
        ? outcome.channel
          ? ['eligible', 'reachable', 'failed']
          : ['eligible', 'failed']
        : ['eligible'];
  await deps.notices.countFunnel(ref, stages);
  if (outcome.status === 'sent' && outcome.letterId)
    await deps.letters.attachFunnelRef(outcome.letterId, ref);
}

function funnelRef(
  notice: { key: NoticeKey; day: string; branchPath: string | undefined },
  channel: FunnelRef['channel'],
): FunnelRef {
  return {
    day: notice.day,
    noticeType: notice.key.noticeType,
    channel,
    ...(notice.branchPath ? { branchPath: notice.branchPath } : {}),
  };
}
