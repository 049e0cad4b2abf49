import { IDEMPOTENCY_KEY_PATTERN } from '@zhixiang/shared/endorsement/application';
import { describe, expect, it } from 'vitest';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../src/packages/endorsements/lib/idempotency-key';
import { FLOW_STEPS, flowStepOf } from '../src/packages/endorsements/steps';

describe('Idempotency-Key of a financial submission', () => {
  it('is created once per confirmation and reused by every retry until forgotten', () => {
    const first = idempotencyKeyFor('EA20261126ABC123');
    expect(first).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(idempotencyKeyFor('EA20261126ABC123')).toBe(first);
    expect(idempotencyKeyFor('EA20261126XYZ789')).not.toBe(first);
    forgetIdempotencyKey('EA20261126ABC123');
    const next = idempotencyKeyFor('EA20261126ABC123');
    expect(next).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(next).not.toBe(first);
  });
});

describe('step indicator position', () => {
  it.each([
    [{ status: 'draft', nextStep: 'verify_identity' }, '验证身份'],
    [{ status: 'draft', nextStep: 'submit' }, '核对'],
    [{ status: 'identity_verified', nextStep: 'sign' }, '签署'],
    [{ status: 'signed', nextStep: 'submit' }, '提交'],
    [{ status: 'submitted', nextStep: 'await_review' }, '结果'],
  ] as const)('%j → %s', (application, step) => {
    expect(FLOW_STEPS[flowStepOf(application)]).toBe(step);
  });

  it('ticks every step once the application has ended', () => {
    for (const status of ['effective', 'document_issued', 'rejected', 'cancelled'] as const)
      expect(flowStepOf({ status, nextStep: 'none' })).toBe(FLOW_STEPS.length);
  });
});
