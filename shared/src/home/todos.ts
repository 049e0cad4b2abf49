import type { HandoffMode, HandoffStatus } from '../assistant/handoff';
import type { BookingStatus } from '../callback/schemas';
import type { DocumentKind, DocumentStatus } from '../documents/model';
import { daysBetween } from '../format/dates';
import { formatYuan } from '../format/money';
import { APPLICATION_RESULT_KINDS, type NotificationKind } from '../notifications/model';
import { BENEFIT_KIND_LABELS, type BenefitPolicyFacts, nextScheduledBenefit } from '../policy/benefits';
import { accruedLoanInterestCents } from '../policy/loan-interest';
import type { LoanRecord } from '../policy/model';
import type { POLICY_STATUSES } from '../policy/schemas';
import { coolingOffEndDate, isInCoolingOff } from '../policy/view';
import type { BenefitSchedule } from '../product/benefit-schedule';

/**
 * The customer's to-dos (待办), pure: each rule takes the facts one context's query returned and
 * says whether a to-do exists — exactly while its condition holds — and how it reads. The home
 * only composes the contexts' queries and these rules; nothing here reads storage.
 * Dates are `YYYY-MM-DD` in Asia/Shanghai; `today` is passed in.
 */

type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const TODO_KINDS = [
  'handoff',
  'sign',
  'callback',
  'loan',
  'premium',
  'benefit',
  'id_document',
  'result',
  'letters',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** Where one tap leads: the mini program maps each to its page. */
export type TodoTarget =
  | { page: 'document'; documentId: string }
  | { page: 'callback'; policyNo: string }
  | { page: 'policy'; policyNo: string }
  | { page: 'letters' }
  | { page: 'handoff'; handoffId: string }
  | { page: 'loan_repayment'; policyNo: string }
  | { page: 'id_card' }
  | { page: 'application'; applicationId: string };

export interface Todo {
  /** Stable while the to-do exists: its kind and subject. */
  id: string;
  kind: TodoKind;
  title: string;
  detail: string;
  /** The last day to act (cooling-off end, premium due date); null when none. */
  dueDate: string | null;
  /** Whole days from today to `dueDate` (0 = today, negative once past); null without a due date. */
  daysLeft: number | null;
  target: TodoTarget;
}

/** A premium due this many days ahead or fewer is a to-do. */
export const PREMIUM_DUE_WITHIN_DAYS = 30;
/** A survival or maturity benefit paid this many days ahead or fewer is a to-do. */
export const BENEFIT_DUE_WITHIN_DAYS = 30;
/** A policy loan whose term ends this many days ahead or fewer (or has ended) is a to-do. */
export const LOAN_DUE_WITHIN_DAYS = 30;
/** An ID card that expires this many days ahead or fewer (or has expired) is a to-do. */
export const ID_DOCUMENT_EXPIRES_WITHIN_DAYS = 60;

// ── documents: an application or consent awaiting this customer's signature ──

export interface SignatureFact {
  documentId: string;
  kind?: DocumentKind;
  status: DocumentStatus;
  /** Who signs: the holder's application, or the insured's consent to the holder's change. */
  signerRole?: 'holder' | 'insured';
  changeType: string;
  policyNo: string;
  productName: string;
}

export function signatureTodo(document: SignatureFact): Todo | null {
  if (document.status !== 'awaiting_signature') return null;
  const consent = document.signerRole === 'insured';
  const what = consent ? '被保险人同意书' : document.kind === 'application' ? '申请书' : '批单';
  return {
    id: `sign:${document.documentId}`,
    kind: 'sign',
    title: `待签署：${document.changeType}${what}`,
    detail: consent
      ? `${document.productName}（${document.policyNo}）的变更需要您作为被保险人签字同意`
      : `${document.productName}（${document.policyNo}），签署后申请方可提交办理`,
    dueDate: null,
    daysLeft: null,
    target: { page: 'document', documentId: document.documentId },
  };
}

// ── callback: a new policy in its cooling-off period with no callback booked ──

export interface CallbackFact {
  policyNo: string;
  productName: string;
  status: PolicyStatus;
  receiptDate: string;
  coolingOffDays: number;
  /** The callback is the policyholder's: only they have this to-do. */
  isHolder: boolean;
  /** The policy's callback booking, if any. */
  booking: BookingStatus | null;
}

/** A booking that no longer covers the callback: the customer must book again. */
const ENDED_BOOKINGS: readonly BookingStatus[] = ['cancelled', 'unreachable'];

export function callbackTodo(fact: CallbackFact, today: string): Todo | null {
  if (!fact.isHolder || !isInCoolingOff(fact, fact.coolingOffDays, today)) return null;
  if (fact.booking !== null && !ENDED_BOOKINGS.includes(fact.booking)) return null;
  const endDate = coolingOffEndDate(fact.receiptDate, fact.coolingOffDays);
  const daysLeft = daysBetween(today, endDate);
  return {
    id: `callback:${fact.policyNo}`,
    kind: 'callback',
    title: fact.booking === 'unreachable' ? '回访未接通，请重新预约' : '请预约新单回访',
    detail: `${fact.productName}（${fact.policyNo}）犹豫期${daysLeft === 0 ? '今天结束' : `还剩 ${daysLeft} 天`}，请在犹豫期内完成回访`,
    dueDate: endDate,
    daysLeft,
    target: { page: 'callback', policyNo: fact.policyNo },
  };
}

// ── policies: a renewal premium due within 30 days ──

export interface PremiumFact {
  policyNo: string;
  productName: string;
  status: PolicyStatus;
  isHolder: boolean;
  nextDueDate: string | null;
  premiumCents: number;
  /** The renewal account, number masked; null when the premium is not debited. */
  account: { bankName: string; accountNumberMasked: string } | null;
}

export function premiumTodo(fact: PremiumFact, today: string): Todo | null {
  if (!fact.isHolder || fact.status !== 'in_force' || fact.nextDueDate === null) return null;
  const daysLeft = daysBetween(today, fact.nextDueDate);
  if (daysLeft < 0 || daysLeft > PREMIUM_DUE_WITHIN_DAYS) return null;
  const how = fact.account
    ? `将从${fact.account.bankName}（${fact.account.accountNumberMasked}）扣款，请保持余额充足`
    : '请按时缴费';
  return {
    id: `premium:${fact.policyNo}:${fact.nextDueDate}`,
    kind: 'premium',
    title: `续期保费 ${formatYuan(fact.premiumCents)}，${daysLeft === 0 ? '今天到期' : `${daysLeft} 天后到期`}`,
    detail: `${fact.productName}（${fact.policyNo}）应缴日 ${fact.nextDueDate}，${how}`,
    dueDate: fact.nextDueDate,
    daysLeft,
    target: { page: 'policy', policyNo: fact.policyNo },
  };
}

// ── policies: a policy loan nearing (or past) its term ──

export interface LoanFact {
  policyNo: string;
  productName: string;
  status: PolicyStatus;
  /** Only the policyholder repays. */
  isHolder: boolean;
  loan: LoanRecord | null;
}

export function loanTodo(fact: LoanFact, today: string): Todo | null {
  if (!fact.isHolder || fact.status !== 'in_force' || fact.loan === null) return null;
  const daysLeft = daysBetween(today, fact.loan.dueDate);
  if (daysLeft > LOAN_DUE_WITHIN_DAYS) return null;
  const owedCents = fact.loan.principalCents + accruedLoanInterestCents(fact.loan, today);
  return {
    id: `loan:${fact.policyNo}:${fact.loan.dueDate}`,
    kind: 'loan',
    title:
      daysLeft < 0
        ? `保单贷款已于 ${fact.loan.dueDate} 到期，请尽快还款`
        : `保单贷款${daysLeft === 0 ? '今天到期' : `${daysLeft} 天后到期`}`,
    detail: `${fact.productName}（${fact.policyNo}）截至今日本息合计 ${formatYuan(owedCents)}，可在线还款`,
    dueDate: fact.loan.dueDate,
    daysLeft,
    target: { page: 'loan_repayment', policyNo: fact.policyNo },
  };
}

// ── policies: a survival or maturity benefit (生存金 / 满期金) paid within 30 days ──

export interface BenefitFact extends BenefitPolicyFacts {
  policyNo: string;
  productName: string;
  /** The policyholder manages the policy's account: only they have this to-do. */
  isHolder: boolean;
  /** The product's benefit schedule; null when it pays no scheduled benefit. */
  schedule: BenefitSchedule | null;
  /** The policy's renewal account (where benefits are paid), number masked; null when none. */
  account: { bankName: string; accountNumberMasked: string } | null;
}

export function benefitTodo(fact: BenefitFact, today: string): Todo | null {
  if (!fact.isHolder) return null;
  const benefit = nextScheduledBenefit(fact.schedule, fact, today);
  if (benefit === null) return null;
  const daysLeft = daysBetween(today, benefit.date);
  if (daysLeft > BENEFIT_DUE_WITHIN_DAYS) return null;
  const label = BENEFIT_KIND_LABELS[benefit.kind];
  const where = fact.account
    ? `将给付至${fact.account.bankName}（${fact.account.accountNumberMasked}）`
    : '请确认收款账户';
  return {
    id: `benefit:${fact.policyNo}:${benefit.date}`,
    kind: 'benefit',
    title: `${label} ${formatYuan(benefit.amountCents)}，${daysLeft === 0 ? '今天给付' : `${daysLeft} 天后给付`}`,
    detail: `${fact.productName}（${fact.policyNo}）给付日 ${benefit.date}，${where}`,
    dueDate: benefit.date,
    daysLeft,
    target: { page: 'policy', policyNo: fact.policyNo },
  };
}

// ── identity: the ID card read last expires soon ──

export interface IdDocumentFact {
  /** The validity end of the ID card of the customer's latest passed check: a date, or 长期 (no end). */
  validUntil: string;
}

export function idDocumentTodo(fact: IdDocumentFact | null, today: string): Todo | null {
  if (fact === null || !/^\d{4}-\d{2}-\d{2}$/.test(fact.validUntil)) return null;
  const daysLeft = daysBetween(today, fact.validUntil);
  if (daysLeft > ID_DOCUMENT_EXPIRES_WITHIN_DAYS) return null;
  return {
    id: `id_document:${fact.validUntil}`,
    kind: 'id_document',
    title: daysLeft < 0 ? '您的身份证件已过期' : '您的身份证件即将到期',
    detail: `证件有效期至 ${fact.validUntil}，换领新证后请拍摄新证件更新，以免影响保全、贷款等业务办理`,
    dueDate: fact.validUntil,
    daysLeft,
    target: { page: 'id_card' },
  };
}

// ── letters: unread letters ──

export interface LettersFact {
  unread: number;
  /** The newest unread letter's title. */
  newestUnreadTitle: string | null;
}

export function lettersTodo(fact: LettersFact): Todo | null {
  if (fact.unread <= 0) return null;
  return {
    id: 'letters',
    kind: 'letters',
    title: `${fact.unread} 封未读信函`,
    detail: fact.newestUnreadTitle ? `最新：${fact.newestUnreadTitle}` : '请查看我的信函',
    dueDate: null,
    daysLeft: null,
    target: { page: 'letters' },
  };
}

// ── notifications: an application's result not yet seen ──

/** A message of the customer's message centre about one of their applications. */
export interface ResultFact {
  messageId: string;
  kind: NotificationKind;
  applicationId: string;
  title: string;
  read: boolean;
  /** When it was sent (epoch ms): the newest unread result of an application is the one shown. */
  at: number;
}

/**
 * A decided application (approved, rejected, effective) or a payout's result whose message is
 * unread: one to-do per application, the newest unread result, until the message is read or the
 * application page is opened (which reads that application's messages).
 */
export function resultTodos(facts: readonly ResultFact[]): Todo[] {
  const newest = new Map<string, ResultFact>();
  for (const fact of facts) {
    if (fact.read || !APPLICATION_RESULT_KINDS.includes(fact.kind)) continue;
    const seen = newest.get(fact.applicationId);
    if (!seen || fact.at > seen.at) newest.set(fact.applicationId, fact);
  }
  return [...newest.values()].map((fact) => ({
    id: `result:${fact.applicationId}`,
    kind: 'result',
    title: `申请结果：${fact.title}`,
    detail: '您的申请有了新结果，点此查看详情',
    dueDate: null,
    daysLeft: null,
    target: { page: 'application', applicationId: fact.applicationId },
  }));
}

// ── assistant: an open conversation with a person ──

export interface HandoffFact {
  handoffId: string;
  status: HandoffStatus;
  mode: HandoffMode;
  claimedByName: string | null;
}

export function handoffTodo(fact: HandoffFact | null): Todo | null {
  if (!fact || fact.status === 'closed') return null;
  const detail =
    fact.status === 'claimed'
      ? `${fact.claimedByName ?? '客服'}正在为您服务，点此继续对话`
      : fact.mode === 'message'
        ? '您的留言已收到，客服上班后回复'
        : '正在为您接入人工客服，点此查看';
  return {
    id: `handoff:${fact.handoffId}`,
    kind: 'handoff',
    title: '人工客服对话进行中',
    detail,
    dueDate: null,
    daysLeft: null,
    target: { page: 'handoff', handoffId: fact.handoffId },
  };
}

// ── composition ──

export interface CustomerFacts {
  documents: readonly SignatureFact[];
  callbacks: readonly CallbackFact[];
  premiums: readonly PremiumFact[];
  loans: readonly LoanFact[];
  /** The customer's policies with their products' benefit schedules (absent: none). */
  benefits?: readonly BenefitFact[];
  idDocument: IdDocumentFact | null;
  letters: LettersFact;
  handoff: HandoffFact | null;
  /** The customer's unread messages about their applications (absent: none). */
  results?: readonly ResultFact[];
}

/**
 * How soon a to-do must be done: a conversation with a person and a signature block someone now
 * (today); a callback, loan, premium, benefit or ID card by its day (one already past comes first); an
 * unseen result and unread letters whenever. Ties go by kind.
 */
function urgency(todo: Todo, today: string): [string, number] {
  const day = todo.dueDate ?? (todo.kind === 'handoff' || todo.kind === 'sign' ? today : '9999-12-31');
  return [day, TODO_KINDS.indexOf(todo.kind)];
}

export function orderTodos(todos: readonly Todo[], today: string): Todo[] {
  return [...todos].sort((a, b) => {
    const [dayA, rankA] = urgency(a, today);
    const [dayB, rankB] = urgency(b, today);
    return dayA === dayB ? rankA - rankB || a.id.localeCompare(b.id) : dayA < dayB ? -1 : 1;
  });
}

/** Every to-do the facts imply, most urgent first; empty when there is nothing to do. */
export function customerTodos(facts: CustomerFacts, today: string): Todo[] {
  const todos = [
    handoffTodo(facts.handoff),
    ...facts.documents.map(signatureTodo),
    ...facts.callbacks.map((fact) => callbackTodo(fact, today)),
    ...facts.premiums.map((fact) => premiumTodo(fact, today)),
    ...facts.loans.map((fact) => loanTodo(fact, today)),
    ...(facts.benefits ?? []).map((fact) => benefitTodo(fact, today)),
    idDocumentTodo(facts.idDocument, today),
    ...resultTodos(facts.results ?? []),
    lettersTodo(facts.letters),
  ].filter((todo): todo is Todo => todo !== null);
  return orderTodos(todos, today);
}
