import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BeneficiaryInput,
  checkBeneficiaryChange,
  formatShare,
  splitCentsByShares,
} from '../../src/endorsement/beneficiary-change';
import { validIdNumber } from './id-numbers';

const TODAY = '2026-11-26';
const insuredIdNumber = validIdNumber('1980-05-01', '111');
const ctx = { holderId: 'C001', insuredId: 'C001', insuredIdNumber, current: [], today: TODAY };
const spouse: BeneficiaryInput = {
  name: '王芳',
  relation: '配偶',
  order: 1,
  shareBasisPoints: 6000,
  idNumber: validIdNumber('1982-03-04', '222'),
};
const child: BeneficiaryInput = {
  name: '张小明',
  relation: '子女',
  order: 1,
  shareBasisPoints: 4000,
  idNumber: validIdNumber('2010-07-08', '333'),
};
const parent: BeneficiaryInput = {
  name: '张建国',
  relation: '父母',
  order: 2,
  shareBasisPoints: 10000,
  idNumber: validIdNumber('1955-01-02', '444'),
};

describe('checkBeneficiaryChange', () => {
  it('accepts two orders whose shares each sum to 100% and sorts them by order and share', () => {
    const result = checkBeneficiaryChange([parent, child, spouse], ctx);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.after.map((b) => [b.name, b.order, b.shareBasisPoints])).toEqual([
      ['王芳', 1, 6000],
      ['张小明', 1, 4000],
      ['张建国', 2, 10000],
    ]);
    expect(result.ok && result.value.insuredConsentRequired).toBe(false);
  });

  it("requires the insured's consent when the holder is not the insured (保险法 Art. 41)", () => {
    const result = checkBeneficiaryChange([{ ...spouse, shareBasisPoints: 10000 }], {
      ...ctx,
      holderId: 'C009',
    });
    expect(result.ok && result.value.insuredConsentRequired).toBe(true);
  });

  it('refuses shares summing to 99% within an order', () => {
    expect(checkBeneficiaryChange([spouse, { ...child, shareBasisPoints: 3900 }], ctx)).toEqual({
      ok: false,
      problems: [{ field: 'beneficiaries', message: '第 1 顺位受益人的受益比例合计为 99%，应为 100%' }],
    });
  });

  it('refuses a gap in the orders', () => {
    const result = checkBeneficiaryChange(
      [
        { ...parent, order: 3 },
        { ...spouse, shareBasisPoints: 10000 },
      ],
      ctx,
    );
    expect(!result.ok && result.problems).toEqual([
      { field: 'beneficiaries', message: '受益顺位应从第 1 顺位起连续排列，缺少第 2 顺位' },
    ]);
  });

  it('refuses the insured as their own beneficiary, a duplicate person and a wrong ID check digit', () => {
    const wrongCheck = `${child.idNumber.slice(0, 17)}${child.idNumber.endsWith('0') ? '1' : '0'}`;
    const result = checkBeneficiaryChange(
      [
        { ...spouse, idNumber: insuredIdNumber.toLowerCase() },
        { ...child, idNumber: wrongCheck },
        { ...parent, idNumber: parent.idNumber },
        { ...parent, name: '张建军', idNumber: parent.idNumber, shareBasisPoints: 0 },
      ],
      ctx,
    );
    expect(!result.ok && result.problems).toEqual([
      { field: 'beneficiaries[0].idNumber', message: '被保险人本人不能作为身故保险金受益人' },
      {
        field: 'beneficiaries[1].idNumber',
        message: '第 2 位受益人：身份证号码校验位不正确，请核对后重新输入',
      },
      {
        field: 'beneficiaries[3].shareBasisPoints',
        message: '第 4 位受益人的受益比例应在 0.01% 至 100% 之间',
      },
      { field: 'beneficiaries[3].idNumber', message: '第 4 位与第 3 位受益人的身份证号码相同' },
    ]);
  });

  it('refuses a relation outside the fixed list and a one-character name', () => {
    const result = checkBeneficiaryChange(
      [{ ...spouse, name: '王', relation: '朋友', shareBasisPoints: 10000 }],
      ctx,
    );
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'beneficiaries[0].name',
      'beneficiaries[0].relation',
    ]);
  });

  it('refuses an empty list (the estate would inherit) and more than ten beneficiaries', () => {
    expect(!checkBeneficiaryChange([], ctx).ok).toBe(true);
    const eleven = Array.from({ length: 11 }, () => spouse);
    expect(checkBeneficiaryChange(eleven, ctx)).toEqual({
      ok: false,
      problems: [{ field: 'beneficiaries', message: '受益人最多 10 位' }],
    });
  });
});

describe('checkBeneficiaryChange: shares of one order', () => {
  const person = (i: number, shareBasisPoints: number): BeneficiaryInput => ({
    name: `受益人${i}`,
    relation: '子女',
    order: 1,
    shareBasisPoints,
    idNumber: validIdNumber('2000-01-01', String(100 + i)),
  });

  it('accepts any split of 10000 bp and refuses it once any share moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
        (weights, pick, delta) => {
          const shares = splitCentsByShares(10000, weights);
          expect(
            checkBeneficiaryChange(
              shares.map((share, i) => person(i, share)),
              ctx,
            ).ok,
          ).toBe(true);
          const i = pick % shares.length;
          const moved = shares.map((share, j) => (j === i ? share + delta : share));
          expect(
            checkBeneficiaryChange(
              moved.map((share, j) => person(j, share)),
              ctx,
            ).ok,
          ).toBe(false);
        },
      ),
    );
  });
});

describe('formatShare', () => {
  it('shows basis points as a percentage without trailing zeros', () => {
    expect([10000, 9900, 3333, 3350, 1].map(formatShare)).toEqual([
      '100%',
      '99%',
      '33.33%',
      '33.5%',
      '0.01%',
    ]);
  });
});

describe('splitCentsByShares (largest remainder)', () => {
  it('gives the leftover cent to the largest remainder, ties to the earlier beneficiary', () => {
    expect(splitCentsByShares(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
    expect(splitCentsByShares(100, [5000, 5000])).toEqual([50, 50]);
    expect(splitCentsByShares(1, [5000, 5000])).toEqual([1, 0]);
    expect(splitCentsByShares(1_000_000_01, [6000, 4000])).toEqual([60_000_001, 40_000_000]);
  });

  it('refuses amounts and shares it cannot split', () => {
    expect(() => splitCentsByShares(-1, [10000])).toThrow(RangeError);
    expect(() => splitCentsByShares(1.5, [10000])).toThrow(RangeError);
    expect(() => splitCentsByShares(100, [0, 0])).toThrow(RangeError);
  });

  it('always sums exactly to the amount, each part within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 12 })
          .filter((s) => s.some((x) => x > 0)),
        (amount, shares) => {
          const parts = splitCentsByShares(amount, shares);
          const total = shares.reduce((a, s) => a + s, 0);
          expect(parts.reduce((a, p) => a + BigInt(p), 0n)).toBe(BigInt(amount));
          parts.forEach((part, i) => {
            const exactTimesTotal = BigInt(amount) * BigInt(shares[i] ?? 0);
            const diff = BigInt(part) * BigInt(total) - exactTimesTotal;
            expect(diff > -BigInt(total) && diff < BigInt(total)).toBe(true);
            if (shares[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });
});
