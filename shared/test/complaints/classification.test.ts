import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  COMPLAINT_CATEGORIES,
  classifyComplaint,
  defaultComplaintRules,
} from '../../src/complaints/classification';

const receivedAt = '2026-03-02T01:00:00.000Z';
const rulesOf = (input: Parameters<typeof classifyComplaint>[0]) =>
  classifyComplaint(input).reasons.map((r) => r.rule);

describe('complaint classification', () => {
  it('has the seven categories', () => {
    expect(Object.values(COMPLAINT_CATEGORIES)).toEqual([
      '销售误导',
      '理赔',
      '保全',
      '续期扣款',
      '服务态度',
      '产品',
      '其他',
    ]);
  });

  it('an ordinary complaint has no reason', () => {
    expect(classifyComplaint({ text: '理赔材料提交后一周没有进度', receivedAt })).toEqual({
      severity: 'ordinary',
      reasons: [],
    });
  });

  it('each configured rule makes a complaint urgent/major, with its reason', () => {
    expect(rulesOf({ text: '请处理', receivedAt, regulatorForwarded: true })).toEqual(['regulator']);
    expect(rulesOf({ text: '我要找记者曝光', receivedAt })).toEqual(['media']);
    expect(rulesOf({ text: '我已经请了律师', receivedAt })).toContain('legal');
    expect(
      rulesOf({ text: '又来投诉', receivedAt, earlierComplaintsReceivedAt: ['2026-02-01T01:00:00.000Z'] }),
    ).toEqual(['repeat']);
    expect(
      rulesOf({ text: '又来投诉', receivedAt, earlierComplaintsReceivedAt: ['2026-01-20T01:00:00.000Z'] }),
    ).toEqual([]);
    expect(rulesOf({ text: '请处理', receivedAt, customerBirthDate: '1961-03-02' })).toEqual(['elderly']);
    expect(rulesOf({ text: '请处理', receivedAt, customerBirthDate: '1961-03-03' })).toEqual([]);
    expect(
      rulesOf({ text: '请处理', receivedAt, amountCents: defaultComplaintRules.urgent.amountAboveCents + 1 }),
    ).toEqual(['amount']);
    expect(rulesOf({ text: '你们就是骗子！！太过分了', receivedAt })).toContain('anger');
  });

  it('property: age grows by exactly one on each birthday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 2000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const p = (n: number) => String(n).padStart(2, '0');
          const birth = `${y}-${p(m)}-${p(d)}`;
          expect(ageOn(birth, `${y + 65}-${p(m)}-${p(d)}`)).toBe(65);
          const dayBefore = new Date(Date.parse(`${y + 65}-${p(m)}-${p(d)}T00:00:00Z`) - 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(ageOn(birth, dayBefore)).toBe(64);
        },
      ),
    );
  });
});
