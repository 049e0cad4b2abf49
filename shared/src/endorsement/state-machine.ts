import { AppError } from '../errors';
import { ENDORSEMENT_STATUS_LABELS, type EndorsementStatus } from './application';

/**
 * The one state machine of every endorsement application:
 *
 *   draft ─verify_identity→ identity_verified ─sign→ signed ─submit→ submitted
 *   submitted ─approve→ approved ─take_effect→ effective ─issue_document→ document_issued
 *   approved ─await_payment→ awaiting_payment ─take_effect→ effective   (a repayment: the money
 *     first, confirmed by WeChat Pay; an expired order leaves it awaiting payment, to pay again)
 *   submitted ─reject→ rejected
 *   draft | identity_verified | signed ─cancel→ cancelled
 *
 * Rejected, cancelled and document_issued are final. A pure function: the engine asks it before
 * every write and writes the transition with its audit event in one transaction.
 */
export const ENDORSEMENT_ACTIONS = [
  'verify_identity',
  'sign',
  'submit',
  'approve',
  'reject',
  'await_payment',
  'take_effect',
  'issue_document',
  'cancel',
] as const;
export type EndorsementAction = (typeof ENDORSEMENT_ACTIONS)[number];

const TRANSITIONS: Record<EndorsementStatus, Partial<Record<EndorsementAction, EndorsementStatus>>> = {
  draft: { verify_identity: 'identity_verified', cancel: 'cancelled' },
  identity_verified: { sign: 'signed', cancel: 'cancelled' },
  signed: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { take_effect: 'effective', await_payment: 'awaiting_payment' },
  awaiting_payment: { take_effect: 'effective' },
  effective: { issue_document: 'document_issued' },
  document_issued: {},
  rejected: {},
  cancelled: {},
};

export const FINAL_STATUSES: readonly EndorsementStatus[] = ['document_issued', 'rejected', 'cancelled'];

/** Statuses a customer may still cancel from (everything before submission). */
export const CANCELLABLE_STATUSES: readonly EndorsementStatus[] = ['draft', 'identity_verified', 'signed'];

/** The status after `action`, or null when the machine does not allow it. */
export function nextStatus(from: EndorsementStatus, action: EndorsementAction): EndorsementStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Like nextStatus, but a refused transition is a 409 with a message the customer can act on. */
export function transition(from: EndorsementStatus, action: EndorsementAction): EndorsementStatus {
  const to = nextStatus(from, action);
  if (to) return to;
  throw new AppError('CONFLICT', refusalMessage(from, action), {
    logMessage: `endorsement transition ${action} refused from ${from}`,
  });
}

/** Applies actions in order (e.g. sign after verify_identity when both are seen at once). */
export function transitionAll(
  from: EndorsementStatus,
  actions: readonly EndorsementAction[],
): {
  status: EndorsementStatus;
  steps: { action: EndorsementAction; from: EndorsementStatus; to: EndorsementStatus }[];
} {
  let status = from;
  const steps: { action: EndorsementAction; from: EndorsementStatus; to: EndorsementStatus }[] = [];
  for (const action of actions) {
    const to = transition(status, action);
    steps.push({ action, from: status, to });
    status = to;
  }
  return { status, steps };
}

export function isFinal(status: EndorsementStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

function refusalMessage(from: EndorsementStatus, action: EndorsementAction): string {
  if (from === 'cancelled') return '该申请已撤销，不能继续办理；如需变更请重新申请';
  if (from === 'rejected') return '该申请未通过审核，已结束；如需变更请重新申请';
  if (from === 'document_issued') return '该申请已办理完成';
  if (action === 'cancel') return '申请已提交，不能撤销';
  if (action === 'submit')
    return from === 'draft' || from === 'identity_verified'
      ? '请先完成身份验证并签署申请书，再提交申请'
      : `申请当前为「${ENDORSEMENT_STATUS_LABELS[from]}」，不能重复提交`;
  if (action === 'approve' || action === 'reject')
    return `申请当前为「${ENDORSEMENT_STATUS_LABELS[from]}」，不在待审核状态`;
  if (action === 'sign') return '请先完成身份验证，再签署申请书';
  return `申请当前为「${ENDORSEMENT_STATUS_LABELS[from]}」，不能执行该操作`;
}
