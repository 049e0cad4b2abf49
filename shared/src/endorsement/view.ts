import { PAYOUT_STATUS_LABELS } from '../payments/payout';
import { DEBIT_STATUS_LABELS } from '../payments/repayment-debit';
import {
  ENDORSEMENT_EVENT_LABELS,
  ENDORSEMENT_STATUS_LABELS,
  ENDORSEMENT_TYPE_LABELS,
  type EndorsementApplication,
  type EndorsementSummary,
  IDEMPOTENT_ENDORSEMENT_TYPES,
  type NextStep,
  type TimelineEvent,
} from './application';
import type { ApplicationDebit, EndorsementEventRecord, EndorsementRecord } from './model';
import { CANCELLABLE_STATUSES } from './state-machine';

/** Record → response mapping of endorsement applications. Everything stored is already masked. */

export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  verify_identity: '请投保人完成身份验证',
  sign: '请投保人签署申请书',
  insured_consent: '请被保险人验证身份并签署同意书',
  confirm_phone: '请输入新手机号收到的短信验证码并提交',
  submit: '请提交申请',
  await_review: '等待保全审核',
  pay: '请支付还款金额',
  none: '',
};

/** Evidence the engine has seen for an application (documents signed, identity verified). */
export interface EndorsementEvidence {
  identityVerified: boolean;
  documentSigned: boolean;
  consentSigned: boolean;
}

