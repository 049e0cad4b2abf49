import { describe, expect, it } from 'vitest';
import { accept, problemsToAppError, refuse } from '../../src/endorsement/rule-result';

describe('RuleResult', () => {
  it('accepts a value or refuses with problems', () => {
    expect(accept(1)).toEqual({ ok: true, value: 1 });
    expect(refuse([{ field: 'a', message: '错误' }])).toEqual({
      ok: false,
      problems: [{ field: 'a', message: '错误' }],
    });
  });

  it("becomes a 400 VALIDATION_FAILED naming the first problem's field for handlers", () => {
    const error = problemsToAppError([
      { field: 'amountCents', message: '贷款金额不能超过可贷金额 ¥54,736.40' },
      { field: 'other', message: '其他' },
    ]);
    expect(error.toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '贷款金额不能超过可贷金额 ¥54,736.40',
      field: 'amountCents',
    });
    expect(error.status).toBe(400);
  });
});
