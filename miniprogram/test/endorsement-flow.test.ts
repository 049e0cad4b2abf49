import { IDEMPOTENCY_KEY_PATTERN } from '@zhixiang/shared/endorsement/application';
import { describe, expect, it } from 'vitest';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../src/lib/idempotency-key';
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
    // A draft is being checked until the identity is verified, whatever comes next: 核对 is not
    // ticked before the holder has confirmed.
    [{ status: 'draft' }, '核对'],
    [{ status: 'identity_verified' }, '签署'],
    [{ status: 'signed' }, '提交'],
    [{ status: 'submitted' }, '结果'],
  ] as const)('%j → %s', (application, step) => {
    expect(FLOW_STEPS[flowStepOf(application) ?? -1]).toBe(step);
  });

  it('ticks every step once the change took effect, and none when it was cancelled or rejected', () => {
    for (const status of ['effective', 'document_issued'] as const)
      expect(flowStepOf({ status })).toBe(FLOW_STEPS.length);
    for (const status of ['rejected', 'cancelled'] as const) expect(flowStepOf({ status })).toBeNull();
  });
});
