import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDORSEMENT_STATUSES, type EndorsementStatus } from '../../src/endorsement/application';
import {
  CANCELLABLE_STATUSES,
  ENDORSEMENT_ACTIONS,
  FINAL_STATUSES,
  nextStatus,
  transition,
  transitionAll,
} from '../../src/endorsement/state-machine';
import { AppError } from '../../src/errors';

/** The refusal a transition answers with (null when it is allowed). */
function refusalOf(from: EndorsementStatus, action: (typeof ENDORSEMENT_ACTIONS)[number]): AppError | null {
  try {
    transition(from, action);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('the endorsement state machine', () => {
  it('walks the happy path draft → … → document_issued', () => {
    const { status, steps } = transitionAll('draft', [
      'verify_identity',
      'sign',
      'submit',
      'approve',
      'take_effect',
      'issue_document',
    ]);
    expect(status).toBe('document_issued');
    expect(steps.map((s) => s.to)).toEqual([
      'identity_verified',
      'signed',
      'submitted',
      'approved',
      'effective',
      'document_issued',
    ]);
  });

  it('rejects only what is submitted, and rejection is final', () => {
    expect(transition('submitted', 'reject')).toBe('rejected');
    for (const action of ENDORSEMENT_ACTIONS) expect(nextStatus('rejected', action)).toBeNull();
  });

  it('allows cancelling only until submission, and cancelled is final', () => {
    for (const status of ENDORSEMENT_STATUSES)
      expect(nextStatus(status, 'cancel') === 'cancelled').toBe(CANCELLABLE_STATUSES.includes(status));
    expect(refusalOf('submitted', 'cancel')?.userMessage).toBe('申请已提交，不能撤销');
    expect(refusalOf('cancelled', 'submit')?.userMessage).toBe(
      '该申请已撤销，不能继续办理；如需变更请重新申请',
    );
  });

  it('refuses a submission before signing with a message the customer can act on', () => {
    expect(refusalOf('draft', 'submit')?.userMessage).toBe('请先完成身份验证并签署申请书，再提交申请');
    expect(refusalOf('draft', 'sign')?.userMessage).toBe('请先完成身份验证，再签署申请书');
    expect(refusalOf('submitted', 'submit')?.userMessage).toBe('申请当前为「审核中」，不能重复提交');
  });

  it('answers every refused transition with a 409 AppError in Chinese (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENDORSEMENT_STATUSES),
        fc.constantFrom(...ENDORSEMENT_ACTIONS),
        (from: EndorsementStatus, action) => {
          const refusal = refusalOf(from, action);
          if (nextStatus(from, action)) return refusal === null;
          return refusal?.status === 409 && /[\u4e00-\u9fa5]/.test(refusal.userMessage);
        },
      ),
    );
  });

  it('has no way out of a final status and reaches a final status from any status', () => {
    for (const status of FINAL_STATUSES)
      for (const action of ENDORSEMENT_ACTIONS) expect(nextStatus(status, action)).toBeNull();
    const reachable = (
      from: EndorsementStatus,
      seen = new Set<EndorsementStatus>(),
    ): Set<EndorsementStatus> => {
      seen.add(from);
      for (const action of ENDORSEMENT_ACTIONS) {
        const to = nextStatus(from, action);
        if (to && !seen.has(to)) reachable(to, seen);
      }
      return seen;
    };
    for (const status of ENDORSEMENT_STATUSES)
      expect([...reachable(status)].some((s) => FINAL_STATUSES.includes(s))).toBe(true);
  });
});
