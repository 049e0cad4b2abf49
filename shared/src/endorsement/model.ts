import type { PayoutOutcome, PayoutStatus } from '../payments/payout';
import type { DebitStatus } from '../payments/repayment-debit';
import type { CustomerRecord, PolicyRecord } from '../policy/model';
import type {
  CreateEndorsementRequest,
  EndorsementEventType,
  EndorsementFigures,
  EndorsementStatus,
  EndorsementType,
} from './application';
import type { LoanChannel } from './policy-loan';

/**
 * Endorsement applications as the use cases see them. The request (which may carry a new phone,
 * beneficiaries' ID numbers, a card number) is plaintext here and ciphertext at rest; everything
 * shown — change rows, figures, audit values — is stored already masked.
 */
export interface EndorsementParty {
  customerId: string;
  name: string;
}

export interface PreparedBy {
  userId: string;
  /** `staff`: processed at the counter on a video authorisation (`counterAct`). */
  role: 'customer' | 'agent' | 'staff';
  name: string;
  agentId: string | null;
}

export interface EndorsementRecord {
  /** EA + the Shanghai date + 6 characters, e.g. `EA20261125K7Q2M9`. */
  applicationId: string;
  type: EndorsementType;
  status: EndorsementStatus;
  policyNo: string;
  productName: string;
  holder: EndorsementParty;
  insured: EndorsementParty;
  /** The policy's branch: staff of this subtree review it. */
  branchPath: string;
  /** The policy version the customer saw and signed; submission requires it unchanged. */
  policyVersion: number;
  request: CreateEndorsementRequest;
  channel: LoanChannel;
  /** Masked before/after rows. */
  changes: { label: string; before: string; after: string }[];
  figures: EndorsementFigures;
  figureRows: { label: string; value: string }[];
  reviewReasons: string[];
  /** The application (申请书) the holder signs; the 批单 is issued from it when the change takes effect. */
  documentId: string;
  /** Set when the insured's consent is required (holder ≠ insured, an adult insured). */
  consentDocumentId: string | null;
  /** The insured's consent was seen (their document signed) and recorded in the audit trail. */
  insuredConsented: boolean;
  /** Contact change to a new phone: whether the SMS code to it was confirmed. */
  phoneConfirmed: boolean | null;
  preparedBy: PreparedBy;
  decision: {
    decision: 'approve' | 'reject';
    reason: string | null;
    byUserId: string;
    byName: string;
    at: number;
  } | null;
  /** A repayment's money step (types in COLLECTION_ENDORSEMENT_TYPES); null for the others. */
  payment: ApplicationPayment | null;
  /**
   * What the application pays the customer once effective (loans, dividend withdrawals,
   * surrenders with a refund): the current payout instruction and its status. Absent or null for
   * the others, and on applications that took effect before payouts were instructed.
   */
  payout?: ApplicationPayout | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  /** Optimistic concurrency of the application itself: every transition checks and bumps it. */
  version: number;
  /**
   * The policy and parties as the draft's rule saw them, at `policyVersion` (ciphertext at rest):
   * submission evaluates on it and lets its transaction's version condition stand for reading the
   * policy again. Dropped once submitted or final. Absent on applications drafted before it was
   * kept, and on contact changes (their effect replaces the holder, which is read fresh).
   */
  drafted?: DraftedTarget | null;
  /**
   * The audit trail as written so far, kept on the application by the same transactions that
   * write its events, so a view needs no Query. Absent on applications drafted before it was kept.
   */
  timeline?: EndorsementEventRecord[] | null;
  /** Whether the application holds its policy's open-application slot (drafts since the slot existed). */
  holdsOpenSlot?: boolean;
  /**
   * Prepared by the holder's trustee on an approved video authorisation: which one, and the
   * trustee's account and name. The holder stays the holder; absent or null for everyone else's.
   */
  trustee?: TrusteeAct | null;
  /**
   * Prepared and submitted by staff of the policy's branch subtree on the strength of an approved
   * video authorisation (柜面代办): which one, and the staff member's account and name. The holder
   * stays the holder; absent or null for everyone else's.
   */
  counterAct?: TrusteeAct | null;
}

/** The trustee (or the counter's staff) acting on an authorisation (docs/authorisations.md). */
export interface TrusteeAct {
  authorisationId: string;
  userId: string;
  name: string;
}

/** What the draft's rule read: the policy (at the application's `policyVersion`) and its parties. */
export interface DraftedTarget {
  policy: PolicyRecord;
  holder: CustomerRecord;
  insured: CustomerRecord;
}

/**
 * What the application knows of its collection: the amount due as quoted on a Shanghai date (the
 * interest accrues by day), the one open WeChat Pay order, and the payment that made it effective.
 */