/** Derived from the stored status and evidence: the one thing the customer should do next. */
export function nextStepOf(record: EndorsementRecord, evidence: EndorsementEvidence): NextStep {
  switch (record.status) {
    case 'draft':
      return evidence.identityVerified ? 'sign' : 'verify_identity';
    case 'identity_verified':
      return 'sign';
    case 'signed':
      if (record.consentDocumentId && !evidence.consentSigned) return 'insured_consent';
      if (record.phoneConfirmed === false) return 'confirm_phone';
      return 'submit';
    case 'submitted':
      return 'await_review';
    case 'awaiting_payment':
      return 'pay';
    default:
      return 'none';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toEndorsementSummary(
  record: EndorsementRecord,
  evidence: EndorsementEvidence = storedEvidence(record),
): EndorsementSummary {
  const nextStep = nextStepOf(record, evidence);
  return {
    applicationId: record.applicationId,
    type: record.type,
    typeLabel: ENDORSEMENT_TYPE_LABELS[record.type],
    status: record.status,
    statusLabel: ENDORSEMENT_STATUS_LABELS[record.status],
    policyNo: record.policyNo,
    productName: record.productName,
    holderName: record.holder.name,
    preparedBy: { role: record.preparedBy.role, name: record.preparedBy.name },
    nextStep,
    nextStepLabel: NEXT_STEP_LABELS[nextStep],
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}

/** What the stored status alone says (lists do not look at the documents). */
export function storedEvidence(record: EndorsementRecord): EndorsementEvidence {
  const past = (s: EndorsementRecord['status']) => !['draft', 'cancelled'].includes(s);
  return {
    identityVerified: past(record.status),
    documentSigned: past(record.status) && record.status !== 'identity_verified',
    consentSigned: record.consentDocumentId === null || record.insuredConsented,
  };
}

export interface ApplicationViewContext {
  evidence: EndorsementEvidence;
  events: readonly EndorsementEventRecord[];
  /** The viewer may submit / cancel (holder or assigned agent) and decide (staff of the subtree). */
  viewerActsForHolder: boolean;
  viewerReviews: boolean;
  /** The viewer is the holder themself (only they pay, from their own WeChat). */
  viewerPays: boolean;
  /** The local stage's finance sandbox stands in for the finance system. */
  payoutSandbox?: boolean;
  /** The local stage's billing sandbox stands in for the billing system (renewal-account debits). */
  debitSandbox?: boolean;
}

export function toEndorsementApplication(
  record: EndorsementRecord,
  ctx: ApplicationViewContext,
): EndorsementApplication {
  const summary = toEndorsementSummary(record, ctx.evidence);
  const purpose = identityPurposeOf(record.applicationId);
  return {
    ...summary,
    holder: record.holder,
    insured: record.insured,
    changes: record.changes,
    figures: record.figures,
    figureRows: record.figureRows,
    documentId: record.documentId,
    documentSigned: ctx.evidence.documentSigned,
    identityPurpose: purpose,
    ...(record.trustee
      ? { trustee: { authorisationId: record.trustee.authorisationId, name: record.trustee.name } }
      : {}),
    ...(record.counterAct
      ? { counter: { authorisationId: record.counterAct.authorisationId, name: record.counterAct.name } }
      : {}),
    identityVerified: ctx.evidence.identityVerified,
    insuredConsent: record.consentDocumentId
      ? {
          customerId: record.insured.customerId,
          name: record.insured.name,
          documentId: record.consentDocumentId,
          identityPurpose: consentPurposeOf(record.applicationId),
          signed: ctx.evidence.consentSigned,
        }
      : null,
    phoneConfirmation:
      record.phoneConfirmed === null || record.request.type !== 'contact_change'
        ? null
        : { phoneMasked: newPhoneMasked(record), confirmed: record.phoneConfirmed },
    reviewReasons: record.reviewReasons,
    decision: record.decision
      ? {
          decision: record.decision.decision,
          reason: record.decision.reason,
          by: record.decision.byName,
          at: iso(record.decision.at),
        }
      : null,
    requiresIdempotencyKey: IDEMPOTENT_ENDORSEMENT_TYPES.includes(record.type),
    payment: record.payment
      ? {
          amountCents: record.payment.amountCents,
          openOrderNo: record.payment.openOrder?.outTradeNo ?? null,
          paidAt: record.payment.paid ? iso(record.payment.paid.paidAt) : null,
          transactionId: record.payment.paid?.transactionId ?? null,
          debitAccount: record.payment.debitAccount ?? null,
          paidBy: record.payment.paid
            ? record.payment.debit?.status === 'paid' &&
              record.payment.debit.reference === record.payment.paid.outTradeNo
              ? 'debit'
              : 'wechat_pay'
            : null,
          debit: record.payment.debit ? debitSummary(record.payment.debit, ctx.debitSandbox === true) : null,
        }
      : null,
    payout: record.payout
      ? {
          reference: record.payout.reference,
          amountCents: record.payout.amountCents,
          status: record.payout.status,
          statusLabel: PAYOUT_STATUS_LABELS[record.payout.status],
          bankName: record.payout.bankName,
          accountMasked: record.payout.accountMasked,
          instructedAt: iso(record.payout.instructedAt),
          paidAt: record.payout.paidAt === null ? null : iso(record.payout.paidAt),
          failureReason: record.payout.failure?.reason ?? null,
          sandbox: ctx.payoutSandbox === true,
        }
      : null,
    actions: {
      canSubmit:
        ctx.viewerActsForHolder && (summary.nextStep === 'submit' || summary.nextStep === 'confirm_phone'),
      canCancel: ctx.viewerActsForHolder && CANCELLABLE_STATUSES.includes(record.status),
      canDecide: ctx.viewerReviews && record.status === 'submitted',
      canPay:
        ctx.viewerPays && record.status === 'awaiting_payment' && record.payment?.debit?.status !== 'pending',
      canDebit:
        ctx.viewerPays &&
        record.status === 'awaiting_payment' &&
        record.payment?.debit?.status !== 'pending' &&
        Boolean(record.payment?.debitAccount),
      canChangePayoutAccount: ctx.viewerPays && record.payout?.status === 'failed',
    },
    timeline: ctx.events.map(toTimelineEvent),
  };
}

function newPhoneMasked(record: EndorsementRecord): string {
  return record.changes.find((c) => c.label === '手机号码')?.after ?? '';
}

export function identityPurposeOf(applicationId: string): string {
  return `endorsement:${applicationId}`;
}

export function consentPurposeOf(applicationId: string): string {
  return `endorsement:${applicationId}:insured`;
}

const ROLE_LABELS = { customer: '', agent: '业务员', staff: '保全审核', system: '' } as const;

export function toTimelineEvent(event: EndorsementEventRecord): TimelineEvent {
  // A customer-role account acting for the holder is the holder's trustee (a video authorisation).
  // Staff acting for the holder processed it at the counter on such an authorisation.
  const role =
    event.actorRole === 'customer' && event.onBehalfOf
      ? '受托人'
      : event.actorRole === 'staff' && event.onBehalfOf
        ? '柜面'
        : ROLE_LABELS[event.actorRole];
  const actor =
    event.actorRole === 'system'
      ? '系统'
      : event.onBehalfOf
        ? `${event.actorName}（${role}，代 ${event.onBehalfOf.name} 办理）`
        : role
          ? `${event.actorName}（${role}）`
          : event.actorName;
  return {
    type: event.type,
    label: ENDORSEMENT_EVENT_LABELS[event.type],
    at: iso(event.at),
    actor,
    actorRole: event.actorRole,
    onBehalfOf: event.onBehalfOf?.name ?? null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    verificationId: event.verificationId,
    detail: event.detail,
  };
}

/** A repayment's renewal-account debit as its holder sees it (the account already masked). */
export function debitSummary(debit: ApplicationDebit, sandbox: boolean) {
  return {
    reference: debit.reference,
    amountCents: debit.amountCents,
    status: debit.status,
    statusLabel: DEBIT_STATUS_LABELS[debit.status],
    bankName: debit.bankName,
    accountMasked: debit.accountMasked,
    requestedAt: iso(debit.requestedAt),
    failureReason: debit.failure?.reason ?? null,
    sandbox,
  };
}
