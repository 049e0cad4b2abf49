import { purposeLabel } from '@zhixiang/shared/identity/verification';
import { describe, expect, it } from 'vitest';

describe('purposeLabel', () => {
  it('names what a verification is for in Chinese, never the internal key', () => {
    expect(purposeLabel('document:PD20261125ZXDEMO')).toBe('签署电子批单 PD20261125ZXDEMO');
    expect(purposeLabel('endorsement:EA20261125DEMO01')).toBe('保全申请 EA20261125DEMO01');
    expect(purposeLabel('endorsement:EA20261125DEMO01:insured')).toBe(
      '保全申请 EA20261125DEMO01（被保险人同意）',
    );
    expect(purposeLabel('callback:P1')).toBe('本次业务');
  });
});
