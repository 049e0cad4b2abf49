import type { LetterType } from '@zhixiang/shared/letters/model';
import type { NoticeType } from '@zhixiang/shared/notices/due-notices';
import type { NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { NoticeKey, NoticeOutcome } from '@zhixiang/shared/ports/notices';
import type { ProductRepository } from '@zhixiang/shared/ports/repositories';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { deliverNotice, type NoticeDeliveryDeps } from './deliver-notice';
import { type IssueLetterDeps, issueLetter } from './issue-letter';

export type NotifyPremiumDeps = NoticeDeliveryDeps & {
  letterDeps: IssueLetterDeps;
  products: Pick<ProductRepository, 'get'>;
};

const LETTER_OF: Record<NoticeType, LetterType> = {
  pre_debit: 'pre_debit_notice',
  debit_success: 'debit_success_notice',
  debit_failure: 'debit_failure_notice',
};

const HINT: Record<NoticeType, string> = {
  pre_debit: '请在扣款日前确保账户余额充足',
  debit_success: '续期保费已扣缴成功',
  debit_failure: '扣款未成功，请在宽限期内缴费',
};

interface PremiumNotice {
  key: NoticeKey;
  policy: PolicyRecord;
  amountCents: number;
  preference: NoticePreferenceRecord;
  day: string;
  nextDueDate?: string | null;
  failureReason?: string;
  /** The letter's issue time: the notice's, so every attempt finds the same letter. */
  issuedAt?: number;
}

/**
 * The letter of a renewal notice (PDF in 我的信函, also what the message links to), issued once per
 * key. `policy` is read by the caller (it holds the renewal account; shown masked only).
 */
export async function issuePremiumLetter(
  deps: NotifyPremiumDeps,
  notice: Omit<PremiumNotice, 'preference' | 'day'>,
) {
  const { policy, key } = notice;
  const [holder, product] = await Promise.all([
    deps.customers.get(policy.holderId),
    deps.products.get(policy.productCode),
  ]);
  const productName = product?.name ?? policy.productCode;
  const { letter } = await issueLetter(deps.letterDeps, {
    customerId: policy.holderId,
    policyNo: policy.policyNo,
    letterType: LETTER_OF[key.noticeType],
    sourceKey: `${key.noticeType}:${key.policyNo}:${key.dueDate}`,
    ...(notice.issuedAt === undefined ? {} : { issuedAt: notice.issuedAt }),
    facts: {
      holderName: holder?.name ?? '客户',
      policyNo: policy.policyNo,
      productName,
      amountCents: notice.amountCents,
      dueDate: key.dueDate,
      nextDueDate: notice.nextDueDate ?? null,
      ...(policy.renewalAccount
        ? {
            bankName: policy.renewalAccount.bankName,
            accountMasked: maskBankAccount(policy.renewalAccount.accountNumber),
          }
        : {}),
      ...(notice.failureReason ? { failureReason: notice.failureReason } : {}),
    },
  });
  return { letter, productName };
}

/** One renewal notice leased from the outbox: its letter, then the message on the customer's channels in order. */
export async function notifyPremium(deps: NotifyPremiumDeps, notice: PremiumNotice): Promise<NoticeOutcome> {
  const { letter, productName } = await issuePremiumLetter(deps, notice);
  return deliverNotice(deps, {
    key: notice.key,
    customerId: notice.policy.holderId,
    channels: notice.preference.channels,
    letter: { letterId: letter.letterId, title: letter.title },
    values: {
      productName,
      amount: String(notice.amountCents),
      dueDate: notice.key.dueDate,
      policyNo: notice.policy.policyNo,
      hint: HINT[notice.key.noticeType],
    },
    day: notice.day,
  });
}