export interface ApplicationPayment {
  amountCents: number;
  /** The Shanghai date the amount was computed for (YYYY-MM-DD). */
  quotedOn: string;
  openOrder: { outTradeNo: string; expiresAt: number } | null;
  /**
   * The payment that made it effective: a WeChat Pay order (`outTradeNo`, WeChat Pay's transaction
   * id) or a renewal-account debit (the debit instruction's `RD…` reference as `outTradeNo`, the
   * billing system's result id as `transactionId`).
   */
  paid: { outTradeNo: string; transactionId: string; amountCents: number; paidAt: number } | null;
  /** The renewal-account debit (续期账户扣款) requested instead of WeChat Pay: the latest one. */
  debit?: ApplicationDebit | null;
  /**
   * The policy's renewal account on file when the repayment began to wait, masked: the debit is
   * offered only when there is one. Absent on applications that waited before debits existed.
   */
  debitAccount?: { bankName: string; accountMasked: string } | null;
}

/** A repayment's debit instruction to the billing system, as the application keeps it. */
export interface ApplicationDebit {
  reference: string;
  amountCents: number;
  /** The Shanghai date the amount was quoted for. */
  quotedOn: string;
  bankName: string;
  accountMasked: string;
  /** 扣款中 → 扣款成功, or 扣款失败 (then WeChat Pay, or another debit). */
  status: DebitStatus;
  requestedAt: number;
  failure: { reason: string; at: number } | null;
}

/**
 * The application's payout: the current instruction to the finance system (a new one after the
 * customer gives another account), its status 待付款 → 已付款 / 付款失败, and the account masked.
 */
export interface ApplicationPayout {
  reference: string;
  amountCents: number;
  bankName: string;
  accountMasked: string;
  status: PayoutStatus;
  instructedAt: number;
  paidAt: number | null;
  failure: { outcome: Exclude<PayoutOutcome, 'paid'>; reason: string; at: number } | null;
  /** Instructions issued so far (1, then one more per account change). */
  issues: number;
}

export type EndorsementActorRole = 'customer' | 'agent' | 'staff' | 'system';

/** One append-only audit event: who (acting for whom), when, from where, on which evidence, what changed. */
export interface EndorsementEventRecord {
  applicationId: string;
  at: number;
  /** Orders events of one millisecond. */
  seq: string;
  type: EndorsementEventType;
  fromStatus: EndorsementStatus | null;
  toStatus: EndorsementStatus | null;
  actorUserId: string;
  actorRole: EndorsementActorRole;
  actorName: string;
  /** The customer an agent acted for. */
  onBehalfOf: EndorsementParty | null;
  sourceIp: string | null;
  userAgent: string | null;
  /** The identity verification record the step relied on. */
  verificationId: string | null;
  /** Masked values (JSON of the change rows) before and after. */
  before: string | null;
  after: string | null;
  detail: string | null;
}

/**
 * The endorsement outbox's event types: the change took effect (its 批单 and confirmation letter
 * follow); the moments the customer is told of (docs/notifications.md) — the review's decision,
 * the repayment's money received, its order closed unpaid; and the finance system's result of a
 * payout (`payout.paid` / `payout.failed`: amountCents is the payout's, the failure's reason is
 * on the event, the application's payout and its timeline). Written in the same transaction as
 * the change: an outbox.
 */
export const DOMAIN_EVENT_TYPES = [
  'endorsement.effective',
  'endorsement.approved',
  'endorsement.rejected',
  'payment.received',
  'payment.expired',
  'debit.requested',
  'debit.failed',
  'payout.paid',
  'payout.failed',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export interface DomainEventRecord {
  eventId: string;
  type: DomainEventType;
  at: number;
  applicationId: string;
  policyNo: string;
  endorsementType: EndorsementType;
  holderId: string;
  /** Amounts paid or lent by the change (cents), when there are any. */
  amountCents: number | null;
  /** Why: the reviewer's reason of a rejection, the bank's of a failed payout; null otherwise. */
  reason: string | null;
}

/** What a customer reads when an application or its policy changed under them. */
export const APPLICATION_CHANGED_MESSAGE = '申请状态已变化，请刷新后查看';
export const POLICY_CHANGED_MESSAGE = '保单信息已变更，请刷新后重试';
/** A financial submission whose Idempotency-Key is being committed by another request right now. */
export const SUBMISSION_IN_PROGRESS_MESSAGE = '该请求正在处理中，请稍后刷新查看结果';
export const DOCUMENT_SIGNED_MEANWHILE_MESSAGE = '申请书刚刚已签署，请刷新后再操作';
