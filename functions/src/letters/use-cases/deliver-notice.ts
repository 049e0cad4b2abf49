import type { NoticeChannel } from '@zhixiang/shared/letters/model';
import { subscribeTemplates } from '@zhixiang/shared/notices/subscribe-message';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type {
  FunnelRef,
  FunnelStage,
  NoticeKey,
  NoticeOutcome,
  NoticeStore,
  SubscribeCreditLedger,
} from '@zhixiang/shared/ports/notices';
import type { NotifyResult } from '@zhixiang/shared/ports/notifications';
import { type NotifierDeps, notify } from '../../notifications/use-cases/notify';
import type { LetterLinks } from '../adapters/letter-links';

/** How long a sent WeChat message's id is kept to match its delivery event. */
const MESSAGE_REF_DAYS = 7;

export type NoticeDeliveryDeps = Omit<NotifierDeps, 'preferences' | 'credits'> & {
  credits: NotifierDeps['credits'] & Pick<SubscribeCreditLedger, 'rememberMessage'>;
  notices: Pick<NoticeStore, 'countFunnel' | 'listPreferences'>;
  letters: Pick<LetterStore, 'attachFunnelRef'>;
  links: Pick<LetterLinks, 'url'>;
};

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

/**
 * Sends one notice (leased from the notice outbox) through the notifier, which records it in the
 * customer's message centre and sends it on the first channel of the customer's list that
 * reaches them (WeChat needs a bound openid and a subscribe credit; SMS carries the letter's
 * signed link; email has no provider yet and is skipped). A sent WeChat message's id is kept to
 * match its delivery event. After the notifier's retries a provider failure is the outcome
 * `failed` with the reason (the notice outbox retries the notice later; the notifier takes its
 * message over then). A final outcome is counted in the funnel once; recording the notice's state
 * is the outbox's (`notice-outbox.ts`).
 */
export async function deliverNotice(
  deps: NoticeDeliveryDeps,
  notice: NoticeToDeliver,
): Promise<NoticeOutcome> {
  const template = subscribeTemplates[notice.key.noticeType];
  const result = await notify(
    { ...deps, preferences: deps.notices },
    {
      sourceKey: `notice:${notice.key.noticeType}:${notice.key.policyNo}:${notice.key.dueDate}`,
      customerId: notice.customerId,
      policyNo: notice.key.policyNo,
      kind: 'renewal_notice',
      title: notice.letter.title,
      text: `${notice.values.productName ?? ''}（保单 ${notice.key.policyNo}）：${notice.values.hint ?? notice.letter.title}`,
      subject: { kind: 'letter', letterId: notice.letter.letterId },
      wechat: { template, page: template.page, values: notice.values },
      sms: {
        template: 'letter_link',
        code: notice.letter.title,
        link: await deps.links.url(notice.letter.letterId),
      },
    },
    { channels: notice.channels },
  );
  const branchPath = (await deps.customers.get(notice.customerId))?.branchPath;
  const outcome = noticeOutcome(result, notice.letter.letterId, deps.now());
  if (result.wechatMsgId && outcome.channel === 'wechat')
    await deps.credits.rememberMessage(
      result.wechatMsgId,
      {
        ref: funnelRef({ key: notice.key, day: notice.day, branchPath }, 'wechat'),
        letterId: notice.letter.letterId,
      },
      deps.now() + MESSAGE_REF_DAYS * 86_400_000,
    );
  // A failed send is the notice outbox's to retry: it counts in the funnel only once given up.
  if (outcome.status !== 'failed' && !result.duplicate)
    await countNoticeFunnel(deps, notice.key, notice.day, outcome, {
      customerId: notice.customerId,
      branchPath,
    });
  return outcome;
}

/** The notice's outcome from the notifier's result. */
function noticeOutcome(result: NotifyResult, letterId: string, at: number): NoticeOutcome {
  const sent = result.attempts.find((attempt) => attempt.outcome === 'sent');
  const last = result.attempts.at(-1);
  const base = { attempts: result.sends, letterId, at };
  switch (result.status) {
    case 'sent':
      return { ...base, status: 'sent', channel: sent?.channel ?? null, failureReason: null };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        channel: last?.channel ?? null,
        failureReason: last?.detail ?? '发送失败',
      };
    case 'unknown':
      return {
        ...base,
        status: 'unreachable',
        channel: null,
        failureReason: '发送中断，结果未知，未重复发送',
      };
    case 'in_app':
      return {
        ...base,
        status: 'unreachable',
        channel: null,
        failureReason: result.attempts.some((attempt) => attempt.outcome === 'refused')
          ? '所选渠道均未能送达'
          : '客户未开通可用的通知渠道',
      };
  }
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
